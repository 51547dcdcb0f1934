import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { projectRoot } from "../../src/project-root.js";

/** Debian's Chromium (`apt-get install -y chromium`); `.ci/run` installs it when missing. */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Flags for a headless run on a machine without a display or outside network (see DEVELOPERS.md). */
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Where browser tests save their screenshots (git-ignored). */
const ARTIFACTS_DIR = path.join(projectRoot, "test-artifacts", "browser");

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH)`);
  }
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
}

/**
 * Records every request the page makes to a host other than the server's loopback origin:
 * the pages must work offline, so a test asserts this list stays empty. Such requests are
 * also aborted, so nothing leaves the machine.
 */
export async function watchForeignRequests(page: Page, origin: string): Promise<string[]> {
  const foreign: string[] = [];
  const allowed = new URL(origin).host;
  await page.route("**/*", (route) => {
    const url = new URL(route.request().url());
    const local = url.protocol === "data:" || url.protocol === "blob:" || url.host === allowed;
    if (local) return route.continue();
    foreign.push(url.href);
    return route.abort();
  });
  return foreign;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

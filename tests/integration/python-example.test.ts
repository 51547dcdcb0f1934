import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IngestArticleInput } from "../__generated__/graphql.js";
import { projectRoot } from "../../src/project-root.js";
import { uniqueTag } from "../support/ids.js";
import { ingestOk } from "../support/ingest.js";
import { removeArticles } from "../support/remove-articles.js";
import { useTestServer } from "../support/server.js";

/**
 * examples/python/audit_status.py, as a researcher runs it against the server: Debian's
 * python3 with pandas and requests (.ci/run installs them), the audit export loaded into a
 * DataFrame, each outlet's statuses counted.
 */
const run = promisify(execFile);
const PYTHON = "/usr/bin/python3";
const SCRIPT = path.join(projectRoot, "examples/python/audit_status.py");

const server = useTestServer();
const tag = uniqueTag("py");
const symbol = `P${tag.slice(-6)}`.toUpperCase();
const wire = `wire-${tag}.example`;
const desk = `desk-${tag}.example`;

function article(outlet: string, n: number, amountUsd: number, polarity: "ASSERTED" | "DENIED"): IngestArticleInput {
  const cascade = { kind: "EVENT" as const, key: `${tag}-cascade` };
  const coin = { kind: "ASSET" as const, key: symbol };
  return {
    url: `https://${outlet}/${n}`,
    title: `${outlet} ${n}`,
    publishedAt: `2026-05-0${n}T12:00:00Z`,
    source: { domain: outlet, name: outlet },
    assets: [{ symbol, name: `${tag} coin`, assetClass: "CRYPTO" }],
    events: [{ key: cascade.key, kind: "liquidation", title: "Cascade", occurredAt: "2026-05-01T08:00:00Z", amountUsd, affects: [coin] }],
    claims: [
      { key: "c", text: `Claim ${n}.`, relation: "CAUSES", polarity, confidence: 0.8, cause: cascade, effect: coin, attributedTo: [desk] },
    ],
  };
}

beforeAll(async () => {
  await ingestOk(server, article(wire, 1, 1.3e9, "ASSERTED"));
  await ingestOk(server, article(desk, 2, 2.5e9, "ASSERTED"));
  await ingestOk(server, article(wire, 3, 1.3e9, "DENIED"));
});
afterAll(() => removeArticles(server.driver, tag));

describe("the Python example", () => {
  it("prints each outlet's status counts from the CSV export", async () => {
    const { stdout } = await run(PYTHON, [SCRIPT, "--url", server.origin, "--asset", symbol], { timeout: 60_000 });
    const rows = Object.fromEntries(
      stdout
        .split("\n")
        .map((line) => line.trim().split(/\s+/))
        .filter((cells) => cells[0] === wire || cells[0] === desk)
        .map(([outlet, ...counts]) => [outlet, counts.map(Number)]),
    );
    // CORROBORATED, SINGLE_SOURCE, UNCITED, CONFLICTING, figuresDisputed, total.
    expect(rows).toEqual({ [wire]: [1, 0, 0, 1, 2, 2], [desk]: [0, 0, 0, 1, 1, 1] });
    expect(stdout.split("\n")[0]).toMatch(/CORROBORATED\s+SINGLE_SOURCE\s+UNCITED\s+CONFLICTING\s+figuresDisputed\s+total/);
  });

  it("exits 1 with the server's message when the filter is refused", async () => {
    const failed = await run(PYTHON, [SCRIPT, "--url", server.origin, "--status", "MAYBE"], { timeout: 60_000 }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toContain("status: must be one of CORROBORATED");
  });
});

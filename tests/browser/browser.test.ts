import type { Core } from "cytoscape";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClaimByIdDocument, RetractClaimDocument } from "../__generated__/graphql.js";
import { uniqueTag } from "../support/ids.js";
import { ingestOk } from "../support/ingest.js";
import { removeArticles } from "../support/remove-articles.js";
import { launchChromium, screenshot, watchForeignRequests } from "../support/browser.js";
import { EDITOR_TOKEN, useTestServer } from "../support/server.js";

// The real server on the seed, with introspection off: the playground must not need it.
const server = useTestServer({ INTROSPECTION: "false" });
let browser: Browser;

/** What the explorer page exposes: its drawn graph (Cytoscape). Callbacks given to page.evaluate run in the browser. */
type ExplorerWindow = { explorerGraph?: Core };

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A fresh page (empty storage) whose non-local requests are recorded and refused. */
async function openPage(path: string): Promise<{ page: Page; foreign: string[]; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const foreign = await watchForeignRequests(page, server.origin);
  // Script errors, and console errors such as a Content-Security-Policy refusal or a failed load.
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  await page.goto(new URL(path, server.origin).href, { waitUntil: "networkidle" });
  return { page, foreign, errors };
}

describe("GraphiQL playground", () => {
  it("opens at /graphql in a browser, runs the saved 'Explain BTC's Feb 1 move' example and shows its result", async () => {
    const { page, foreign, errors } = await openPage("/graphql");
    await expect(page.title()).resolves.toContain("GraphQL playground");
    // The saved examples are tabs, the first one open with its variables filled in.
    for (const tab of ["ExplainBtcFeb1", "EtfExodusTimeline", "TgaToRiskOff", "AuditSeekingAlpha", "SearchLiquidation", "IngestExample"]) {
      await expect(page.getByRole("tab", { name: tab }).count()).resolves.toBe(1);
    }
    await page.locator(".graphiql-editor-tool").getByText('"symbol": "BTC"').waitFor();

    const answered = page.waitForResponse((response) => response.url().endsWith("/graphql") && response.request().method() === "POST");
    await page.getByRole("button", { name: /Execute query/ }).click();
    const response = await answered;
    const body = (await response.json()) as { data?: { explainPriceMove: { drivers: { node: { key?: string } }[] } }; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    const drivers = body.data!.explainPriceMove.drivers.map((driver) => driver.node.key);
    expect(drivers).toEqual(expect.arrayContaining(["btc-weekend-liquidation-cascade", "etf-outflows-monthly"]));
    // What the user sees: the result pane shows the answer.
    await page.locator(".result-window").getByText('"btc-weekend-slide"').first().waitFor();
    await screenshot(page, "playground");
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("is also at /playground, with the explorer plugin", async () => {
    const { page, foreign } = await openPage("/playground");
    await page.getByRole("button", { name: /GraphiQL Explorer/i }).click();
    await page.getByText("Query", { exact: false }).first().waitFor();
    await expect(page.locator(".graphiql-explorer-root, .docExplorerWrap").first().isVisible()).resolves.toBe(true);
    expect(foreign).toEqual([]);
  });
});

describe("narrative explorer", () => {
  it("shows BTC's timeline around 2026-02-01 page by page, explains the weekend slide and attributes a clicked edge", async () => {
    const { page, foreign, errors } = await openPage("/explore");
    await page.getByLabel("Symbol").fill("BTC");
    await page.getByLabel("From").fill("2026-01-25");
    await page.getByLabel("To").fill("2026-02-02");
    await page.getByRole("button", { name: "Show timeline" }).click();

    const timeline = page.getByRole("region", { name: "Timeline" });
    // The seed's events in time order: the week of ETF outflows, then the liquidation cascade.
    await timeline.getByText("$1.3 billion weekend liquidation cascade in bitcoin derivatives").waitFor();
    await timeline.getByText("Spot bitcoin ETFs see $1.6 billion in outflows in the past week").waitFor();
    await expect(timeline.locator(".entry").count()).resolves.toBe(20);
    await screenshot(page, "explorer-timeline");

    await timeline.getByRole("button", { name: "Load more" }).click();
    await expect.poll(() => timeline.locator(".entry").count()).toBeGreaterThan(20);
    const cursors = await timeline.locator(".entry").evaluateAll((entries) => entries.map((entry) => entry.getAttribute("data-cursor")));
    expect(new Set(cursors).size).toBe(cursors.length); // the second page continues, it does not repeat

    await timeline.getByRole("button", { name: /BTC 88000 → 76000/ }).click();
    const explanation = page.getByRole("region", { name: "Explanation" });
    await explanation.getByText("What drove: BTC 88000 → 76000").waitFor();
    await page.waitForFunction(() => ((globalThis as ExplorerWindow).explorerGraph?.edges().length ?? 0) > 0);
    await explanation.getByRole("region", { name: "Denied causes" }).getByText("Fed policy").waitFor();

    // Click the drawn edge from the liquidation cascade to the slide, at a point no node covers.
    const target = await page.evaluate(() => {
      const cy = (globalThis as ExplorerWindow).explorerGraph!;
      const edge = cy.edges().filter((e) => /liquidation cascade/.test(e.source().data("label")) && e.target().hasClass("move"))[0]!;
      const [from, to] = [edge.sourceEndpoint(), edge.targetEndpoint()].map((p) => ({
        x: p.x * cy.zoom() + cy.pan().x,
        y: p.y * cy.zoom() + cy.pan().y,
      }));
      const boxes = cy.nodes().map((n) => n.renderedBoundingBox({ includeLabels: true }));
      for (let t = 0.5; t < 0.95; t += 0.05) {
        for (const s of [t, 1 - t]) {
          const x = from!.x + (to!.x - from!.x) * s;
          const y = from!.y + (to!.y - from!.y) * s;
          if (!boxes.some((b) => x >= b.x1 - 4 && x <= b.x2 + 4 && y >= b.y1 - 4 && y <= b.y2 + 4)) return { id: edge.id(), x, y };
        }
      }
      return { id: edge.id(), ...edge.renderedMidpoint() };
    });
    const graphBox = (await page.locator(".causal-graph").boundingBox())!;
    await page.mouse.click(graphBox.x + target.x, graphBox.y + target.y);

    // The panel shows that claim: its verbatim text marked in the article, its outlets and badge.
    const claim = await server.request(ClaimByIdDocument, { id: target.id });
    const expected = claim.data!.node!.__typename === "Claim" ? claim.data!.node : null;
    expect(expected).not.toBeNull();
    const panel = page.getByRole("complementary", { name: "Claim" });
    await panel.locator("mark").waitFor();
    await expect(panel.locator("mark").innerText()).resolves.toBe(expected!.text);
    const attribution = panel.getByRole("region", { name: "Attribution" });
    for (const source of expected!.attributedTo) await attribution.getByText(source.domain, { exact: false }).first().waitFor();
    await expect(panel.locator(".badge").getAttribute("data-status")).resolves.toMatch(
      /^(CORROBORATED|SINGLE_SOURCE|UNCITED|CONFLICTING)$/,
    );
    await panel.getByRole("region", { name: "Related articles" }).locator("li").first().waitFor();
    // Its cause and effect, each with the keys and names it was given.
    const named = panel.getByRole("region", { name: "Cause and effect" });
    await named.locator("dt").first().waitFor();
    await expect(named.locator("dt").allInnerTexts()).resolves.toEqual(["Cause", "Effect"]);
    await expect(named.locator(".aliases").first().innerText()).resolves.toMatch(/^\s*also known as “/);
    await screenshot(page, "explorer-claim");

    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("updates the timeline live: an article ingested meanwhile appears, and a retracted claim goes", async () => {
    const tag = uniqueTag("browser-live");
    try {
      const { page, foreign, errors } = await openPage("/explore?asset=BTC&from=2026-01-25&to=2026-02-02");
      const timeline = page.getByRole("region", { name: "Timeline" });
      await timeline.getByText("● live").waitFor();
      const title = `Late take on the cascade ${tag}`;
      const text = `The cascade still weighs on bitcoin (${tag}).`;
      const ingested = await ingestOk(server, {
        url: `https://late.example/${tag}`,
        title,
        publishedAt: "2026-02-01T21:00:00Z",
        source: { domain: "late.example", name: "Late Wire" },
        assets: [{ symbol: "BTC", name: "Bitcoin" }],
        claims: [
          {
            key: "late",
            text,
            relation: "CONTRIBUTES_TO",
            confidence: 0.6,
            cause: { kind: "EVENT", key: "btc-weekend-liquidation-cascade" },
            effect: { kind: "ASSET", key: "BTC" },
          },
        ],
      });
      const fresh = page.getByRole("region", { name: "New since you opened" });
      await fresh.getByText(title).waitFor();
      await fresh.getByText(text, { exact: false }).waitFor();
      await screenshot(page, "explorer-live");

      const claimId = await claimIdOf(ingested.article.url);
      const retraction = await server.request(RetractClaimDocument, { id: claimId, reason: "checked: no source" }, { token: EDITOR_TOKEN });
      expect(retraction.errors).toBeUndefined();
      await fresh.getByText(/1 claim\(s\) retracted since/).waitFor();
      await expect(fresh.getByText(text, { exact: false }).count()).resolves.toBe(0);
      expect(foreign).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await removeArticles(server.driver, tag);
    }
  });

  it("says so when the API refuses a request, instead of drawing nothing", async () => {
    const { page, foreign } = await openPage("/explore?asset=BTC&from=2026-02-03&to=2026-01-01");
    await page.getByRole("region", { name: "Timeline" }).getByRole("alert").waitFor();
    await expect(page.getByRole("region", { name: "Timeline" }).getByRole("alert").innerText()).resolves.toMatch(
      /Could not load the timeline/,
    );
    expect(foreign).toEqual([]);
  });
});

/** The id of the one claim of the article at `url`. */
async function claimIdOf(url: string): Promise<string> {
  const res = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: `{ article(url: "${url}") { claims { id } } }` }),
  });
  const body = (await res.json()) as { data: { article: { claims: { id: string }[] } } };
  return body.data.article.claims[0]!.id;
}

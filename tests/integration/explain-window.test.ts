import { afterAll, describe, expect, it } from "vitest";
import {
  ExplainPriceMoveDocument,
  type CausalNodeRefFragment,
  type ClaimInput,
  type IngestArticleInput,
} from "../__generated__/graphql.js";
import { uniqueTag } from "../support/ids.js";
import { ingestOk } from "../support/ingest.js";
import { removeArticles } from "../support/remove-articles.js";
import { useTestServer } from "../support/server.js";

const server = useTestServer();
const tag = uniqueTag("w");
const keyOf = (node: CausalNodeRefFragment) => ("key" in node ? node.key : "symbol" in node ? node.symbol : "");
const WEEKEND = { symbol: "BTC", from: "2026-01-31T00:00:00-05:00", to: "2026-02-02T00:00:00-05:00" };
const DAY = 86_400_000;

/** The seed article's top drivers of BTC's weekend slide: the cascade (0.85), three at 0.8, then leverage (0.8 × 0.85). */
const SEED_TOP = ["btc-weekend-liquidation-cascade", ["etf-outflows-monthly", "etf-outflows-weekly", "liquidity"], "leverage"] as const;

/** Asserts that `drivers` starts with the seed's top drivers (equal scores in any order). */
function expectSeedDriversFirst(drivers: string[]) {
  expect(drivers[0]).toBe(SEED_TOP[0]);
  expect(drivers.slice(1, 4).sort()).toEqual([...SEED_TOP[1]]);
  expect(drivers[4]).toBe(SEED_TOP[2]);
}

const ingest = (input: IngestArticleInput) => ingestOk(server, input);

async function explain(variables: Partial<typeof WEEKEND> & { lookbackDays?: number; move?: string } = {}) {
  const res = await server.request(ExplainPriceMoveDocument, { ...WEEKEND, ...variables });
  expect(res.errors).toBeUndefined();
  return res.data!.explainPriceMove;
}

/** A BTC article of `outlet` published at `publishedAt` that defines `factors`/`events` and makes `claims`. */
function btcArticle(
  slug: string,
  publishedAt: string,
  parts: {
    factors?: string[];
    events?: { key: string; occurredAt: string }[];
    moves?: { key: string; startAt: string }[];
    claims: ClaimInput[];
  },
  outlet = `${tag}-wire.example`,
): IngestArticleInput {
  return {
    url: `https://${outlet}/${slug}`,
    title: `BTC ${slug}`,
    publishedAt,
    source: { domain: outlet, name: outlet },
    assets: [{ symbol: "BTC", name: "Bitcoin", assetClass: "CRYPTO" }],
    macroFactors: (parts.factors ?? []).map((key) => ({ key, name: key })),
    events: (parts.events ?? []).map((e) => ({
      key: e.key,
      kind: "news",
      title: e.key,
      occurredAt: e.occurredAt,
      affects: [{ kind: "ASSET", key: "BTC" }],
    })),
    priceMoves: (parts.moves ?? []).map((m) => ({
      key: m.key,
      asset: "BTC",
      startAt: m.startAt,
      endAt: new Date(Date.parse(m.startAt) + 2 * DAY).toISOString(),
      open: 90_000,
      low: 80_000,
      high: 91_000,
      close: 85_000,
    })),
    claims: parts.claims,
  };
}

const claim = (key: string, cause: ClaimInput["cause"], effect: ClaimInput["effect"], confidence = 0.99): ClaimInput => ({
  key,
  text: `${key}.`,
  relation: "CAUSES",
  confidence,
  cause,
  effect,
});
const btc = { kind: "ASSET" as const, key: "BTC" };
const slide = { kind: "PRICE_MOVE" as const, key: "btc-weekend-slide" };

afterAll(async () => {
  // These articles share BTC and seed nodes with other files: take them out again.
  await removeArticles(server.driver, tag);
  await server.driver.executeQuery(
    `MATCH (n) WHERE (n:Event OR n:PriceMove OR n:MacroFactor) AND n.key STARTS WITH $tag OR (n:Source AND n.domain STARTS WITH $tag)
     DETACH DELETE n`,
    { tag },
  );
});

describe("explainPriceMove explains its window only", () => {
  it("an event that happened in June is no driver of the Feb 1 move, however confident the claim", async () => {
    const june = `${tag}-june-event`;
    await ingest(
      btcArticle("june", "2026-06-02T10:00:00Z", {
        events: [{ key: june, occurredAt: "2026-06-01T12:00:00Z" }],
        claims: [
          claim("june-moved-btc", { kind: "EVENT", key: june }, btc),
          // The same kind of fault aimed at the move itself: the event came after the move ended.
          claim("june-moved-the-slide", { kind: "EVENT", key: june }, slide),
        ],
      }),
    );
    const explanation = await explain();
    const drivers = explanation.drivers.map((d) => keyOf(d.node));
    expect(drivers).not.toContain(june);
    expectSeedDriversFirst(drivers);
  });

  it("no hop runs back in time: an event after the slide ended did not cause it", async () => {
    const late = `${tag}-late-event`;
    const during = `${tag}-event-during-slide`;
    await ingest(
      btcArticle("late", "2026-02-01T20:00:00Z", {
        // The slide ended at 05:00Z and the bounce at 14:55Z; this event came at 11:00Z.
        events: [
          { key: late, occurredAt: "2026-02-01T11:00:00Z" },
          { key: during, occurredAt: "2026-01-31T12:00:00Z" },
        ],
        claims: [
          claim("late-event-caused-the-slide", { kind: "EVENT", key: late }, slide),
          claim("event-during-slide-fed-it", { kind: "EVENT", key: during }, slide, 0.3),
        ],
      }),
    );
    const explanation = await explain();
    const drivers = new Map(explanation.drivers.map((d) => [keyOf(d.node), d]));
    expect(drivers.has(late)).toBe(false);
    // The same claim from an event while the slide went on is a driver of the slide, and not of the
    // bounce that followed it: "the slide, then a feeble bounce" is order (PRECEDES), not a hop.
    expect(drivers.get(during)!.paths.map((p) => p.steps.map((s) => s.claim.key))).toEqual([["event-during-slide-fed-it"]]);
    expectSeedDriversFirst(explanation.drivers.map((d) => keyOf(d.node)));
  });

  it("explains one move alone: the bounce lists none of the slide's drivers, and a move starting where the window ends is not drawn", async () => {
    const one = (move: string) => explain({ move });
    const slideOnly = await one("btc-weekend-slide");
    expect(slideOnly.moves.map((m) => m.key)).toEqual(["btc-weekend-slide"]);
    expect(slideOnly.articleWindow).toEqual({ from: "2026-01-28T00:00:00-05:00", to: "2026-02-01T00:00:00-05:00" });
    const slideDrivers = slideOnly.drivers.map((d) => keyOf(d.node));
    expectSeedDriversFirst(slideDrivers);

    const bounce = await one("btc-bounce-to-78199");
    expect(bounce.moves.map((m) => m.key)).toEqual(["btc-bounce-to-78199"]);
    expect(bounce.articleWindow).toEqual({ from: "2026-01-29T00:00:00-05:00", to: "2026-02-01T09:55:00-05:00" });
    expect(bounce.drivers.map((d) => keyOf(d.node)).filter((key) => slideDrivers.includes(key))).toEqual([]);

    // The slide's own window ends where the bounce starts: the bounce is another move's story.
    const window = await explain({ from: "2026-01-31T00:00:00-05:00", to: "2026-02-01T00:00:00-05:00" });
    expect(window.moves.map((m) => m.key)).toEqual(["btc-weekend-slide"]);

    const unknown = await server.request(ExplainPriceMoveDocument, { ...WEEKEND, move: "no-such-move" });
    expect(unknown.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "move" });
  });

  it("claims about the asset itself count only from articles published in the lookback before the window", async () => {
    const factor = (name: string) => `${tag}-${name}`;
    const articles = [
      ["december", "2025-12-15T10:00:00Z"],
      ["three-weeks-before", "2026-01-10T10:00:00Z"],
      ["two-days-before", "2026-01-29T10:00:00-05:00"],
      ["in-window", "2026-01-31T18:00:00-05:00"],
      ["a-month-after", "2026-03-02T10:00:00Z"],
    ] as const;
    for (const [name, publishedAt] of articles) {
      await ingest(
        btcArticle(name, publishedAt, {
          factors: [factor(name)],
          claims: [claim(`${name}-moved-btc`, { kind: "MACRO_FACTOR", key: factor(name) }, btc, 0.5)],
        }),
      );
    }
    // A seed factor reaching BTC through a confident claim of another month does not gain from it.
    await ingest(
      btcArticle("liquidity-in-march", "2026-03-10T10:00:00Z", {
        claims: [claim("liquidity-moved-btc", { kind: "MACRO_FACTOR", key: "liquidity" }, btc)],
      }),
    );

    const explanation = await explain();
    expect(explanation.articleWindow).toEqual({ from: "2026-01-28T00:00:00-05:00", to: WEEKEND.to });
    const drivers = new Map(explanation.drivers.map((d) => [keyOf(d.node), d]));
    expect(drivers.has(factor("two-days-before"))).toBe(true);
    expect(drivers.has(factor("in-window"))).toBe(true);
    for (const name of ["december", "three-weeks-before", "a-month-after"]) expect(drivers.has(factor(name))).toBe(false);
    const liquidity = drivers.get("liquidity")!;
    expect(liquidity.score).toBe(0.8);
    expect(liquidity.paths.flatMap((p) => p.steps.map((s) => s.claim.key))).not.toContain("liquidity-moved-btc");

    // A longer lookback reaches the article three weeks before.
    const wider = await explain({ lookbackDays: 30 });
    expect(wider.drivers.map((d) => keyOf(d.node))).toContain(factor("three-weeks-before"));
    expect(wider.drivers.map((d) => keyOf(d.node))).not.toContain(factor("december"));
  });

  it("ranks the seed's own drivers first with 200 unrelated BTC articles from other weeks in the graph", async () => {
    // Weeks from October 2025 to June 2026, skipping the two weeks around the seed's weekend.
    const weeks = Array.from({ length: 40 }, (_, i) => Date.parse("2025-10-04T12:00:00Z") + i * 7 * DAY).filter(
      (t) => t < Date.parse("2026-01-17T00:00:00Z") || t > Date.parse("2026-02-14T00:00:00Z"),
    );
    const inputs = Array.from({ length: 200 }, (_, i) => {
      const at = new Date(weeks[i % weeks.length]! + (i % 5) * 3_600_000).toISOString();
      const [event, move, factor] = [`${tag}-event-${i}`, `${tag}-move-${i}`, `${tag}-factor-${i}`];
      return btcArticle(
        `unrelated-${i}`,
        at,
        {
          factors: [factor],
          events: [{ key: event, occurredAt: at }],
          moves: [{ key: move, startAt: at }],
          claims: [
            claim("event-moved-btc", { kind: "EVENT", key: event }, btc),
            claim("factor-moved-btc", { kind: "MACRO_FACTOR", key: factor }, btc),
            claim("event-moved-its-week", { kind: "EVENT", key: event }, { kind: "PRICE_MOVE", key: move }),
            claim("factor-drove-event", { kind: "MACRO_FACTOR", key: factor }, { kind: "EVENT", key: event }, 0.95),
            claim("leverage-moved-btc", { kind: "MACRO_FACTOR", key: "leverage" }, btc),
            claim("etf-flows-moved-btc", { kind: "EVENT", key: "etf-outflows-weekly" }, btc),
          ],
        },
        `${tag}-outlet-${i % 20}.example`,
      );
    });
    for (let i = 0; i < inputs.length; i += 4) await Promise.all(inputs.slice(i, i + 4).map(ingest));

    const explanation = await explain();
    const drivers = explanation.drivers.map((d) => keyOf(d.node));
    expect(drivers.filter((key) => /-(event|move|factor)-\d+$/.test(key))).toEqual([]);
    expectSeedDriversFirst(drivers);
    // The seed's leverage and ETF-flow claims are single-source; 200 articles from other weeks
    // repeating them about BTC in general do not corroborate this weekend's chains.
    for (const driver of explanation.drivers) {
      for (const path of driver.paths)
        expect(path.steps.every((s) => s.claim.key !== "leverage-moved-btc" && s.claim.key !== "etf-flows-moved-btc")).toBe(true);
    }
    expect(explanation.drivers.find((d) => keyOf(d.node) === "leverage")!.independentSourceCount).toBe(1);
  }, 120_000); // 200 ingests over HTTP, one by one

  it("a link on the way to both the move and the asset counts all its claims toward the move, only the window's toward the asset", async () => {
    const [factor, event] = [`${tag}-shared-factor`, `${tag}-shared-event`];
    const [cause, effect] = [
      { kind: "MACRO_FACTOR" as const, key: factor },
      { kind: "EVENT" as const, key: event },
    ];
    // Two outlets said the factor caused the event on Jan 16, before the article window (from Jan 28); one in it.
    await ingest(
      btcArticle(
        "shared-early-1",
        "2026-01-16T10:00:00Z",
        {
          factors: [factor],
          events: [{ key: event, occurredAt: "2026-01-15T12:00:00Z" }],
          claims: [claim("early-1", cause, effect, 0.95)],
        },
        `${tag}-early-1.example`,
      ),
    );
    await ingest(
      btcArticle("shared-early-2", "2026-01-16T12:00:00Z", { claims: [claim("early-2", cause, effect, 0.95)] }, `${tag}-early-2.example`),
    );
    await ingest(
      btcArticle("shared-late", "2026-01-31T18:00:00-05:00", { claims: [claim("late", cause, effect, 0.9)] }, `${tag}-late.example`),
    );
    // The event moved the weekend slide (three outlets, in the window) and BTC (one).
    for (const n of [1, 2, 3]) {
      const claims = [claim(`event-slide-${n}`, effect, slide, 0.9), ...(n === 1 ? [claim("event-btc", effect, btc, 0.9)] : [])];
      await ingest(btcArticle(`shared-effects-${n}`, "2026-01-31T19:00:00-05:00", { claims }, `${tag}-effects-${n}.example`));
    }

    const explanation = await explain();
    const driver = explanation.drivers.find((d) => keyOf(d.node) === factor)!;
    const toSlide = driver.paths.find((p) => keyOf(p.steps.at(-1)!.to) === "btc-weekend-slide")!;
    const toBtc = driver.paths.find((p) => keyOf(p.steps.at(-1)!.to) === "BTC")!;
    // Toward the move: the factor's link has three outlets and its best claim (0.95) is from before the window.
    expect(toSlide.steps[0]!.claims.map((c) => c.key).sort()).toEqual(["early-1", "early-2", "late"]);
    expect(toSlide.steps[0]!.independentSourceCount).toBe(3);
    expect(toSlide.confidence).toBeCloseTo(0.95 * 0.9, 6);
    expect(toSlide.independentSourceCount).toBe(3);
    expect(driver.score).toBeCloseTo(0.95 * 0.9 * 2, 6);
    // Toward the asset itself: only the claim published in the window.
    expect(toBtc.steps[0]!.claims.map((c) => c.key)).toEqual(["late"]);
    expect(toBtc.confidence).toBeCloseTo(0.9 * 0.9, 6);
    expect(toBtc.independentSourceCount).toBe(1);
  });
});

describe("driver scores", () => {
  it("rank a root cause below the proximate cause it acts through, using one path for confidence and sources", async () => {
    const explanation = await explain();
    const byKey = new Map(explanation.drivers.map((d) => [keyOf(d.node), d]));
    const cascade = byKey.get("btc-weekend-liquidation-cascade")!;
    const leverage = byKey.get("leverage")!;
    // Leverage acts through the cascade: its best chain multiplies in the cascade's hop.
    expect(leverage.paths[0]!.steps.map((s) => keyOf(s.to))).toEqual(["btc-weekend-liquidation-cascade", "btc-weekend-slide"]);
    expect(leverage.score).toBeCloseTo(0.8 * 0.85, 6);
    expect(cascade.score).toBe(0.85);
    expect(explanation.drivers.indexOf(cascade)).toBeLessThan(explanation.drivers.indexOf(leverage));
    for (const driver of explanation.drivers) {
      const [best] = driver.paths;
      expect(driver.independentSourceCount).toBe(best!.independentSourceCount);
      expect(driver.score).toBeCloseTo(best!.confidence * (1 + 0.5 * (best!.independentSourceCount - 1)), 6);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AttributionAuditDocument,
  AttributionAuditFiguresDocument,
  CausalChainsDocument,
  ExplainPriceMoveDocument,
  IngestArticleDocument,
  RetractClaimDocument,
  type CausalNodeRefFragment,
} from "../__generated__/graphql.js";
import { claimArticle, sampleArticle } from "../fixtures/articles.js";
import { uniqueTag } from "../support/ids.js";
import { EDITOR_TOKEN, postGraphQL, startTestServer, type TestServer } from "../support/server.js";

let server: TestServer;
const asEditor = { token: EDITOR_TOKEN };
const keyOf = (node: CausalNodeRefFragment) => ("key" in node ? node.key : "symbol" in node ? node.symbol : "");
const WEEKEND = { symbol: "BTC", from: "2026-01-31T00:00:00-05:00", to: "2026-02-02T00:00:00-05:00" };

beforeAll(async () => {
  server = await startTestServer({ GRAPHQL_DEBUG: "true" });
});
afterAll(async () => {
  await server.close();
});

describe("causalChains on the seed", () => {
  it("chains Treasury issuance through liquidity to BTC's slide, on SeekingAlpha's authority", async () => {
    const res = await server.request(CausalChainsDocument, {
      from: { kind: "MACRO_FACTOR", key: "treasury-issuance" },
      to: { kind: "PRICE_MOVE", key: "btc-weekend-slide" },
    });
    expect(res.errors).toBeUndefined();
    const [best, ...rest] = res.data!.causalChains;
    expect(best!.steps.map((s) => [keyOf(s.from), keyOf(s.to)])).toEqual([
      ["treasury-issuance", "liquidity"],
      ["liquidity", "btc-weekend-slide"],
    ]);
    expect(best!.steps[0]!.claim.attributedTo.map((s) => s.domain)).toEqual(["seekingalpha.com"]);
    expect(best!.confidence).toBeCloseTo(best!.steps[0]!.confidence * best!.steps[1]!.confidence, 6);
    expect(best!.independentSourceCount).toBe(1);
    // Longer chains exist (via the liquidation cascade, via risk-off sentiment) and rank lower.
    expect(rest.length).toBeGreaterThan(0);
    for (const path of res.data!.causalChains) {
      expect(keyOf(path.steps[0]!.from)).toBe("treasury-issuance");
      expect(keyOf(path.steps.at(-1)!.to)).toBe("btc-weekend-slide");
      expect(path.confidence).toBeLessThanOrEqual(best!.confidence);
    }
    expect(rest.some((p) => p.steps.some((s) => keyOf(s.to) === "btc-weekend-liquidation-cascade"))).toBe(true);
  });

  it("answers in a bounded number of Cypher queries: the two ends, the short chains, one per level searched, the kept hops' claims, one for the nodes and claims", async () => {
    const res = await postGraphQL(
      server.url,
      `{ causalChains(from: { kind: MACRO_FACTOR, key: "treasury-issuance" }, to: { kind: PRICE_MOVE, key: "btc-weekend-slide" }, maxDepth: 4) {
           length steps { claim { key } claims { key } from { __typename } to { __typename } } } }`,
    );
    const paths = (res.data as { causalChains: { length: number }[] }).causalChains;
    expect(paths.length).toBeGreaterThan(3);
    expect(Math.max(...paths.map((p) => p.length))).toBeGreaterThanOrEqual(3);
    const { roundTrips } = (res.extensions as { diagnostics: { roundTrips: number } }).diagnostics;
    expect(roundTrips).toBeLessThanOrEqual(1 + 1 + 4 + 1 + 1);
  });

  it("follows no denied claim and no deeper chain than maxDepth", async () => {
    const denied = await server.request(CausalChainsDocument, {
      from: { kind: "MACRO_FACTOR", key: "fed-policy" },
      to: { kind: "EVENT", key: "btc-weekend-liquidation-cascade" },
    });
    expect(denied.data!.causalChains).toEqual([]);
    const shallow = await server.request(CausalChainsDocument, {
      from: { kind: "MACRO_FACTOR", key: "treasury-issuance" },
      to: { kind: "PRICE_MOVE", key: "btc-weekend-slide" },
      maxDepth: 2,
    });
    expect(shallow.data!.causalChains.every((p) => p.length <= 2)).toBe(true);
    expect(shallow.data!.causalChains.length).toBeGreaterThan(0);
  });

  it("rejects a depth over the cap and nodes that do not exist, naming the argument", async () => {
    const deep = await server.request(CausalChainsDocument, {
      from: { kind: "MACRO_FACTOR", key: "treasury-issuance" },
      to: { kind: "PRICE_MOVE", key: "btc-weekend-slide" },
      maxDepth: 50,
    });
    expect(deep.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "maxDepth" });
    const missing = await server.request(CausalChainsDocument, {
      from: { kind: "EVENT", key: "no-such-event" },
      to: { kind: "PRICE_MOVE", key: "btc-weekend-slide" },
    });
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "from" });
  });
});

describe("explainPriceMove on the seed", () => {
  it("ranks the liquidation cascade, ETF outflows and the TGA liquidity drain among BTC's drivers", async () => {
    const res = await server.request(ExplainPriceMoveDocument, WEEKEND);
    expect(res.errors).toBeUndefined();
    const explanation = res.data!.explainPriceMove;
    expect(explanation.moves.map((m) => m.key)).toEqual(["btc-weekend-slide", "btc-bounce-to-78199"]);
    const drivers = explanation.drivers.map((d) => keyOf(d.node));
    for (const expected of [
      "btc-weekend-liquidation-cascade",
      "etf-outflows-monthly",
      "etf-outflows-weekly",
      "liquidity",
      "tga-absorbs-64-3b",
      "treasury-issuance",
    ]) {
      expect(drivers).toContain(expected);
    }
    expect(drivers[0]).toBe("btc-weekend-liquidation-cascade");
    const scores = explanation.drivers.map((d) => d.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const tga = explanation.drivers.find((d) => keyOf(d.node) === "tga-absorbs-64-3b")!;
    expect(tga.paths[0]!.steps.map((s) => keyOf(s.to))).toEqual(["liquidity", "btc-weekend-slide"]);
    // The moves being explained are not their own drivers, and nor are denied causes.
    expect(drivers).not.toContain("btc-weekend-slide");
    expect(drivers).not.toContain("fed-policy");
  });

  it("reports the Fed and the Middle East as denied causes beside the drivers", async () => {
    const { deniedCauses } = (await server.request(ExplainPriceMoveDocument, WEEKEND)).data!.explainPriceMove;
    const denied = deniedCauses.map((c) => keyOf(c.cause!));
    expect(denied).toEqual(expect.arrayContaining(["fed-policy", "middle-east-tension", "saylor-latest-tweet"]));
    for (const claim of deniedCauses) expect(claim.polarity).toBe("DENIED");
  });

  it("reports the $76K/$72K and ETF-outflow conditionals as risks", async () => {
    const { conditionalRisks } = (await server.request(ExplainPriceMoveDocument, WEEKEND)).data!.explainPriceMove;
    const byKey = new Map(conditionalRisks.map((c) => [c.key, c]));
    expect(byKey.get("losing-76k-opens-72k")).toMatchObject({
      modality: "CONDITIONAL",
      conditions: [expect.objectContaining({ key: "btc-loses-76k" })],
      effect: expect.objectContaining({ key: "btc-falls-to-72k" }),
    });
    expect(byKey.get("continued-outflows-another-cascade")!.text).toBe(
      "If ETF outflows continue, there’s nothing to stop another liquidation cascade.",
    );
    expect(conditionalRisks.every((c) => c.modality === "CONDITIONAL")).toBe(true);
  });

  it("rejects a window that ends before it starts or spans more than 366 days, and an unknown asset", async () => {
    const backwards = await server.request(ExplainPriceMoveDocument, { ...WEEKEND, from: WEEKEND.to, to: WEEKEND.from });
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "to" });
    const ages = await server.request(ExplainPriceMoveDocument, { ...WEEKEND, from: "0001-01-01T00:00:00Z", to: "9999-12-31T00:00:00Z" });
    expect(ages.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "to" });
    expect(ages.errors?.[0]?.message).toContain("at most 366 days after from");
    const year = await server.request(ExplainPriceMoveDocument, { ...WEEKEND, from: "2025-02-02T00:00:00-05:00" });
    expect(year.errors).toBeUndefined();
    const unknown = await server.request(ExplainPriceMoveDocument, { ...WEEKEND, symbol: "NOPE99" });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "symbol" });
  });
});

describe("attributionAudit", () => {
  it("audits the seed: SeekingAlpha's TGA claim is single-source, the $1.3B vs $2.5B liquidation is a disputed figure, not a conflict", async () => {
    const seedUrl = "https://strykr.ai/news/bitcoins-1-3b-liquidation-derivatives-reset-etf-exodus-anatomy-of-a-crypto-freefall";
    const res = await server.request(AttributionAuditDocument, { filter: { articleUrl: seedUrl } });
    expect(res.errors).toBeUndefined();
    const { claims, summary } = res.data!.attributionAudit;
    expect(summary.total).toBe(claims.length);
    expect(summary.corroborated + summary.singleSource + summary.uncited + summary.conflicting).toBe(summary.total);
    const tga = claims.find((c) => c.claim.key === "treasury-issuance-drains-liquidity")!;
    expect(tga).toMatchObject({ status: "SINGLE_SOURCE", independentSourceCount: 1, attributedSources: [{ domain: "seekingalpha.com" }] });
    const figures = await server.request(AttributionAuditFiguresDocument, { filter: { articleUrl: seedUrl }, first: 100 });
    expect(figures.errors).toBeUndefined();
    const cascade = figures.data!.attributionAudit.claims.find((c) => c.claim.key === "liquidation-cascade-per-ambcrypto-cryptopotato")!;
    // Credited to two outlets, and contradicted by none: the totals differ, the stance does not.
    expect(cascade.status).toBe("SINGLE_SOURCE");
    expect(cascade.conflictsWith).toEqual([]);
    expect(cascade.figuresDisputed).toBe(true);
    expect(cascade.statedFigures.map((f) => [f.event.key, f.amountUsd, new URL(f.article.url).hostname])).toEqual([
      ["btc-weekend-liquidation-cascade", 1_300_000_000, "strykr.ai"],
      ["btc-weekend-liquidation-cascade", 2_500_000_000, expect.stringContaining("cryptopotato.com")],
    ]);
    expect(summary.figuresDisputed).toBe(claims.filter((c) => c.figuresDisputed).length);
    expect(figures.data!.attributionAudit.summary.figuresDisputed).toBe(summary.figuresDisputed);
    expect(summary.figuresDisputed).toBeGreaterThan(0);
    expect(claims.some((c) => c.status === "UNCITED")).toBe(true);
  });

  it("filters by status and says when the list is cut short", async () => {
    const res = await server.request(AttributionAuditDocument, { filter: { status: "UNCITED", asset: "btc" }, first: 2 });
    const report = res.data!.attributionAudit;
    expect(report.claims).toHaveLength(2);
    expect(report.claims.every((c) => c.status === "UNCITED")).toBe(true);
    expect(report.truncated).toBe(report.summary.uncited > 2);
  });
});

describe("corroboration and retraction", () => {
  it("a second outlet asserting the same cause -> effect makes the claim CORROBORATED and the chain 2-sourced", async () => {
    const tag = uniqueTag();
    const base = sampleArticle(tag);
    await server.request(IngestArticleDocument, { input: base }, asEditor);
    const link = {
      cause: { kind: "MACRO_FACTOR" as const, key: `${tag}-leverage` },
      effect: { kind: "PRICE_MOVE" as const, key: `${tag}-drop` },
    };
    await server.request(
      IngestArticleDocument,
      { input: claimArticle(tag, `${tag}-first.example`, { ...link, attributedTo: [`${tag}-research.example`] }) },
      asEditor,
    );
    const audit = () => server.request(AttributionAuditDocument, { filter: { source: `${tag}-first.example` } });
    const chains = () => server.request(CausalChainsDocument, { from: link.cause, to: link.effect, maxDepth: 1 });

    expect((await audit()).data!.attributionAudit.claims.map((c) => c.status)).toEqual(["SINGLE_SOURCE"]);
    expect((await chains()).data!.causalChains.map((p) => p.independentSourceCount)).toEqual([1]);

    await server.request(IngestArticleDocument, { input: claimArticle(tag, `${tag}-second.example`, link) }, asEditor);
    const after = (await audit()).data!.attributionAudit.claims[0]!;
    expect(after.status).toBe("CORROBORATED");
    expect(after.independentDomains.sort()).toEqual([`${tag}-first.example`, `${tag}-second.example`]);
    const [chain] = (await chains()).data!.causalChains;
    expect(chain!.independentSourceCount).toBe(2);
    expect(chain!.steps[0]!.claims).toHaveLength(2);
  });

  it("a retracted claim leaves the chains now, but not as of before the retraction", async () => {
    const tag = uniqueTag();
    await server.request(IngestArticleDocument, { input: sampleArticle(tag) }, asEditor);
    const from = { kind: "MACRO_FACTOR" as const, key: `${tag}-leverage` };
    const to = { kind: "PRICE_MOVE" as const, key: `${tag}-drop` };
    const before = await server.request(CausalChainsDocument, { from, to });
    expect(before.data!.causalChains.map((p) => p.steps.map((s) => s.claim.key))).toEqual([
      ["leverage-causes-cascade", "cascade-causes-drop"],
    ]);
    const beforeRetraction = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const retracted = await server.request(
      RetractClaimDocument,
      { id: before.data!.causalChains[0]!.steps[1]!.claim.id, reason: "misread" },
      asEditor,
    );
    expect(retracted.errors).toBeUndefined();

    expect((await server.request(CausalChainsDocument, { from, to })).data!.causalChains).toEqual([]);
    const asOf = await server.request(CausalChainsDocument, { from, to, asOf: beforeRetraction });
    expect(asOf.data!.causalChains).toHaveLength(1);
  });
});

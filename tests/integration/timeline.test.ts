import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ArticlesPageDocument,
  IngestArticleDocument,
  RetractClaimDocument,
  TimelineDocument,
  type IngestArticleInput,
  type TimelineEntryDetailFragment,
  type TimelineFilter,
} from "../__generated__/graphql.js";
import { uniqueTag } from "../support/ids.js";
import { EDITOR_TOKEN, postGraphQL, startTestServer, type TestServer } from "../support/server.js";

type Entry = TimelineEntryDetailFragment;

let server: TestServer;
const asEditor = { token: EDITOR_TOKEN };
const SEED = JSON.parse(readFileSync(new URL("../../seed/seed-article.json", import.meta.url), "utf8")) as { url: string };
const RANK = { EVENT: 0, PRICE_MOVE: 1, ARTICLE: 2, CLAIM: 3 } as const;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

/** A readable name for an entry: kind and natural key (claims by key, articles by URL). */
function label(entry: Entry): string {
  if (entry.event) return `EVENT ${entry.event.key}`;
  if (entry.priceMove) return `PRICE_MOVE ${entry.priceMove.key}`;
  if (entry.article) return `ARTICLE ${entry.article.url}`;
  return `CLAIM ${entry.claim!.key}`;
}

/** Every entry carries exactly the typed object its kind names, and the union agrees. */
function expectWellFormed(entry: Entry): void {
  const set = [entry.article, entry.event, entry.priceMove, entry.claim].filter((x) => x !== null);
  expect(set).toHaveLength(1);
  const typename = { ARTICLE: "Article", EVENT: "Event", PRICE_MOVE: "PriceMove", CLAIM: "Claim" }[entry.kind];
  expect(entry.node.__typename).toBe(typename);
}

async function timeline(filter: TimelineFilter, first = 200, after?: string) {
  const res = await server.request(TimelineDocument, { filter, first, after });
  expect(res.errors).toBeUndefined();
  const connection = res.data!.timeline;
  connection.edges.forEach((edge) => expectWellFormed(edge.node));
  return connection;
}

async function labels(filter: TimelineFilter): Promise<string[]> {
  const connection = await timeline(filter);
  expect(connection.totalCount).toBe(connection.edges.length);
  expect(connection.pageInfo.hasNextPage).toBe(false);
  return connection.edges.map((edge) => label(edge.node));
}

/** The whole timeline through pages of `size`, as a client walks it. */
async function walk(filter: TimelineFilter, size: number, between?: (seen: Entry[]) => Promise<void>) {
  const seen: Entry[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await timeline(filter, size, after);
    expect(page.edges.length).toBeLessThanOrEqual(size);
    seen.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return seen;
    after = page.pageInfo.endCursor!;
    await between?.(seen);
  }
}

function expectChronological(entries: readonly Entry[]): void {
  for (let i = 1; i < entries.length; i += 1) {
    const [a, b] = [entries[i - 1]!, entries[i]!];
    const order = Date.parse(a.at) - Date.parse(b.at) || RANK[a.kind] - RANK[b.kind];
    expect(order, `${label(a)} before ${label(b)}`).toBeLessThanOrEqual(0);
  }
}

/**
 * Two outlets' articles around one asset, with the same instants written in different
 * offsets. In time order (UTC):
 *   2025-02-28 08:00 cited report (gamma)   03-01 10:00 event crash, price move drop
 *   03-02 12:00 event redemptions, article A, claims first/second/third   03-03 09:00 article B, claim redemptions
 * plus a scenario event without occurredAt that must never show.
 */
function dataset(tag: string) {
  const symbol = `X${tag.slice(-8).toUpperCase()}`;
  const domain = { alpha: `${tag}-alpha.example`, beta: `${tag}-beta.example`, gamma: `${tag}-gamma.example` };
  const key = {
    narrative: `${tag}-retreat`,
    other: `${tag}-reset`,
    crash: `${tag}-crash`,
    scenario: `${tag}-scenario`,
    drop: `${tag}-drop`,
    redemptions: `${tag}-redemptions`,
  };
  const url = { a: `https://${domain.alpha}/a`, b: `https://${domain.beta}/b`, cited: `https://${domain.gamma}/report` };
  // Ingested first: B defines the narrative that A's claim advances and the event A's claim names.
  const b: IngestArticleInput = {
    url: url.b,
    title: `Redemptions continue (${tag})`,
    publishedAt: "2025-03-03T04:00:00-05:00",
    source: { domain: domain.beta, name: "Beta" },
    tags: [`${tag}-b`],
    narratives: [{ key: key.narrative, name: "Retreat" }],
    macroFactors: [{ key: `${tag}-funding`, name: "Funding" }],
    events: [{ key: key.redemptions, kind: "redemption", title: "Fund redemptions", occurredAt: "2025-03-02T13:00:00+01:00" }],
    claims: [
      {
        key: "redemptions-drain-funding",
        text: "Redemptions drained funding.",
        relation: "CAUSES",
        cause: { kind: "EVENT", key: key.redemptions },
        effect: { kind: "MACRO_FACTOR", key: `${tag}-funding` },
        attributedTo: [domain.gamma],
        narratives: [key.narrative],
      },
    ],
  };
  const a: IngestArticleInput = {
    url: url.a,
    title: `Crash and drop (${tag})`,
    publishedAt: "2025-03-02T12:00:00Z",
    source: { domain: domain.alpha, name: "Alpha" },
    tags: [`${tag}-a`],
    assets: [{ symbol, name: "Test coin", assetClass: "CRYPTO" }],
    narratives: [{ key: key.other, name: "Reset" }],
    cites: [
      {
        url: url.cited,
        title: "Gamma's report",
        publishedAt: "2025-02-28T08:00:00Z",
        source: { domain: domain.gamma, name: "Gamma" },
        reports: [{ event: key.crash }],
      },
    ],
    events: [
      { key: key.crash, kind: "crash", title: "Crash", occurredAt: "2025-03-01T05:00:00-05:00", affects: [{ kind: "ASSET", key: symbol }] },
      { key: key.scenario, kind: "scenario", title: "Another crash", affects: [{ kind: "ASSET", key: symbol }] },
    ],
    priceMoves: [
      {
        key: key.drop,
        asset: symbol,
        startAt: "2025-03-01T10:00:00Z",
        endAt: "2025-03-01T18:00:00Z",
        open: 100,
        high: 100,
        low: 80,
        close: 80,
      },
    ],
    claims: [
      {
        key: "first-crash-drove-drop",
        text: "The crash drove the drop.",
        relation: "CAUSES",
        cause: { kind: "EVENT", key: key.crash },
        effect: { kind: "PRICE_MOVE", key: key.drop },
        narratives: [key.narrative],
      },
      {
        key: "second-if-scenario",
        text: "If it crashes again, more downside.",
        relation: "CAUSES",
        modality: "CONDITIONAL",
        cause: { kind: "EVENT", key: key.scenario },
        effect: { kind: "PRICE_MOVE", key: key.drop },
        conditions: [{ kind: "EVENT", key: key.scenario }],
        narratives: [key.other],
      },
      {
        key: "third-redemptions-hit-coin",
        text: "Redemptions hit the coin.",
        relation: "CONTRIBUTES_TO",
        cause: { kind: "EVENT", key: key.redemptions },
        effect: { kind: "ASSET", key: symbol },
        narratives: [key.other],
      },
    ],
  };
  const entry = {
    cited: `ARTICLE ${url.cited}`,
    crash: `EVENT ${key.crash}`,
    drop: `PRICE_MOVE ${key.drop}`,
    redemptions: `EVENT ${key.redemptions}`,
    a: `ARTICLE ${url.a}`,
    first: "CLAIM first-crash-drove-drop",
    second: "CLAIM second-if-scenario",
    third: "CLAIM third-redemptions-hit-coin",
    b: `ARTICLE ${url.b}`,
    redemptionsClaim: "CLAIM redemptions-drain-funding",
  };
  return { tag, symbol, domain, key, url, inputs: [b, a], entry };
}

async function ingest(input: IngestArticleInput) {
  const res = await server.request(IngestArticleDocument, { input }, asEditor);
  expect(res.errors).toBeUndefined();
  return res.data!.ingestArticle;
}

async function ingestDataset() {
  const data = dataset(uniqueTag("tl"));
  for (const input of data.inputs) await ingest(input);
  return data;
}

describe("timeline on the seed article", () => {
  it("shows BTC's weekend in time order: the liquidation, the price moves, then the article and its claims", async () => {
    const entries = await walk({ asset: "btc" }, 200);
    expectChronological(entries);
    const names = entries.map(label);
    const at = (name: string) => names.indexOf(name);
    expect(at("EVENT btc-weekend-liquidation-cascade")).toBeGreaterThanOrEqual(0);
    // Same instant (2026-01-31 00:00 ET): the event sorts before the price move it caused.
    expect(at("EVENT btc-weekend-liquidation-cascade")).toBeLessThan(at("PRICE_MOVE btc-weekend-slide"));
    expect(at("PRICE_MOVE btc-weekend-slide")).toBeLessThan(at("PRICE_MOVE btc-bounce-to-78199"));
    expect(at("PRICE_MOVE btc-bounce-to-78199")).toBeLessThan(at(`ARTICLE ${SEED.url}`));
    expect(at(`ARTICLE ${SEED.url}`)).toBeLessThan(at("CLAIM liquidation-sent-btc-to-76k"));
    // Scenarios (events without occurredAt) never appear.
    expect(names).not.toContain("EVENT btc-loses-76k");
    expect(names).not.toContain("EVENT another-liquidation-cascade");

    const bounce = entries.find((e) => e.priceMove?.key === "btc-bounce-to-78199")!;
    expect(bounce).toMatchObject({
      kind: "PRICE_MOVE",
      title: "BTC 76000 → 78199",
      at: "2026-02-01T00:00:00-05:00",
      endAt: "2026-02-01T09:55:00-05:00",
      priceMove: { asset: { symbol: "BTC" }, open: 76000, close: 78199 },
    });
    const cascade = entries.find((e) => e.event?.key === "btc-weekend-liquidation-cascade")!;
    expect(cascade).toMatchObject({ kind: "EVENT", at: "2026-01-31T00:00:00-05:00", title: cascade.event!.title });
    const article = entries.find((e) => e.article?.url === SEED.url)!;
    expect(article).toMatchObject({ at: "2026-02-01T12:00:00-05:00", endAt: null, article: { source: { domain: "strykr.ai" } } });
    const claim = entries.find((e) => e.claim?.key === "liquidation-sent-btc-to-76k")!;
    expect(claim).toMatchObject({ at: article.at, title: claim.claim!.text, claim: { article: { url: SEED.url } } });
  });

  it("shows the ETF-exodus narrative: the outflow events, the article and its claims advancing it", async () => {
    const entries = await walk({ narrative: "ETF-Exodus" }, 200);
    expectChronological(entries);
    const names = entries.map(label);
    expect(names).toEqual(expect.arrayContaining(["EVENT etf-outflows-monthly", "EVENT etf-outflows-weekly", `ARTICLE ${SEED.url}`]));
    expect(names).toContain("CLAIM monthly-etf-outflows-weigh-on-btc");
    // A claim advancing only the derivatives reset narrative is left out.
    expect(names).not.toContain("CLAIM liquidation-sent-btc-to-76k");
  });

  it("pages BTC's timeline one entry at a time into exactly the list one big page gives", async () => {
    const all = await timeline({ asset: "BTC" }, 200);
    expect(all.pageInfo.hasNextPage).toBe(false);
    const oneByOne = await walk({ asset: "BTC" }, 1);
    expect(oneByOne.map((e) => e.node)).toEqual(all.edges.map((edge) => edge.node.node));
    expect(oneByOne.length).toBe(all.totalCount);
  });
});

describe("timeline filters", () => {
  let data: ReturnType<typeof dataset>;
  beforeAll(async () => {
    data = await ingestDataset();
  });

  it("by asset: articles mentioning it, events affecting it, its moves, claims about it", async () => {
    const e = data.entry;
    expect(await labels({ asset: data.symbol.toLowerCase() })).toEqual([e.crash, e.drop, e.a, e.first, e.second, e.third]);
  });

  it("by narrative: advancing articles and claims, and what those claims name", async () => {
    const e = data.entry;
    expect(await labels({ narrative: data.key.narrative.toUpperCase() })).toEqual([
      e.crash,
      e.drop,
      e.redemptions,
      e.a,
      e.first,
      e.b,
      e.redemptionsClaim,
    ]);
    expect(await labels({ narrative: data.key.other })).toEqual([e.drop, e.redemptions, e.a, e.second, e.third]);
  });

  it("by tag: tagged articles, what they report, the claims they make", async () => {
    const e = data.entry;
    expect(await labels({ tag: `#${data.tag.toUpperCase()}-A` })).toEqual([e.crash, e.drop, e.a, e.first, e.second, e.third]);
    expect(await labels({ tag: `${data.tag}-b` })).toEqual([e.redemptions, e.b, e.redemptionsClaim]);
  });

  it("by source: its articles (cited ones too), what they report, claims made by or attributed to it", async () => {
    const e = data.entry;
    expect(await labels({ source: `https://www.${data.domain.alpha}/markets` })).toEqual([
      e.crash,
      e.drop,
      e.a,
      e.first,
      e.second,
      e.third,
    ]);
    expect(await labels({ source: data.domain.gamma.toUpperCase() })).toEqual([e.cited, e.crash, e.redemptionsClaim]);
  });

  it("by window, inclusive at both ends whatever offset the bounds are written in", async () => {
    const e = data.entry;
    const narrative = data.key.narrative;
    expect(await labels({ narrative, from: "2025-03-02T13:00:00+01:00", to: "2025-03-03T04:00:00-05:00" })).toEqual([
      e.redemptions,
      e.a,
      e.first,
      e.b,
      e.redemptionsClaim,
    ]);
    // The drop (10:00 to 18:00) started before this window and runs into it: listed at its start.
    expect(await labels({ narrative, from: "2025-03-01T10:00:00.001Z", to: "2025-03-03T08:59:59Z" })).toEqual([
      e.drop,
      e.redemptions,
      e.a,
      e.first,
    ]);
    expect(await labels({ narrative, to: "2025-03-01T05:00:00-05:00" })).toEqual([e.crash, e.drop]);
    expect(await labels({ narrative, from: "2025-03-03T09:00:00Z" })).toEqual([e.b, e.redemptionsClaim]);
  });

  it("by window, events and moves by their spans: what runs into the window is in it, at its start; what ended before is not", async () => {
    const e = data.entry;
    const narrative = data.key.narrative;
    // The crash (10:00, no end) is over; the drop (10:00 to 18:00) still runs at 17:00 and at 18:00.
    expect(await labels({ narrative, from: "2025-03-01T17:00:00Z", to: "2025-03-02T11:00:00Z" })).toEqual([e.drop]);
    expect(await labels({ narrative, from: "2025-03-01T13:00:00-05:00", to: "2025-03-02T11:00:00Z" })).toEqual([e.drop]);
    expect(await labels({ narrative, from: "2025-03-01T18:00:00.001Z", to: "2025-03-02T11:00:00Z" })).toEqual([]);
    const [drop] = (await timeline({ narrative, from: "2025-03-01T17:00:00Z", to: "2025-03-02T11:00:00Z" })).edges;
    expect(drop!.node.at).toBe("2025-03-01T10:00:00Z");
  });

  it("by kinds, and by several filters at once", async () => {
    const e = data.entry;
    const narrative = data.key.narrative;
    expect(await labels({ narrative, kinds: ["CLAIM", "EVENT", "CLAIM"] })).toEqual([e.crash, e.redemptions, e.first, e.redemptionsClaim]);
    expect(await labels({ narrative, kinds: ["PRICE_MOVE"] })).toEqual([e.drop]);
    expect(await labels({ narrative, kinds: [] })).toEqual([]);
    expect(await labels({ asset: data.symbol, source: data.domain.alpha, kinds: ["CLAIM"] })).toEqual([e.first, e.second, e.third]);
    expect(await labels({ asset: data.symbol, tag: `${data.tag}-b` })).toEqual([]);
  });

  it("gives each entry its time, span and label", async () => {
    const entries = (await timeline({ narrative: data.key.narrative })).edges.map((edge) => edge.node);
    const byLabel = new Map(entries.map((entry) => [label(entry), entry]));
    expect(byLabel.get(data.entry.crash)).toMatchObject({ at: "2025-03-01T05:00:00-05:00", endAt: null, title: "Crash" });
    expect(byLabel.get(data.entry.drop)).toMatchObject({
      at: "2025-03-01T10:00:00Z",
      endAt: "2025-03-01T18:00:00Z",
      title: `${data.symbol} 100 → 80`,
    });
    expect(byLabel.get(data.entry.a)).toMatchObject({ at: "2025-03-02T12:00:00Z", title: `Crash and drop (${data.tag})` });
    expect(byLabel.get(data.entry.first)).toMatchObject({ at: "2025-03-02T12:00:00Z", title: "The crash drove the drop." });
  });
});

describe("timeline paging", () => {
  it("pages one entry at a time into exactly the list one big page gives", async () => {
    const data = await ingestDataset();
    const filter = { narrative: data.key.narrative };
    const all = (await timeline(filter)).edges.map((edge) => label(edge.node));
    expect(all).toHaveLength(7);
    const pages: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 10; i += 1) {
      const page = await timeline(filter, 1, after);
      expect(page.totalCount).toBe(7);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== undefined);
      pages.push(...page.edges.map((edge) => label(edge.node)));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    expect(pages).toEqual(all);
  });

  it("neither repeats nor skips existing entries when matching articles arrive mid-way", async () => {
    const data = await ingestDataset();
    const filter = { asset: data.symbol };
    const before = (await timeline(filter)).edges.map((edge) => edge.node.node.id);
    const extra = (name: string, publishedAt: string): IngestArticleInput => ({
      url: `https://${data.domain.alpha}/${name}`,
      title: `Late news ${name}`,
      publishedAt,
      source: { domain: data.domain.alpha, name: "Alpha" },
      assets: [{ symbol: data.symbol, name: "Test coin" }],
    });
    let added = false;
    const walked = await walk(filter, 1, async (seen) => {
      if (seen.length !== 3 || added) return;
      added = true;
      // One before the cursor, one at the cursor's very instant and kind, one after it.
      await ingest(extra("earlier", "2025-03-01T12:00:00Z"));
      await ingest(extra("tied", "2025-03-02T12:00:00Z"));
      await ingest(extra("later", "2025-03-05T00:00:00Z"));
    });
    const ids = walked.map((entry) => entry.node.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => before.includes(id))).toEqual(before);
    expectChronological(walked);
    // Entries that arrived after the cursor's position still show up; the earlier one cannot.
    const urls = walked.map((entry) => entry.article?.url);
    expect(urls).toContain(`https://${data.domain.alpha}/later`);
    expect(urls).not.toContain(`https://${data.domain.alpha}/earlier`);
    const after = await timeline(filter);
    expect(after.totalCount).toBe(before.length + 3);
    // What the walk saw is the final list, minus only what arrived behind the cursor.
    expect(after.edges.map((edge) => edge.node.node.id).filter((id) => ids.includes(id))).toEqual(ids);
  });
});

describe("timeline cost", () => {
  it("reads a page in one Cypher query, plus one batched query for the nested objects, and counts only when asked", async () => {
    const data = await ingestDataset();
    const debug = await startTestServer({ GRAPHQL_DEBUG: "true" });
    try {
      const res = await debug.request(TimelineDocument, { filter: { narrative: data.key.narrative }, first: 50 });
      expect(res.errors).toBeUndefined();
      expect(res.data!.timeline.totalCount).toBe(7);
      // Level one: entries. Level two: every article's source, move's asset and claim's article. The total: its own query.
      expect(res.extensions).toEqual({ diagnostics: { roundTrips: 3 } });

      const pageOnly = await postGraphQL<{ timeline: { edges: unknown[] } }>(
        debug.url,
        `query ($narrative: String) { timeline(filter: { narrative: $narrative }, first: 50) { edges { node { at kind } } } }`,
        { narrative: data.key.narrative },
      );
      expect(pageOnly.errors).toBeUndefined();
      expect(pageOnly.data!.timeline.edges).toHaveLength(7);
      expect(pageOnly.extensions).toEqual({ diagnostics: { roundTrips: 1 } });
    } finally {
      await debug.close();
    }
  });
});

describe("timeline shows only current claims", () => {
  it("drops a retracted claim, and what only that claim tied to the narrative", async () => {
    const data = await ingestDataset();
    const e = data.entry;
    const claim = (await timeline({ narrative: data.key.narrative, kinds: ["CLAIM"] })).edges.find(
      (edge) => edge.node.claim?.key === "first-crash-drove-drop",
    )!;
    const res = await server.request(RetractClaimDocument, { id: claim.node.node.id, reason: "wrong event" }, asEditor);
    expect(res.errors).toBeUndefined();
    expect(await labels({ narrative: data.key.narrative })).toEqual([e.redemptions, e.b, e.redemptionsClaim]);
    expect(await labels({ asset: data.symbol })).toEqual([e.crash, e.drop, e.a, e.second, e.third]);
  });
});

describe("timeline input errors", () => {
  async function expectBadInput(variables: { filter: TimelineFilter; first?: number; after?: string }, field: string) {
    const res = await server.request(TimelineDocument, variables);
    expect(res.data ?? null).toBeNull();
    expect(res.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  }

  it("rejects a malformed, forged or foreign cursor", async () => {
    const filter = { asset: "BTC" };
    await expectBadInput({ filter, after: "not-a-cursor" }, "after");
    const forged = Buffer.from(JSON.stringify([0, 7, "x"]), "utf8").toString("base64url");
    await expectBadInput({ filter, after: forged }, "after");
    const articles = await server.request(ArticlesPageDocument, { filter: { asset: "BTC" }, first: 1 });
    const foreign = articles.data!.articles.pageInfo.endCursor!;
    expect(foreign).toBeTruthy();
    await expectBadInput({ filter, after: foreign }, "after");
  });

  it("rejects a window that ends before it starts, an oversized page and a malformed symbol", async () => {
    // 04:59:59Z is a second before 00:00-05:00, though it reads later.
    await expectBadInput({ filter: { asset: "BTC", from: "2026-02-01T00:00:00-05:00", to: "2026-02-01T04:59:59Z" } }, "filter.to");
    await expectBadInput({ filter: {}, first: 201 }, "first");
    await expectBadInput({ filter: { asset: "not a symbol" } }, "filter.asset");
  });

  it("accepts an empty filter: the whole graph, in pages of at most 200", async () => {
    const first = await timeline({}, 200);
    expect(first.edges).toHaveLength(Math.min(200, first.totalCount));
    const entries = await walk({}, 200);
    expect(entries).toHaveLength(first.totalCount);
    expectChronological(entries);
    expect(entries.map(label)).toEqual(expect.arrayContaining([`ARTICLE ${SEED.url}`, "EVENT btc-weekend-liquidation-cascade"]));
  });
});

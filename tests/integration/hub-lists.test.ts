import { beforeAll, describe, expect, it } from "vitest";
import { ClaimsPageDocument, TimelineDocument } from "../__generated__/graphql.js";
import { uniqueTag } from "../support/ids.js";
import { useTestServer } from "../support/server.js";
import { WALK_ABOVE_REACH } from "../../src/cypher/asset-reach.js";
import { CypherRunner } from "../../src/db/cypher-runner.js";
import { bulkIngest } from "../../src/domain/article/ingest/bulk-ingest.js";
import { buildAppSchema } from "../../src/schema.js";

/**
 * Lists by a hub asset walk the sort index; by a long-tail asset they start from the asset.
 * Both must page through exactly what a plain query over the graph finds, in the same order.
 */
const server = useTestServer();
const tag = uniqueTag("hub");
const HUB = `H${tag.slice(3)}`.toUpperCase();
const TAIL = `T${tag.slice(3)}`.toUpperCase();
const OTHER = `O${tag.slice(3)}`.toUpperCase();
const ARTICLES = 180;
const HOUR = 3_600_000;

/** One article: an event affecting the hub, the hub's move, 20 claims (18 about the hub, 2 not); every tenth also names the tail asset. */
function article(i: number) {
  const at = Date.parse("2025-05-01T00:00:00Z") + Math.floor(i / 3) * HOUR; // three articles share each instant
  const event = `${tag}-ev-${i}`;
  const move = `${tag}-pm-${i}`;
  const factor = `${tag}-factor-${i % 7}`;
  const tail = i % 10 === 0;
  const claim = (key: string, cause: object, effect: object) => ({
    key,
    text: `${key} of ${i}`,
    relation: "CAUSES",
    confidence: 0.6,
    cause,
    effect,
  });
  return {
    url: `https://${tag}-${i % 5}.example/a/${i}`,
    title: `Article ${i}`,
    publishedAt: new Date(at).toISOString(),
    source: { domain: `${tag}-${i % 5}.example`, name: `Outlet ${i % 5}` },
    assets: [{ symbol: HUB, name: "Hub" }, { symbol: OTHER, name: "Other" }, ...(tail ? [{ symbol: TAIL, name: "Tail" }] : [])],
    macroFactors: [{ key: factor, name: factor }],
    events: [
      {
        key: event,
        kind: "news",
        title: `Event ${i}`,
        occurredAt: new Date(at - HOUR).toISOString(),
        affects: [{ kind: "ASSET", key: HUB }],
      },
    ],
    priceMoves: [
      {
        key: move,
        asset: HUB,
        startAt: new Date(at - 2 * HOUR).toISOString(),
        endAt: new Date(at).toISOString(),
        open: 1,
        high: 2,
        low: 0.5,
        close: 1.5,
      },
    ],
    claims: [
      ...Array.from({ length: 12 }, (_, k) => claim(`direct-${k}`, { kind: "MACRO_FACTOR", key: factor }, { kind: "ASSET", key: HUB })),
      ...Array.from({ length: 3 }, (_, k) => claim(`event-${k}`, { kind: "MACRO_FACTOR", key: factor }, { kind: "EVENT", key: event })),
      ...Array.from({ length: 3 }, (_, k) => claim(`move-${k}`, { kind: "EVENT", key: event }, { kind: "PRICE_MOVE", key: move })),
      claim("unrelated", { kind: "MACRO_FACTOR", key: factor }, { kind: "ASSET", key: OTHER }),
      tail
        ? claim("tail", { kind: "MACRO_FACTOR", key: factor }, { kind: "ASSET", key: TAIL })
        : claim("unrelated-2", { kind: "ASSET", key: OTHER }, { kind: "MACRO_FACTOR", key: factor }),
    ],
  };
}

beforeAll(async () => {
  async function* lines() {
    for (let i = 0; i < ARTICLES; i += 1) yield { line: i + 1, text: JSON.stringify(article(i)) };
  }
  const counts = await bulkIngest(
    new CypherRunner(server.driver, { database: server.config.neo4j.database, timeoutMs: 120_000 }),
    await buildAppSchema(),
    lines(),
  );
  expect(counts).toMatchObject({ articles: ARTICLES, rejected: 0 });
}, 180_000);

/** The claims about an asset, newest article first then id descending: what a plain query over the graph finds. */
async function expectedClaims(symbol: string): Promise<string[]> {
  const { records } = await server.driver.executeQuery(
    `MATCH (x:Asset { symbol: $symbol })
     CALL (x) {
       MATCH (x)<-[:CAUSE|EFFECT|IF]-(c:Claim) RETURN c
       UNION
       MATCH (x)<-[:AFFECTS|OF]-()<-[:CAUSE|EFFECT|IF]-(c:Claim) RETURN c
     }
     MATCH (a:Article)-[:MAKES]->(c)
     RETURN c.key AS key, a.url AS url ORDER BY a.publishedAt.epochMillis DESC, c.id DESC`,
    { symbol },
  );
  return records.map((r) => `${r.get("url") as string}#${r.get("key") as string}`);
}

async function allClaimPages(symbol: string, first: number, asOf?: string): Promise<{ keys: string[]; totalCount: number }> {
  const keys: string[] = [];
  let after: string | null | undefined;
  let totalCount = -1;
  for (;;) {
    const res = await server.request(ClaimsPageDocument, { filter: { asset: symbol }, first, after, asOf });
    expect(res.errors).toBeUndefined();
    const page = res.data!.claims;
    totalCount = page.totalCount;
    keys.push(...page.edges.map((e) => `${e.node.article.url}#${e.node.key}`));
    if (!page.pageInfo.hasNextPage) return { keys, totalCount };
    after = page.pageInfo.endCursor;
  }
}

/** The timeline of an asset as (time, kind rank, id) keys, oldest first: what a plain query finds. */
async function expectedTimeline(symbol: string): Promise<unknown[][]> {
  const { records } = await server.driver.executeQuery(
    `MATCH (x:Asset { symbol: $symbol })
     CALL (x) {
       MATCH (x)<-[:AFFECTS]-(e:Event) WHERE e.occurredAt IS NOT NULL RETURN e.occurredAt.epochMillis AS t, 0 AS rank, e.key AS id
       UNION ALL
       MATCH (x)<-[:OF]-(m:PriceMove) RETURN m.startAt.epochMillis AS t, 1 AS rank, m.key AS id
       UNION ALL
       MATCH (x)<-[:MENTIONS]-(a:Article) RETURN a.publishedAt.epochMillis AS t, 2 AS rank, a.id AS id
       UNION ALL
       CALL (x) {
         MATCH (x)<-[:CAUSE|EFFECT|IF]-(c:Claim) RETURN c
         UNION
         MATCH (x)<-[:AFFECTS|OF]-()<-[:CAUSE|EFFECT|IF]-(c:Claim) RETURN c
       }
       MATCH (a:Article)-[:MAKES]->(c)
       RETURN a.publishedAt.epochMillis AS t, 3 AS rank, c.id AS id
     }
     RETURN t, rank, id ORDER BY t, rank, id`,
    { symbol },
  );
  return records.map((r) => [Number(r.get("t")), Number(r.get("rank")), r.get("id") as string]);
}

/** A cursor's sort key (after the list it belongs to). */
const cursorKey = (cursor: string) => (JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[]).slice(1);

async function timelinePages(symbol: string, first: number, pages: number): Promise<{ keys: unknown[][]; totalCount: number }> {
  const keys: unknown[][] = [];
  let after: string | null | undefined;
  let totalCount = -1;
  for (let i = 0; i < pages; i += 1) {
    const res = await server.request(TimelineDocument, { filter: { asset: symbol }, first, after });
    expect(res.errors).toBeUndefined();
    totalCount = res.data!.timeline.totalCount;
    keys.push(...res.data!.timeline.edges.map((e) => cursorKey(e.cursor)));
    if (!res.data!.timeline.pageInfo.hasNextPage) break;
    after = res.data!.timeline.pageInfo.endCursor;
  }
  return { keys, totalCount };
}

describe("lists by a hub asset and by a long-tail one", () => {
  it("the hub is one (lists walk the sort index), the tail is not (they start from the asset)", async () => {
    const { records } = await server.driver.executeQuery(
      "MATCH (x:Asset) WHERE x.symbol IN [$hub, $tail] RETURN x.symbol AS symbol, COUNT { (x)<-[:CAUSE|EFFECT|IF]-() } + COUNT { (x)<-[:AFFECTS|OF]-() } AS reach",
      { hub: HUB, tail: TAIL },
    );
    const reach = Object.fromEntries(records.map((r) => [r.get("symbol") as string, Number(r.get("reach"))]));
    expect(reach[HUB]).toBeGreaterThan(WALK_ABOVE_REACH);
    expect(reach[TAIL]).toBeLessThan(WALK_ABOVE_REACH);
  });

  it.each([
    ["hub", HUB, 18 * ARTICLES],
    ["tail", TAIL, ARTICLES / 10],
  ])("claims about the %s asset: every page, in order, nothing about other assets, and the right total", async (_kind, symbol, count) => {
    const expected = await expectedClaims(symbol);
    expect(expected).toHaveLength(count);
    const { keys, totalCount } = await allClaimPages(symbol, 200);
    expect(keys).toEqual(expected);
    expect(totalCount).toBe(count);
  });

  it.each([
    ["hub", HUB, 18 * ARTICLES],
    ["tail", TAIL, ARTICLES / 10],
  ])(
    "claims about the %s asset asOf a time: the same pages where no link changed since, none before anything was known",
    async (_kind, symbol, count) => {
      const { keys, totalCount } = await allClaimPages(symbol, 200, new Date().toISOString());
      expect(keys).toEqual(await expectedClaims(symbol));
      expect(totalCount).toBe(count);
      expect(await allClaimPages(symbol, 200, "2000-01-01T00:00:00Z")).toEqual({ keys: [], totalCount: 0 });
    },
  );

  it.each([
    ["hub", HUB],
    ["tail", TAIL],
  ])("the %s asset's timeline: the first pages are exactly the oldest entries, ties in kind and id order", async (_kind, symbol) => {
    const expected = await expectedTimeline(symbol);
    const { keys, totalCount } = await timelinePages(symbol, 50, 4);
    expect(keys).toEqual(expected.slice(0, keys.length));
    expect(keys.length).toBe(Math.min(200, expected.length));
    expect(totalCount).toBe(expected.length);
  });
});

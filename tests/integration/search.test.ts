import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IngestArticleDocument, RetractClaimDocument, SearchDocument, type SearchQuery } from "../__generated__/graphql.js";
import { sampleArticle } from "../fixtures/articles.js";
import { uniqueTag } from "../support/ids.js";
import { EDITOR_TOKEN, startTestServer, type TestServer } from "../support/server.js";

type Hit = SearchQuery["search"][number];

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

/** The hit's kind and natural key: ENTITY:michael-saylor, ASSET:BTC, ARTICLE:<url>. */
function identity(hit: Hit): string {
  const node = hit.node;
  const key = "key" in node ? node.key : "symbol" in node ? node.symbol : node.url;
  return `${hit.kind}:${key}`;
}

async function search(query: string, first?: number): Promise<Hit[]> {
  const res = await server.request(SearchDocument, first === undefined ? { query } : { query, first });
  expect(res.errors).toBeUndefined();
  return res.data!.search;
}

function hitOf(hits: Hit[], id: string): Hit {
  const hit = hits.find((h) => identity(h) === id);
  if (!hit) throw new Error(`no hit ${id} among ${hits.map(identity).join(", ")}`);
  return hit;
}

describe("search over the seed article", () => {
  it('finds the TGA macro factor, event and claim for "TGA", with TGA in each snippet', async () => {
    const hits = await search("TGA", 100);
    const factor = hitOf(hits, "MACRO_FACTOR:treasury-issuance");
    expect(factor).toMatchObject({ field: "name", snippet: "Treasury issuance / TGA", node: { __typename: "MacroFactor" } });
    const event = hitOf(hits, "EVENT:tga-absorbs-64-3b");
    expect(event).toMatchObject({
      field: "title",
      node: { __typename: "Event", title: "Treasury General Account (TGA) absorbs $64.3 billion from the system" },
    });
    const claim = hitOf(hits, "CLAIM:tga-absorption-drains-liquidity");
    expect(claim).toMatchObject({ field: "text", node: { __typename: "Claim", retractedAt: null } });
    for (const hit of hits) expect(hit.snippet).toMatch(/\bTGA\b/i);
  });

  it('finds the macro factor and the claims for "Treasury issuance"', async () => {
    const hits = await search("Treasury issuance", 100);
    expect(hitOf(hits, "MACRO_FACTOR:treasury-issuance").snippet).toContain("Treasury issuance");
    expect(hitOf(hits, "CLAIM:treasury-issuance-drains-liquidity").snippet).toMatch(/^Treasury issuance is draining liquidity/);
    // Both words in the name rank the factor above hits that only mention "Treasury".
    const factorRank = hits.findIndex((h) => identity(h) === "MACRO_FACTOR:treasury-issuance");
    const treasuryOnly = hits.findIndex((h) => identity(h) === "ENTITY:us-treasury");
    expect(treasuryOnly).toBeGreaterThan(factorRank);
  });

  it('matches the last word as a prefix: "liquid" finds liquidation items', async () => {
    // Other tests add many "Liquidation cascade" events, so a second word picks out the seed's.
    const hits = await search("weekend liquid", 100);
    const cascade = hitOf(hits, "EVENT:btc-weekend-liquidation-cascade");
    expect(cascade.snippet).toBe("$1.3 billion weekend liquidation cascade in bitcoin derivatives");
    expect(cascade.snippet).not.toMatch(/\bliquid\b/i);
    expect(hits.map((h) => h.kind)).toContain("ARTICLE");
    hitOf(await search("Friday liquid", 100), "EVENT:friday-cross-asset-liquidation");
    for (const hit of await search("liquid", 100)) expect(hit.snippet).toMatch(/\bliquid/i);
  });

  it('finds an asset by its ticker: "MSTR" finds Strategy\'s stock', async () => {
    const hits = await search("MSTR");
    expect(hitOf(hits, "ASSET:MSTR")).toMatchObject({ kind: "ASSET", field: "symbol", snippet: "MSTR" });
  });

  it('finds the entity Michael Saylor for "Saylor"', async () => {
    const hits = await search("Saylor");
    expect(hitOf(hits, "ENTITY:michael-saylor")).toMatchObject({
      kind: "ENTITY",
      field: "name",
      snippet: "Michael Saylor",
      node: { __typename: "Entity", name: "Michael Saylor" },
    });
  });

  it("cuts a snippet from the article body around the match, with ellipses where cut", async () => {
    const hits = await search("kindling");
    const article = hits.find((h) => h.kind === "ARTICLE" && h.node.__typename === "Article" && h.node.title.startsWith("Bitcoin’s $1.3B"));
    expect(article).toBeDefined();
    expect(article!.field).toBe("body");
    expect(article!.snippet).toMatch(/^….*\bkindling\b.*…$/);
    expect(article!.snippet.length).toBeLessThanOrEqual(162);
    hitOf(hits, "CLAIM:leverage-stacked-like-kindling");
  });
});

describe("search limits and ordering", () => {
  it("orders hits by score, best first, and returns at most first (20 by default)", async () => {
    const all = await search("bitcoin ETF outflows", 100);
    expect(all.length).toBeGreaterThan(20);
    const scores = all.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(await search("bitcoin ETF outflows")).toHaveLength(20);
    const three = await search("bitcoin ETF outflows", 3);
    expect(three.map((h) => h.score)).toEqual(scores.slice(0, 3));
  });

  it.each([0, -1, 101])("rejects first: %i with BAD_USER_INPUT on first", async (first) => {
    const res = await server.request(SearchDocument, { query: "bitcoin", first });
    expect(res.data).toBeNull();
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
  });
});

describe("search input that looks like Lucene syntax", () => {
  it.each(["bitcoin (ETF", 'bitcoin~ AND "ETF* [76K TO 80K}', "TGA^2 || -liquidity:drain"])("searches %j as plain words", async (query) => {
    const hits = await search(query);
    expect(hits.length).toBeGreaterThan(0);
  });

  // Unescaped, each of these is a Lucene parse error (a broken phrase, range, group, boost or regex).
  it.each(['"unterminated', 'bit"coin', "ETF[76K", "ETF(s", "TGA^drain", "a:b OR", "NOT", "x/y\\z"])(
    "answers %j without an error",
    async (query) => {
      const res = await server.request(SearchDocument, { query });
      expect(res.errors).toBeUndefined();
      expect(Array.isArray(res.data!.search)).toBe(true);
    },
  );

  it.each(["\\", "\\\\", "()", '+-&&||!(){}[]^"~*?:\\/', "  &&  "])("rejects %j, which has nothing to search, on query", async (query) => {
    const res = await server.request(SearchDocument, { query });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "query" });
    expect(res.errors?.[0]?.message).toMatch(/nothing to search for/);
  });

  it("answers the longest allowed query of distinct words, one Lucene clause each", async () => {
    const words = Array.from({ length: 250 }, (_, i) => String.fromCodePoint(0x4e00 + i * 7)).join(" ");
    expect(words.length).toBeLessThanOrEqual(500);
    expect(await search(words)).toEqual([]);
  });

  it.each([
    ["an empty query", "", /must not be empty/],
    ["a blank query", "   ", /must not be empty/],
    ["a query over 500 characters", "bitcoin ".repeat(70), /at most 500 characters/],
  ])("rejects %s on query", async (_, query, message) => {
    const res = await server.request(SearchDocument, { query });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "query" });
    expect(res.errors?.[0]?.message).toMatch(message);
  });
});

describe("search and claim history", () => {
  it("no longer finds a claim once it is retracted", async () => {
    const tag = uniqueTag();
    const input = sampleArticle(tag);
    const tagged = { ...input, claims: input.claims!.map((claim) => ({ ...claim, text: `${claim.text} (${tag} desk)` })) };
    const ingested = await server.request(IngestArticleDocument, { input: tagged }, { token: EDITOR_TOKEN });
    expect(ingested.errors).toBeUndefined();

    const before = await search(tag, 100);
    const claimKeys = (hits: Hit[]) => hits.flatMap((h) => (h.node.__typename === "Claim" ? [h.node.key] : [])).sort();
    expect(claimKeys(before)).toEqual(["cascade-causes-drop", "if-leverage-returns", "leverage-causes-cascade", "not-the-fund"]);
    for (const hit of before) expect(hit.snippet).toContain(tag);
    const target = before.find((h) => h.node.__typename === "Claim" && h.node.key === "cascade-causes-drop")!;

    const retracted = await server.request(RetractClaimDocument, { id: target.node.id, reason: "misattributed" }, { token: EDITOR_TOKEN });
    expect(retracted.errors).toBeUndefined();

    const after = await search(tag, 100);
    expect(claimKeys(after)).toEqual(["if-leverage-returns", "leverage-causes-cascade", "not-the-fund"]);
    expect(after.map((h) => h.node.id)).not.toContain(target.node.id);
    expect(after.map(identity)).toContain(`ENTITY:${tag}-fund`);
  });
});

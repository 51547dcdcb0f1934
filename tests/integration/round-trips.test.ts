import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IngestArticleDocument, NestedArticleClaimsDocument } from "../__generated__/graphql.js";
import { sampleArticle } from "../fixtures/articles.js";
import { uniqueTag } from "../support/ids.js";
import { EDITOR_TOKEN, postGraphQL, startTestServer, type TestServer } from "../support/server.js";

let server: TestServer;
const ARTICLES = 55;
// Tags this run's articles, so the query sees them and not what other test files ingested.
const RUN_TAG = uniqueTag("n1");

beforeAll(async () => {
  // 55 articles with every claim's endpoints and their articles is over the default cost limit, on purpose.
  server = await startTestServer({ GRAPHQL_DEBUG: "true", QUERY_MAX_COST: "100000" });
  const inputs = Array.from({ length: ARTICLES }, () => {
    const input = sampleArticle(uniqueTag());
    return { ...input, tags: [...(input.tags ?? []), RUN_TAG] };
  });
  // A few at a time: enough to load the graph quickly without contending on the same nodes.
  for (let i = 0; i < inputs.length; i += 5) {
    const batch = await Promise.all(
      inputs.slice(i, i + 5).map((input) => server.request(IngestArticleDocument, { input }, { token: EDITOR_TOKEN })),
    );
    for (const res of batch) expect(res.errors).toBeUndefined();
  }
}, 180_000);

afterAll(async () => {
  await server.close();
});

describe("no N+1", () => {
  it("articles -> claims -> cause/effect -> articles costs one Cypher round trip per level", async () => {
    const res = await server.request(NestedArticleClaimsDocument, { first: 60, filter: { tag: RUN_TAG } });
    expect(res.errors).toBeUndefined();
    const articles = res.data!.articles.edges.map((e) => e.node);
    expect(articles).toHaveLength(ARTICLES);
    const claims = articles.flatMap((a) => a.claims);
    const endpoints = claims.flatMap((c) => [c.cause, c.effect]).filter((n) => n !== null);
    // Real work at every level: hundreds of claims and endpoints, each with its own article list.
    expect(claims).toHaveLength(4 * ARTICLES);
    expect(endpoints.length).toBe(claims.length * 2);
    for (const node of endpoints) {
      expect(node.articles.totalCount).toBeGreaterThan(0);
      expect(node.articles.edges.length).toBeGreaterThan(0);
    }
    // Three levels: the article page, their claims (each read with its cause and effect), the
    // endpoints' articles; plus one (batched) count per level whose totalCount the query selects:
    // the root's and the endpoints' articles'.
    expect(res.extensions).toEqual({ diagnostics: { roundTrips: 5 } });
  });

  it("counts a list's total only when the query selects totalCount", async () => {
    type Page = { articles: { totalCount?: number; edges: { node: { title: string; body: string | null } }[] } };
    const query = (fields: string) => `query ($tag: String) { articles(filter: { tag: $tag }, first: 60) { ${fields} } }`;
    const pageOnly = await postGraphQL<Page>(server.url, query("edges { node { title } }"), { tag: RUN_TAG });
    expect(pageOnly.errors).toBeUndefined();
    expect(pageOnly.data!.articles.edges).toHaveLength(ARTICLES);
    expect(pageOnly.extensions).toEqual({ diagnostics: { roundTrips: 1 } });

    const counted = await postGraphQL<Page>(server.url, query("totalCount edges { node { title } }"), { tag: RUN_TAG });
    expect(counted.data!.articles.totalCount).toBe(ARTICLES);
    expect(counted.extensions).toEqual({ diagnostics: { roundTrips: 2 } });

    // Bodies are left out of lists and fetched, in one batch, only when selected.
    const bodies = await postGraphQL<Page>(server.url, query("edges { node { title body } }"), { tag: RUN_TAG });
    expect(bodies.data!.articles.edges.every((e) => typeof e.node.body === "string" && e.node.body.length > 0)).toBe(true);
    expect(bodies.extensions).toEqual({ diagnostics: { roundTrips: 2 } });
  });

  it("reads each article's publisher with the article, so `source` costs no round trip of its own", async () => {
    type Page = { articles: { edges: { node: { url: string; source: { domain: string; name: string } | null } }[] } };
    const res = await postGraphQL<Page>(
      server.url,
      `query ($tag: String) { articles(filter: { tag: $tag }, first: 60) { edges { node { url source { domain name } } } } }`,
      { tag: RUN_TAG },
    );
    expect(res.errors).toBeUndefined();
    const edges = res.data!.articles.edges;
    expect(edges).toHaveLength(ARTICLES);
    for (const { node } of edges)
      expect(node.source).toEqual({ domain: new URL(node.url).hostname.replace(/^www\./, ""), name: expect.any(String) });
    expect(res.extensions).toEqual({ diagnostics: { roundTrips: 1 } });
  });

  it("reports round trips only when the debug setting is on", async () => {
    const quiet = await startTestServer();
    try {
      const res = await quiet.request(NestedArticleClaimsDocument, { first: 1 });
      expect(res.errors).toBeUndefined();
      expect(res.extensions).toBeUndefined();
    } finally {
      await quiet.close();
    }
  });
});

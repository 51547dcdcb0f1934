import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ArticleByIdDocument,
  ArticleByUrlDocument,
  ArticlesPageDocument,
  ClaimsPageDocument,
  IngestArticleDocument,
  NodeByIdDocument,
  RetractClaimDocument,
} from "../__generated__/graphql.js";
import { sampleArticle } from "../fixtures/articles.js";
import { graphCounts } from "../support/graph-counts.js";
import { uniqueTag } from "../support/ids.js";
import { EDITOR_TOKEN, startTestServer, type TestServer } from "../support/server.js";

let server: TestServer;
const asEditor = { token: EDITOR_TOKEN };

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe("ingestArticle", () => {
  it("writes the article and everything it asserts, readable back in canonical form", async () => {
    const tag = uniqueTag();
    const input = sampleArticle(tag);
    const res = await server.request(IngestArticleDocument, { input }, asEditor);
    expect(res.errors).toBeUndefined();
    const payload = res.data!.ingestArticle;
    expect(payload).toMatchObject({ created: true, changed: true, counts: { claims: 4, claimsSuperseded: 0 } });
    expect(payload.counts.nodesCreated).toBeGreaterThan(10);
    // www., the utm parameter and the trailing slash are gone from the stored URL.
    expect(payload.article.url).toBe(`https://${tag}-wire.example/markets/${tag}-selloff`);

    const read = await server.request(ArticleByUrlDocument, { url: input.url });
    const article = read.data!.article!;
    expect(article.body).toBe(input.body); // quotes, a Cypher fragment and unicode, verbatim
    expect(article.tags.map((t) => t.name)).toEqual(["derivatives", "liquidation"]);
    expect(article.riskLevel).toBe("HIGH");
    expect(article.source).toEqual({ domain: `${tag}-wire.example`, name: `${tag} Wire`, kind: "NEWS" });
    expect(article.publishedAt).toBe("2026-02-01T12:00:00-05:00");
    expect(article.claims.map((c) => c.key).sort()).toEqual([
      "cascade-causes-drop",
      "if-leverage-returns",
      "leverage-causes-cascade",
      "not-the-fund",
    ]);
    const denial = article.claims.find((c) => c.key === "not-the-fund")!;
    expect(denial).toMatchObject({ polarity: "DENIED", cause: { __typename: "Entity", key: `${tag}-fund` } });
    const conditional = article.claims.find((c) => c.key === "if-leverage-returns")!;
    expect(conditional.modality).toBe("CONDITIONAL");
    expect(conditional.conditions).toEqual([expect.objectContaining({ __typename: "Event", key: `${tag}-cascade` })]);
    const attributed = article.claims.find((c) => c.key === "leverage-causes-cascade")!;
    expect(attributed.attributedTo).toEqual([{ domain: `${tag}-research.example`, name: `${tag} Research` }]);
    expect(attributed.supportedBy.map((a) => a.url)).toEqual([`https://${tag}-other.example/report`]);
    expect(article.events[0]!.reports.map((r) => r.amountUsd).sort()).toEqual([1_000_000_000, 2_000_000_000]);
    expect(article.priceMoves[0]).toMatchObject({ changePct: -10, endAt: "2026-02-01T09:55:00-05:00" });
  });

  it("changes nothing when the same article is sent again, however its URL is written", async () => {
    const input = sampleArticle(uniqueTag());
    await server.request(IngestArticleDocument, { input }, asEditor);
    const before = await graphCounts(server.driver);
    const variant = { ...input, url: input.url.replace("https://www.", "HTTPS://WWW.").replace("?utm_source=feed", "") };
    for (const again of [input, variant]) {
      const res = await server.request(IngestArticleDocument, { input: again }, asEditor);
      expect(res.data!.ingestArticle).toMatchObject({
        created: false,
        changed: false,
        counts: { nodesCreated: 0, relationshipsCreated: 0, claims: 0, claimsSuperseded: 0 },
      });
    }
    expect(await graphCounts(server.driver)).toEqual(before);
  });

  it("leaves exactly one set of nodes after 20 identical concurrent ingests", async () => {
    const tag = uniqueTag();
    const input = sampleArticle(tag);
    const before = await graphCounts(server.driver);
    const results = await Promise.all(Array.from({ length: 20 }, () => server.request(IngestArticleDocument, { input }, asEditor)));
    for (const res of results) expect(res.errors).toBeUndefined();
    const payloads = results.map((res) => res.data!.ingestArticle);
    expect(payloads.filter((p) => p.created)).toHaveLength(1);
    const winner = payloads.find((p) => p.created)!;
    const after = await graphCounts(server.driver);
    expect(after.nodes - before.nodes).toBe(winner.counts.nodesCreated);
    expect(after.relationships - before.relationships).toBe(winner.counts.relationshipsCreated);
    const { records } = await server.driver.executeQuery(
      "MATCH (a:Article { url: $url }) OPTIONAL MATCH (a)-[:MAKES]->(c:Claim) RETURN count(DISTINCT a) AS articles, count(c) AS claims",
      { url: winner.article.url },
    );
    expect(Number(records[0]!.get("articles"))).toBe(1);
    expect(Number(records[0]!.get("claims"))).toBe(4);
  });

  it("supersedes the claims a changed article drops and keeps the one it keeps, deleting nothing", async () => {
    const input = sampleArticle(uniqueTag());
    await server.request(IngestArticleDocument, { input }, asEditor);
    const original = (await server.request(ArticleByUrlDocument, { url: input.url })).data!.article!.claims;
    const changed = {
      ...input,
      title: `${input.title} (updated)`,
      claims: [{ ...input.claims![1]!, text: "The cascade sent the price sharply down." }],
    };
    const res = await server.request(IngestArticleDocument, { input: changed }, asEditor);
    expect(res.data!.ingestArticle).toMatchObject({
      created: false,
      changed: true,
      counts: { claims: 0, claimsSuperseded: 3, claimsRestored: 0 },
    });

    const current = await server.request(ArticleByUrlDocument, { url: input.url });
    expect(current.data!.article!.title).toBe(changed.title);
    // Same key, same claim: it keeps its id and takes the new version's text.
    expect(current.data!.article!.claims.map((c) => [c.id, c.text])).toEqual([
      [original.find((c) => c.key === "cascade-causes-drop")!.id, "The cascade sent the price sharply down."],
    ]);

    const history = await server.request(ArticleByUrlDocument, { url: input.url, includeSuperseded: true });
    const claims = history.data!.article!.claims;
    expect(claims).toHaveLength(4);
    expect(claims.filter((c) => c.supersededAt !== null).map((c) => c.key)).toEqual([
      "if-leverage-returns",
      "leverage-causes-cascade",
      "not-the-fund",
    ]);
  });
});

describe("reading what was ingested", () => {
  it("fetches articles, claims, sources and assets back by global id", async () => {
    const tag = uniqueTag();
    const input = sampleArticle(tag);
    const ingested = await server.request(IngestArticleDocument, { input }, asEditor);
    const articleId = ingested.data!.ingestArticle.article.id;
    expect((await server.request(ArticleByIdDocument, { id: articleId })).data!.article!.url).toBe(
      ingested.data!.ingestArticle.article.url,
    );
    const article = (await server.request(ArticleByUrlDocument, { url: input.url })).data!.article!;
    const claim = article.claims[0]!;
    expect((await server.request(NodeByIdDocument, { id: claim.id })).data!.node).toMatchObject({ __typename: "Claim", text: claim.text });
    expect((await server.request(NodeByIdDocument, { id: articleId })).data!.node).toMatchObject({ __typename: "Article" });
    const bad = await server.request(NodeByIdDocument, { id: "not-an-id" });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
  });

  it("filters articles by outlet, tag and asset, newest first", async () => {
    const tag = uniqueTag();
    const input = sampleArticle(tag);
    await server.request(IngestArticleDocument, { input }, asEditor);
    const symbol = input.assets![0]!.symbol;
    for (const filter of [{ source: `${tag}-wire.example` }, { asset: symbol.toLowerCase(), tag: "#Liquidation" }]) {
      const res = await server.request(ArticlesPageDocument, { filter, first: 10 });
      expect(res.errors).toBeUndefined();
      expect(res.data!.articles.edges.map((e) => e.node.url)).toEqual([`https://${tag}-wire.example/markets/${tag}-selloff`]);
      expect(res.data!.articles.totalCount).toBe(1);
    }
    const cited = await server.request(ArticlesPageDocument, { filter: { source: `${tag}-other.example`, ingested: false } });
    expect(cited.data!.articles.edges.map((e) => e.node.url)).toEqual([`https://${tag}-other.example/report`]);
  });

  it("filters claims by cause, polarity and the outlet they are attributed to", async () => {
    const tag = uniqueTag();
    await server.request(IngestArticleDocument, { input: sampleArticle(tag) }, asEditor);
    const byCause = await server.request(ClaimsPageDocument, { filter: { cause: { kind: "MACRO_FACTOR", key: `${tag}-leverage` } } });
    expect(byCause.data!.claims.edges.map((e) => e.node.key).sort()).toEqual(["if-leverage-returns", "leverage-causes-cascade"]);
    const denied = await server.request(ClaimsPageDocument, { filter: { polarity: "DENIED", source: `${tag}-wire.example` } });
    expect(denied.data!.claims.edges.map((e) => e.node.key)).toEqual(["not-the-fund"]);
    const attributed = await server.request(ClaimsPageDocument, { filter: { source: `${tag}-research.example` } });
    expect(attributed.data!.claims.edges.map((e) => e.node.key)).toEqual(["leverage-causes-cascade"]);
  });
});

describe("retractClaim", () => {
  it("keeps the claim, hides it from current answers, and shows it as of before the retraction", async () => {
    const tag = uniqueTag();
    await server.request(IngestArticleDocument, { input: sampleArticle(tag) }, asEditor);
    const filter = { cause: { kind: "EVENT" as const, key: `${tag}-cascade` } };
    const claim = (await server.request(ClaimsPageDocument, { filter })).data!.claims.edges[0]!.node;
    const beforeRetraction = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));

    const res = await server.request(RetractClaimDocument, { id: claim.id, reason: "Figure was wrong" }, asEditor);
    expect(res.errors).toBeUndefined();
    expect(res.data!.retractClaim).toMatchObject({ id: claim.id, retractionReason: "Figure was wrong" });
    expect(res.data!.retractClaim.retractedAt).toEqual(expect.any(String));

    expect((await server.request(ClaimsPageDocument, { filter })).data!.claims.totalCount).toBe(0);
    const withRetracted = await server.request(ClaimsPageDocument, { filter: { ...filter, includeRetracted: true } });
    expect(withRetracted.data!.claims.edges[0]!.node.retractionReason).toBe("Figure was wrong");
    const asOf = await server.request(ClaimsPageDocument, { filter, asOf: beforeRetraction });
    expect(asOf.data!.claims.edges.map((e) => e.node.id)).toEqual([claim.id]);
  });

  it("rejects an unknown claim id and an empty reason without writing", async () => {
    const before = await graphCounts(server.driver);
    const unknown = await server.request(
      RetractClaimDocument,
      { id: Buffer.from("Claim:nope").toString("base64url"), reason: "x" },
      asEditor,
    );
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
    const empty = await server.request(
      RetractClaimDocument,
      { id: Buffer.from("Claim:nope").toString("base64url"), reason: "  " },
      asEditor,
    );
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "reason" });
    expect(await graphCounts(server.driver)).toEqual(before);
  });
});

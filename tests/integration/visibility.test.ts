import { describe, expect, it } from "vitest";
import {
  ClaimListsOfArticleDocument,
  ClaimsNamingArticleNodesDocument,
  EventAffectsDocument,
  IngestArticleDocument,
  RetractClaimDocument,
  TaggedArticlesDocument,
  type IngestArticleInput,
} from "../__generated__/graphql.js";
import { sampleArticle } from "../fixtures/articles.js";
import { graphCounts } from "../support/graph-counts.js";
import { uniqueTag } from "../support/ids.js";
import { ingestOk } from "../support/ingest.js";
import { EDITOR_TOKEN, useTestServer } from "../support/server.js";

const server = useTestServer();
const asEditor = { token: EDITOR_TOKEN };

const ingest = (input: IngestArticleInput) => ingestOk(server, input);

describe("every claim list follows the root claims' visibility rule", () => {
  it("leaves a retracted claim out of the article's, the asset's and the narrative's lists, and shows it when asked", async () => {
    const tag = uniqueTag();
    const input = sampleArticle(tag);
    const url = (await ingest(input)).article.url;
    const vars = { url, symbol: input.assets![0]!.symbol, narrative: `${tag}-reset` };
    const before = (await server.request(ClaimListsOfArticleDocument, vars)).data!;
    expect(before.article!.claims.map((c) => c.key)).toEqual([
      "cascade-causes-drop",
      "if-leverage-returns",
      "leverage-causes-cascade",
      "not-the-fund",
    ]);
    expect(before.asset!.claims.edges.map((e) => e.node.key)).toEqual(["if-leverage-returns"]);
    expect(before.narrative!.claims.edges.map((e) => e.node.key)).toEqual(["leverage-causes-cascade"]);
    expect(before.claims.totalCount).toBe(4);

    const idOf = new Map(before.article!.claims.map((c) => [c.key, c.id]));
    const afterIngest = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    for (const key of ["if-leverage-returns", "leverage-causes-cascade"]) {
      const res = await server.request(RetractClaimDocument, { id: idOf.get(key)!, reason: "test" }, asEditor);
      expect(res.errors).toBeUndefined();
    }

    const after = (await server.request(ClaimListsOfArticleDocument, vars)).data!;
    expect(after.article!.claims.map((c) => c.key)).toEqual(["cascade-causes-drop", "not-the-fund"]);
    expect(after.asset!.claims).toMatchObject({ totalCount: 0, edges: [] });
    expect(after.narrative!.claims).toMatchObject({ totalCount: 0, edges: [] });
    expect(after.claims.totalCount).toBe(2);

    const all = (await server.request(ClaimListsOfArticleDocument, { ...vars, includeRetracted: true })).data!;
    expect(all.article!.claims.filter((c) => c.retractedAt).map((c) => c.key)).toEqual(["if-leverage-returns", "leverage-causes-cascade"]);
    expect(all.asset!.claims.totalCount).toBe(1);
    expect(all.narrative!.claims.totalCount).toBe(1);
    expect(all.claims.totalCount).toBe(4);

    // As of before the retractions, every list shows them again.
    const earlier = (await server.request(ClaimListsOfArticleDocument, { ...vars, asOf: afterIngest })).data!;
    expect(earlier.article!.claims.map((c) => c.key)).toEqual(before.article!.claims.map((c) => c.key));
    expect(earlier.asset!.claims.totalCount).toBe(1);
    expect(earlier.narrative!.claims.totalCount).toBe(1);
    expect(earlier.claims.totalCount).toBe(4);
  });

  it("leaves a retracted claim out of the claims naming an event, a macro factor, an entity and a price move, and shows it when asked", async () => {
    const tag = uniqueTag();
    const input = sampleArticle(tag);
    const url = (await ingest(input)).article.url;
    /** Per node the article names (by kind and key), the keys of its visible claims, sorted. */
    const lists = async (vars: { includeRetracted?: boolean; asOf?: string } = {}) => {
      const res = await server.request(ClaimsNamingArticleNodesDocument, { url, ...vars });
      expect(res.errors).toBeUndefined();
      const article = res.data!.article!;
      const keys = (connection: { totalCount: number; edges: { node: { key: string } }[] }) => {
        expect(connection.totalCount).toBe(connection.edges.length);
        return connection.edges.map((e) => e.node.key).sort();
      };
      return Object.fromEntries(
        [...article.events, ...article.macroFactors, ...article.entities, ...article.priceMoves].map((node) => [
          node.key,
          keys(node.claims),
        ]),
      );
    };
    const before = await lists();
    expect(before).toEqual({
      [`${tag}-cascade`]: ["cascade-causes-drop", "if-leverage-returns", "leverage-causes-cascade"],
      [`${tag}-leverage`]: ["if-leverage-returns", "leverage-causes-cascade"],
      [`${tag}-fund`]: ["not-the-fund"],
      [`${tag}-drop`]: ["cascade-causes-drop", "not-the-fund"],
    });
    const ids = new Map(
      (
        await server.request(ClaimListsOfArticleDocument, { url, symbol: input.assets![0]!.symbol, narrative: `${tag}-reset` })
      ).data!.article!.claims.map((c) => [c.key, c.id]),
    );
    const beforeRetraction = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    for (const key of ["cascade-causes-drop", "not-the-fund"]) {
      expect((await server.request(RetractClaimDocument, { id: ids.get(key)!, reason: "test" }, asEditor)).errors).toBeUndefined();
    }

    expect(await lists()).toEqual({
      [`${tag}-cascade`]: ["if-leverage-returns", "leverage-causes-cascade"],
      [`${tag}-leverage`]: ["if-leverage-returns", "leverage-causes-cascade"],
      [`${tag}-fund`]: [],
      [`${tag}-drop`]: [],
    });
    expect(await lists({ includeRetracted: true })).toEqual(before);
    expect(await lists({ asOf: beforeRetraction })).toEqual(before);
  });
});

describe("ingest rejects what a field cannot return", () => {
  it("an event that affects a SOURCE is BAD_USER_INPUT naming the field, and nothing is written", async () => {
    const tag = uniqueTag();
    const input = sampleArticle(tag);
    input.events![0]!.affects = [{ kind: "SOURCE", key: `${tag}-wire.example` }];
    const before = await graphCounts(server.driver);
    const res = await server.request(IngestArticleDocument, { input }, asEditor);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.events[0].affects[0].kind" });
    expect(await graphCounts(server.driver)).toEqual(before);
  });

  it("an event that affects itself is BAD_USER_INPUT", async () => {
    const tag = uniqueTag();
    const input = sampleArticle(tag);
    input.events![0]!.affects = [{ kind: "EVENT", key: `${tag}-cascade` }];
    const res = await server.request(IngestArticleDocument, { input }, asEditor);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.events[0].affects[0]" });
  });

  it("an event may affect any kind the CausalNode union returns, and reads back", async () => {
    const tag = uniqueTag();
    const input = sampleArticle(tag);
    input.events![0]!.affects = [
      { kind: "ASSET", key: input.assets![0]!.symbol },
      { kind: "ENTITY", key: `${tag}-fund` },
      { kind: "MACRO_FACTOR", key: `${tag}-leverage` },
      { kind: "PRICE_MOVE", key: `${tag}-drop` },
      { kind: "NARRATIVE", key: `${tag}-reset` },
    ];
    const { article } = await ingest(input);
    const res = await server.request(EventAffectsDocument, { url: article.url });
    expect(res.errors).toBeUndefined();
    expect(res.data!.article!.events[0]!.affects.map((n) => n.__typename).sort()).toEqual([
      "Asset",
      "Entity",
      "MacroFactor",
      "Narrative",
      "PriceMove",
    ]);
  });
});

describe("one normal form of tags, for ingest and for filters", () => {
  it("finds ' #Foo' by every way of writing it, in articles and in the timeline", async () => {
    const tag = uniqueTag();
    const input = sampleArticle(tag);
    input.tags = [` #Foo${tag}  Bar `, `#${tag}Other`];
    await ingest(input);
    const spellings = [`#Foo${tag} Bar`, `foo${tag} bar`, ` #FOO${tag}   BAR`, `＃foo${tag} bar`];
    for (const spelling of spellings) {
      const res = await server.request(TaggedArticlesDocument, { tag: spelling });
      expect(res.errors, spelling).toBeUndefined();
      expect(res.data!.articles.totalCount, spelling).toBe(1);
      expect(res.data!.articles.edges[0]!.node.tags.map((t) => t.name).sort()).toEqual([`foo${tag} bar`, `${tag}other`]);
      expect(res.data!.timeline.totalCount, spelling).toBe(1);
    }
  });

  it("an empty tag filter is BAD_USER_INPUT, not a silent no-filter", async () => {
    const res = await server.request(TaggedArticlesDocument, { tag: " # " });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.tag" });
  });
});

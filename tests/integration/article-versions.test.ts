import { describe, expect, it } from "vitest";
import {
  ArticleAsOfDocument,
  ArticlesPageDocument,
  AssetStatementsDocument,
  ClaimsPageDocument,
  IngestArticleDocument,
  EventReportsDocument,
  RetractClaimDocument,
  StatedByIdDocument,
  type IngestArticleInput,
} from "../__generated__/graphql.js";
import { sampleArticle } from "../fixtures/articles.js";
import { uniqueTag } from "../support/ids.js";
import { ingestOk } from "../support/ingest.js";
import { EDITOR_TOKEN, useTestServer } from "../support/server.js";

const server = useTestServer();
const asEditor = { token: EDITOR_TOKEN };

const ingest = (input: IngestArticleInput) => ingestOk(server, input);

async function read(url: string, asOf?: string) {
  const res = await server.request(ArticleAsOfDocument, { url, asOf });
  expect(res.errors).toBeUndefined();
  return res.data!.article;
}

/** An instant strictly between two writes. */
async function instant(): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, 15));
  const now = new Date().toISOString();
  await new Promise((resolve) => setTimeout(resolve, 15));
  return now;
}

const keysOf = (claims: { key: string }[]) => claims.map((c) => c.key).sort();

describe("going back to an earlier version", () => {
  it("v1, v2 (title changed), v1 again: v1's claims are current, with the ids they always had", async () => {
    const v1 = sampleArticle(uniqueTag());
    await ingest(v1);
    const first = await read(v1.url);
    const v2 = { ...v1, title: `${v1.title}, updated` };
    expect((await ingest(v2)).changed).toBe(true);
    const back = await ingest(v1);
    expect(back).toMatchObject({ created: false, changed: true });

    const now = await read(v1.url);
    expect(now!.title).toBe(v1.title);
    expect(now!.claims.map((c) => c.id)).toEqual(first!.claims.map((c) => c.id));
    expect(now!.versions.map((v) => v.title)).toEqual([v1.title, v2.title, v1.title]);
    expect(now!.versions.map((v) => v.supersededAt === null)).toEqual([true, false, false]);
    expect(now!.versions[0]!.contentHash).toBe(now!.versions[2]!.contentHash);
  });

  it("restores the claims v2 dropped and supersedes the one v2 added", async () => {
    const v1 = sampleArticle(uniqueTag());
    await ingest(v1);
    const before = await read(v1.url);
    const added = {
      key: "v2-only",
      text: "A claim only v2 makes.",
      relation: "CAUSES" as const,
      cause: v1.claims![0]!.cause,
      effect: v1.claims![0]!.effect,
    };
    const v2 = { ...v1, claims: [v1.claims![1]!, added] };
    expect((await ingest(v2)).counts).toMatchObject({ claims: 1, claimsSuperseded: 3, claimsRestored: 0 });
    expect(keysOf((await read(v1.url))!.claims)).toEqual(["cascade-causes-drop", "v2-only"]);

    expect((await ingest(v1)).counts).toMatchObject({ claims: 0, claimsSuperseded: 1, claimsRestored: 3 });
    const after = await read(v1.url);
    expect(after!.claims).toEqual(before!.claims);
  });
});

describe("a claim keeps its identity and its retraction across versions", () => {
  it("stays retracted when v2 keeps it by key, and when v2 keeps a keyless claim by content", async () => {
    const tag = uniqueTag();
    const v1 = sampleArticle(tag);
    const keyless = { ...v1.claims![2]!, key: undefined, text: "Nobody  blamed the fund." };
    v1.claims = [v1.claims![0]!, keyless];
    await ingest(v1);
    const claims = (await read(v1.url))!.claims;
    for (const claim of claims) {
      expect((await server.request(RetractClaimDocument, { id: claim.id, reason: "misread" }, asEditor)).errors).toBeUndefined();
    }
    // v2 changes the title, the keyed claim's confidence and the keyless claim's whitespace.
    const v2 = {
      ...v1,
      title: `${v1.title} (v2)`,
      claims: [
        { ...v1.claims[0]!, confidence: 0.4 },
        { ...keyless, text: " Nobody blamed\tthe fund. " },
      ],
    };
    expect((await ingest(v2)).counts).toMatchObject({ claims: 0, claimsSuperseded: 0 });
    expect((await read(v1.url))!.claims).toEqual([]);
    const all = await server.request(ClaimsPageDocument, { filter: { source: `${tag}-wire.example`, includeRetracted: true } });
    const retracted = all.data!.claims.edges.map((e) => e.node);
    expect(retracted.map((c) => c.id).sort()).toEqual(claims.map((c) => c.id).sort());
    expect(retracted.every((c) => c.retractedAt !== null && c.retractionReason === "misread")).toBe(true);
    expect(retracted.find((c) => c.key === "leverage-causes-cascade")!.confidence).toBe(0.4);
  });
});

describe("current reads show exactly the current version; history stays for asOf", () => {
  it("v1 tagged [alpha], v2 tagged [beta]: the article shows only beta now and only alpha as of v1", async () => {
    const tag = uniqueTag();
    const v1 = { ...sampleArticle(tag), tags: [`alpha-${tag}`] };
    await ingest(v1);
    const duringV1 = await instant();
    await ingest({ ...v1, tags: [`beta-${tag}`] });

    expect((await read(v1.url))!.tags).toEqual([{ name: `beta-${tag}` }]);
    expect((await read(v1.url, duringV1))!.tags).toEqual([{ name: `alpha-${tag}` }]);
    const alpha = await server.request(ArticlesPageDocument, { filter: { tag: `alpha-${tag}` } });
    expect(alpha.data!.articles.totalCount).toBe(0);
    const beta = await server.request(ArticlesPageDocument, { filter: { tag: `beta-${tag}` } });
    expect(beta.data!.articles.totalCount).toBe(1);
  });

  it("a version that drops mentions, citations, events, moves, levels, readings and claims shows none of them; asOf v1 shows them all", async () => {
    const tag = uniqueTag();
    const v1 = sampleArticle(tag);
    await ingest(v1);
    const full = await read(v1.url);
    const duringV1 = await instant();
    const v2: IngestArticleInput = {
      url: v1.url,
      title: "Correction: story withdrawn",
      publishedAt: v1.publishedAt,
      source: v1.source,
      tags: ["correction"],
    };
    await ingest(v2);

    const now = (await read(v1.url))!;
    expect(now).toMatchObject({
      title: "Correction: story withdrawn",
      tags: [{ name: "correction" }],
      cites: [],
      assets: [],
      entities: [],
      macroFactors: [],
      narratives: [],
      events: [],
      priceMoves: [],
      levels: [],
      indicators: [],
      claims: [],
    });
    const then = (await read(v1.url, duringV1))!;
    const { versions: _now, asOf: _a, ...fullView } = full!;
    const { versions: _then, asOf, ...thenView } = then;
    expect(asOf).toBe(duringV1);
    expect(thenView).toEqual(fullView);
    expect(then.assets.length).toBeGreaterThan(0);
    expect(then.claims).toHaveLength(4);

    // Before the first version, the graph did not know the article.
    expect(await read(v1.url, "2020-01-01T00:00:00Z")).toBeNull();
  });

  it("levels and readings a version dropped leave the asset's lists; by id they still name their article; going back lists them again", async () => {
    const tag = uniqueTag();
    const v1 = sampleArticle(tag);
    const symbol = v1.assets![0]!.symbol;
    const { article } = await ingest(v1);
    const statements = async () => {
      const res = await server.request(AssetStatementsDocument, { symbol });
      expect(res.errors).toBeUndefined();
      return res.data!.asset!;
    };
    const before = await statements();
    expect(before.levels.map((l) => [l.price, l.article.url])).toEqual([[80, article.url]]);
    expect(before.indicators.map((r) => [r.metric, r.article.url])).toEqual([["rsi", article.url]]);

    await ingest({ ...v1, levels: [{ asset: symbol, price: 82, kind: "RESISTANCE" }], indicators: [] });
    const after = await statements();
    expect(after.levels.map((l) => [l.price, l.article.url])).toEqual([[82, article.url]]);
    expect(after.indicators).toEqual([]);
    for (const dropped of [before.levels[0]!.id, before.indicators[0]!.id]) {
      const res = await server.request(StatedByIdDocument, { id: dropped });
      expect(res.errors).toBeUndefined();
      expect(res.data!.node).toMatchObject({ article: { url: article.url } });
    }

    await ingest(v1);
    expect(await statements()).toEqual(before);
  });

  it("a changed figure for an event is a changed report: only the new one is current", async () => {
    const tag = uniqueTag();
    const v1 = sampleArticle(tag);
    const { article } = await ingest(v1);
    await ingest({ ...v1, events: [{ ...v1.events![0]!, amountUsd: 1_500_000_000 }] });
    const res = await server.request(EventReportsDocument, { url: v1.url });
    const reports = res.data!.article!.events[0]!.reports.filter((r) => r.article.url === article.url);
    expect(reports.map((r) => r.amountUsd)).toEqual([1_500_000_000]);
  });

  it("a new publisher in v2 is the article's one publisher now, and v1's as of v1", async () => {
    const tag = uniqueTag();
    const v1 = sampleArticle(tag);
    await ingest(v1);
    const duringV1 = await instant();
    await ingest({ ...v1, source: { domain: `${tag}-new-owner.example`, name: "New owner" } });
    expect((await read(v1.url))!.source).toEqual({ domain: `${tag}-new-owner.example` });
    expect((await read(v1.url, duringV1))!.source).toEqual({ domain: `${tag}-wire.example` });
  });
});

describe("an article known only from citations, asOf", () => {
  it("is null before it was first cited, there once cited, and null again before its own ingest's first version", async () => {
    const tag = uniqueTag();
    const citing = sampleArticle(tag);
    const cited = citing.cites![0]!;
    const beforeCited = await instant();
    await ingest(citing);
    const whileCited = await instant();
    expect(await read(cited.url, beforeCited)).toBeNull();
    expect((await read(cited.url, whileCited))!.title).toBe(cited.title);
    expect((await read(cited.url))!.title).toBe(cited.title);

    // Its own ingest gives it versions: before the first of them, it had not been ingested.
    await ingest({ url: cited.url, title: "The report itself", publishedAt: cited.publishedAt, source: cited.source });
    expect(await read(cited.url, whileCited)).toBeNull();
    expect((await read(cited.url))!.title).toBe("The report itself");
  });
});

describe("what is not a new version", () => {
  it("reordered lists, tag case and whitespace change nothing, and no claim gets a new id", async () => {
    const tag = uniqueTag();
    const v1 = sampleArticle(tag);
    v1.tags = ["Alpha", "beta"];
    const { article } = await ingest(v1);
    const before = await read(article.url);
    const variants: IngestArticleInput[] = [
      { ...v1, tags: ["beta", "Alpha"] },
      { ...v1, tags: ["  #ALPHA ", "Beta"] },
      { ...v1, title: `  ${v1.title.replace(/ /g, "  ")}\n` },
      { ...v1, body: `${v1.body}\n\n` },
      { ...v1, claims: [...v1.claims!].reverse() },
      { ...v1, claims: v1.claims!.map((c) => ({ ...c, attributedTo: [...(c.attributedTo ?? [])].reverse() })) },
      { ...v1, assets: [...v1.assets!].reverse(), events: [...v1.events!].reverse() },
    ];
    for (const variant of variants) {
      const res = await ingest(variant);
      expect(res).toMatchObject({ created: false, changed: false, counts: { nodesCreated: 0, relationshipsCreated: 0 } });
    }
    const after = await read(article.url);
    expect(after!.claims.map((c) => c.id)).toEqual(before!.claims.map((c) => c.id));
    expect(after!.versions).toHaveLength(1);
  });
});

describe("lists follow the current version's date", () => {
  it("a new version published at another time moves the article and all its claims in newest-first lists", async () => {
    const tag = uniqueTag();
    const base = sampleArticle(uniqueTag());
    const older = { ...base, tags: [tag], publishedAt: "2025-02-01T00:00:00Z" };
    const newer = { ...sampleArticle(uniqueTag()), source: base.source, tags: [tag], publishedAt: "2025-03-01T00:00:00Z" };
    await ingest(older);
    await ingest(newer);
    const urls = async () => (await server.request(ArticlesPageDocument, { filter: { tag } })).data!.articles.edges.map((e) => e.node.url);
    // The canonical URLs (no www., no tracking parameters), told apart by their paths.
    const listed = await urls();
    const olderUrl = listed.find((url) => older.url.includes(new URL(url).pathname))!;
    const newerUrl = listed.find((url) => newer.url.includes(new URL(url).pathname))!;
    expect(olderUrl).not.toBe(newerUrl);
    const claimArticles = async () => {
      const res = await server.request(ClaimsPageDocument, { filter: { source: base.source!.domain }, first: 50 });
      expect(res.errors).toBeUndefined();
      return res.data!.claims.edges.map((e) => e.node.article.url);
    };
    expect(await urls()).toEqual([newerUrl, olderUrl]);
    const n = older.claims!.length;
    expect((await claimArticles()).slice(0, n)).toEqual(Array(n).fill(newerUrl));

    // The older article is corrected: its date moves past the other's, and its claims with it.
    await ingest({ ...older, publishedAt: "2025-04-01T00:00:00Z" });
    expect(await urls()).toEqual([olderUrl, newerUrl]);
    expect((await claimArticles()).slice(0, n)).toEqual(Array(n).fill(olderUrl));
  });
});

describe("versions ordered by the outlet's updatedAt", () => {
  const at = (hour: number) => `2026-02-0${hour < 24 ? 2 : 3}T${String(hour % 24).padStart(2, "0")}:00:00Z`;

  it("keeps v2 (later updatedAt) current when v1 is sent again, and records an older, unseen version as history only", async () => {
    const base = sampleArticle(uniqueTag());
    const v1 = { ...base, updatedAt: at(9) };
    const v2 = { ...base, title: `${base.title}, corrected`, updatedAt: at(15) };
    expect(await ingest(v1)).toMatchObject({ created: true, changed: true, current: true });
    expect(await ingest(v2)).toMatchObject({ created: false, changed: true, current: true });

    // v1 again: older than the current version, so it stays history.
    expect(await ingest(v1)).toMatchObject({ changed: false, current: false });
    const afterResend = await read(base.url);
    expect(afterResend!.title).toBe(v2.title);
    expect(afterResend!.updatedAt).toBe(v2.updatedAt);
    expect(afterResend!.versions.map((v) => v.title)).toEqual([v2.title, v1.title]);

    // A version older than both, never seen: recorded as history (an empty period), nothing else changes.
    const v0 = { ...base, title: `${base.title}, first draft`, updatedAt: at(8) };
    const claimsBefore = afterResend!.claims.map((c) => c.id);
    expect(await ingest(v0)).toMatchObject({ created: false, changed: false, current: false });
    const afterOlder = await read(base.url);
    expect(afterOlder!.title).toBe(v2.title);
    expect(afterOlder!.claims.map((c) => c.id)).toEqual(claimsBefore);
    const history = afterOlder!.versions.find((v) => v.title === v0.title)!;
    expect(history.recordedAt).toBe(history.supersededAt);
    expect(history.updatedAt).toBe(v0.updatedAt);
    // Never current: asked as of the moment it was recorded, the article is v2.
    expect((await read(base.url, history.recordedAt))!.title).toBe(v2.title);

    // A later correction still becomes current.
    const v3 = { ...base, title: `${base.title}, corrected again`, updatedAt: at(20) };
    expect(await ingest(v3)).toMatchObject({ changed: true, current: true });
    expect((await read(base.url))!.title).toBe(v3.title);
  });

  it("refuses an updatedAt before publishedAt, and treats the same content with another updatedAt as no new version", async () => {
    const base = sampleArticle(uniqueTag());
    const early = await server.request(IngestArticleDocument, { input: { ...base, updatedAt: "2020-01-01T00:00:00Z" } }, asEditor);
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.updatedAt" });
    await ingest({ ...base, updatedAt: at(9) });
    expect(await ingest({ ...base, updatedAt: at(11) })).toMatchObject({ changed: false, current: true });
    expect((await read(base.url))!.versions).toHaveLength(1);
  });
});

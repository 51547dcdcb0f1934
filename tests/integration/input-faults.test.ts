import { print } from "graphql";
import { describe, expect, it } from "vitest";
import { ArticleByUrlDocument, IngestArticleDocument, SearchDocument, type IngestArticleInput } from "../__generated__/graphql.js";
import { sampleArticle } from "../fixtures/articles.js";
import { graphCounts } from "../support/graph-counts.js";
import { uniqueTag } from "../support/ids.js";
import { ingestOk } from "../support/ingest.js";
import { EDITOR_TOKEN, postGraphQL, useTestServer } from "../support/server.js";

const server = useTestServer();
const asEditor = { token: EDITOR_TOKEN };

const ingest = (input: IngestArticleInput) => ingestOk(server, input);

const post = (query: string, variables?: Record<string, unknown>, token?: string) =>
  postGraphQL<Record<string, unknown>>(server.url, query, variables, { token });

describe("date-times with offsets beyond ±18:00", () => {
  const BAD = ["2026-02-01T00:00:00+19:00", "2026-02-01T00:00:00-18:30", "2026-02-01T00:00:00+23:59"];

  it.each(BAD)("are BAD_USER_INPUT naming the field, as literals anywhere (%s)", async (bad) => {
    const cases: [string, string][] = [
      [`{ articles(filter: { from: "${bad}" }) { totalCount } }`, "filter.from"],
      [`{ articles(filter: { to: "${bad}" }) { totalCount } }`, "filter.to"],
      [`{ claims(asOf: "${bad}") { totalCount } }`, "asOf"],
      [
        `{ causalChains(from: { kind: MACRO_FACTOR, key: "liquidity" }, to: { kind: ASSET, key: "BTC" }, asOf: "${bad}") { length } }`,
        "asOf",
      ],
      [`{ explainPriceMove(symbol: "BTC", from: "${bad}", to: "2026-02-02T00:00:00Z") { drivers { score } } }`, "from"],
      [`{ timeline(filter: { from: "${bad}" }) { totalCount } }`, "filter.from"],
      [`{ asset(symbol: "BTC") { claims(asOf: "${bad}") { totalCount } } }`, "asOf"],
      [`{ article(url: "https://strykr.ai/x") { claims(asOf: "${bad}") { key } } }`, "asOf"],
    ];
    for (const [query, field] of cases) {
      const res = await post(query);
      expect(res.errors?.[0]?.extensions, query).toMatchObject({ code: "BAD_USER_INPUT", field });
      expect(res.errors![0]!.message).toContain(bad);
    }
  });

  it("are BAD_USER_INPUT naming the variable's field", async () => {
    const bad = BAD[0]!;
    const filter = await post("query ($f: ArticleFilter) { articles(filter: $f) { totalCount } }", { f: { from: bad } });
    expect(filter.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "f.from" });
    const asOf = await post("query ($t: DateTime) { claims(asOf: $t) { totalCount } }", { t: bad });
    expect(asOf.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "t" });
  });

  it("in ingest fields are BAD_USER_INPUT naming the field, and nothing is written", async () => {
    const before = await graphCounts(server.driver);
    const cases: [(input: IngestArticleInput) => void, string][] = [
      [(i) => (i.publishedAt = BAD[0]!), "input.publishedAt"],
      [(i) => (i.cites![0]!.publishedAt = BAD[1]!), "input.cites[0].publishedAt"],
      [(i) => (i.priceMoves![0]!.endAt = BAD[2]!), "input.priceMoves[0].endAt"],
      [(i) => (i.events![0]!.occurredAt = BAD[0]!), "input.events[0].occurredAt"],
      [(i) => (i.indicators![0]!.at = BAD[0]!), "input.indicators[0].at"],
    ];
    for (const [spoil, field] of cases) {
      const input = sampleArticle(uniqueTag());
      spoil(input);
      const res = await server.request(IngestArticleDocument, { input }, asEditor);
      expect(res.errors?.[0]?.extensions, field).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
    expect(await graphCounts(server.driver)).toEqual(before);
  });

  it("are accepted up to ±18:00, keeping the offset", async () => {
    for (const edge of ["2026-02-01T00:00:00+18:00", "2026-02-01T00:00:00-18:00"]) {
      const res = await post(`{ articles(filter: { from: "${edge}" }) { totalCount } }`);
      expect(res.errors, edge).toBeUndefined();
    }
    const input = sampleArticle(uniqueTag());
    input.publishedAt = "2026-02-01T12:00:00+18:00";
    const { article } = await ingest(input);
    const read = await server.request(ArticleByUrlDocument, { url: article.url });
    expect(read.data!.article!.publishedAt).toBe("2026-02-01T12:00:00+18:00");
  });
});

describe("text is counted and cut by characters", () => {
  it("a snippet never holds half an emoji", async () => {
    const tag = uniqueTag();
    const input = sampleArticle(tag);
    input.body = `${"🚨".repeat(80)} ${tag}word ${"📉".repeat(80)}`;
    input.title = `Alarm ${tag}`;
    await ingest(input);
    const res = await server.request(SearchDocument, { query: `${tag}word` });
    expect(res.errors).toBeUndefined();
    const hit = res.data!.search.find((h) => h.field === "body")!;
    expect(hit.snippet).toContain(`${tag}word`);
    expect(hit.snippet.isWellFormed()).toBe(true);
    expect(hit.snippet.replace(/…/g, "").replace(` ${tag}word `, "")).toMatch(/^(🚨)*(📉)*$/u);
  });

  it("snippets hold up to 160 characters (code points) and cut no cluster: CJK, ZWJ families, flags", async () => {
    const tag = uniqueTag();
    const family = "👨‍👩‍👧"; // one cluster of 5 code points
    const bodies = {
      cjk: ["市场", "下跌"],
      zwj: [family, family],
      flag: ["🇺🇸", "🇯🇵"],
    } as const;
    const clusters = (text: string) => [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)].map((s) => s.segment);
    for (const [kind, [before, after]] of Object.entries(bodies)) {
      const word = `${tag}${kind}`;
      const input = sampleArticle(uniqueTag());
      input.title = `Runs of ${kind}`;
      input.body = `${before.repeat(90)} ${word} ${after.repeat(90)}`;
      await ingest(input);
      const res = await server.request(SearchDocument, { query: word });
      expect(res.errors).toBeUndefined();
      const hit = res.data!.search.find((h) => h.field === "body")!;
      const text = hit.snippet.replace(/^…|…$/g, "");
      expect(hit.snippet.isWellFormed()).toBe(true);
      expect(text).toContain(` ${word} `);
      // Cut at both ends, between whole clusters of the body, and as long as the limit allows.
      expect(hit.snippet.startsWith("…") && hit.snippet.endsWith("…")).toBe(true);
      const [head, tail] = text.split(` ${word} `) as [string, string];
      expect(new Set(clusters(head))).toEqual(new Set(clusters(before)));
      expect(new Set(clusters(tail))).toEqual(new Set(clusters(after)));
      expect([...text].length).toBeLessThanOrEqual(160);
      expect([...text].length).toBeGreaterThan(150);
    }
  });

  it("limits count characters: a title of 260 emoji is accepted, of 501 rejected saying 501", async () => {
    const input = sampleArticle(uniqueTag());
    input.title = "🚨".repeat(260);
    const { article } = await ingest(input);
    expect(article.title).toBe("🚨".repeat(260));
    const long = sampleArticle(uniqueTag());
    long.title = "👨‍👩‍👧".repeat(100) + "x"; // 5 code points each: 501 characters
    const res = await server.request(IngestArticleDocument, { input: long }, asEditor);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.title" });
    expect(res.errors![0]!.message).toContain("at most 500 characters (got 501)");
  });

  it("a body that is not valid UTF-8 is refused with 400, not stored with its bytes replaced", async () => {
    const input = sampleArticle(uniqueTag());
    const json = JSON.stringify({ query: print(IngestArticleDocument), variables: { input: { ...input, title: "bad BYTES here" } } });
    const [before, after] = json.split("BYTES");
    const body = Buffer.concat([Buffer.from(before!), Buffer.from([0xff, 0xfe]), Buffer.from(after!)]);
    const res = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${EDITOR_TOKEN}` },
      body,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      errors: [{ message: "The request body is not valid UTF-8.", extensions: { code: "BAD_REQUEST" } }],
    });
    const read = await server.request(ArticleByUrlDocument, { url: input.url });
    expect(read.data!.article).toBeNull();
  });

  it("text with a control character, or with nothing to see, is BAD_USER_INPUT naming the field, not stored", async () => {
    for (const [title, reason] of [
      ["Null\u0000byte", "control character U+0000"],
      ["Bell\u0007 and escape\u001b[31m", "control character U+0007"],
      ["   \u200b\u2060 ", "must not be empty"],
    ] as const) {
      const input = sampleArticle(uniqueTag());
      input.title = title;
      const res = await server.request(IngestArticleDocument, { input }, asEditor);
      expect(res.errors?.[0]?.extensions, title).toMatchObject({ code: "BAD_USER_INPUT", field: "input.title" });
      expect(res.errors![0]!.message).toContain(reason);
      expect((await server.request(ArticleByUrlDocument, { url: input.url })).data!.article).toBeNull();
    }
    // Tabs and line breaks are text.
    const input = sampleArticle(uniqueTag());
    input.body = "First line.\r\n\tIndented second line.";
    expect((await ingestOk(server, input)).article).toBeDefined();
  });

  it("text with an unpaired surrogate is BAD_USER_INPUT, not stored", async () => {
    const input = sampleArticle(uniqueTag());
    input.title = "Half an emoji: \ud83d";
    const res = await server.request(IngestArticleDocument, { input }, asEditor);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.title" });
    const search = await server.request(SearchDocument, { query: "bitcoin \udc00" });
    expect(search.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "query" });
  });
});

describe("a write is not answered from a cache filled before it", () => {
  it("retractClaim then ingestArticle of the same URL in one request shows the new title", async () => {
    const tag = uniqueTag();
    const input = sampleArticle(tag);
    const { article } = await ingest(input);
    const claims = await server.request(ArticleByUrlDocument, { url: article.url });
    const claimId = claims.data!.article!.claims[0]!.id;
    const changed = { ...input, title: `Renamed ${tag}` };
    const res = await post(
      `mutation ($id: ID!, $input: IngestArticleInput!) {
         retractClaim(id: $id, reason: "wrong") { article { title } }
         ingestArticle(input: $input) { article { title claims { key } } }
       }`,
      { id: claimId, input: changed },
      EDITOR_TOKEN,
    );
    expect(res.errors).toBeUndefined();
    const data = res.data as {
      retractClaim: { article: { title: string } };
      ingestArticle: { article: { title: string; claims: { key: string }[] } };
    };
    expect(data.retractClaim.article.title).toBe(input.title);
    expect(data.ingestArticle.article.title).toBe(`Renamed ${tag}`);
    expect(data.ingestArticle.article.claims.length).toBeGreaterThan(0);
  });
});

describe("URLs are one article in every standard form", () => {
  it("treats the trailing-dot host, case, default port, dot segments, %-encoded unreserved characters and http as the same article", async () => {
    const tag = uniqueTag();
    const input = sampleArticle(tag);
    input.url = `https://${tag}.example./news/~desk/story-1`;
    const first = await ingest(input);
    expect(first.created).toBe(true);
    expect(first.article.url).toBe(`https://${tag}.example/news/~desk/story-1`);
    const forms = [
      `https://${tag}.example/news/~desk/story-1`,
      `HTTPS://WWW.${tag.toUpperCase()}.EXAMPLE:443/news/%7Edesk/story-1/`,
      `http://${tag}.example./news/./x/../%7edesk/story%2D1#comments`,
      `https://${tag}.example/news/~desk/story-1?utm_source=feed&fbclid=abc`,
    ];
    for (const url of forms) {
      const again = await ingest({ ...input, url });
      expect(again, url).toMatchObject({ created: false, changed: false });
      const read = await server.request(ArticleByUrlDocument, { url });
      expect(read.data!.article!.url, url).toBe(first.article.url);
    }
    const { records } = await server.driver.executeQuery("MATCH (a:Article) WHERE a.url CONTAINS $tag RETURN count(a) AS n", {
      tag: `${tag}.example/`,
    });
    expect(Number(records[0]!.get("n"))).toBe(1);
  });

  it("keeps apart what the standard keeps apart: other paths, other query values, reserved %-encodings", async () => {
    const tag = uniqueTag();
    const base = `https://${tag}.example/news/a%2Fb`;
    const input = { ...sampleArticle(tag), url: base };
    await ingest(input);
    for (const other of [`https://${tag}.example/news/a/b`, `https://${tag}.example/news/a%2Fb?page=2`]) {
      const read = await server.request(ArticleByUrlDocument, { url: other });
      expect(read.data!.article, other).toBeNull();
    }
    expect((await server.request(ArticleByUrlDocument, { url: `https://${tag}.example/news/a%2fb` })).data!.article!.url).toBe(base);
  });
});

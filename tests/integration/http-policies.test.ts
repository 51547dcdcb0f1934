import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { ArticleByUrlDocument, IngestArticleDocument, SourcesPageDocument } from "../__generated__/graphql.js";
import { sampleArticle } from "../fixtures/articles.js";
import { uniqueTag } from "../support/ids.js";
import { EDITOR_TOKEN, postGraphQL, startTestServer, type TestServer } from "../support/server.js";

/** Starts a server with `env` for the tests of one describe block. */
function serverWith(env: Record<string, string>) {
  const holder: { server?: TestServer } = {};
  beforeAll(async () => {
    holder.server = await startTestServer(env);
  });
  afterAll(async () => {
    await holder.server?.close();
  });
  return () => holder.server!;
}

describe("rate limits per client", () => {
  const server = serverWith({ RATE_LIMIT_READS_PER_MINUTE: "5", RATE_LIMIT_WRITES_PER_MINUTE: "2" });

  it("answers HTTP 429 with Retry-After and a GraphQL error once a client is over its reads", async () => {
    for (let i = 0; i < 5; i += 1) {
      const ok = await server().request(SourcesPageDocument, { first: 1 });
      expect(ok.status, `request ${i + 1}`).toBe(200);
    }
    const limited = await server().request(SourcesPageDocument, { first: 1 });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.errors?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED", retryAfter });
    expect(limited.errors?.[0]?.message).toContain("at most 5 a minute");
    expect(limited.data ?? null).toBeNull();
    // Another client (here: an editor, counted by its credential) is not limited.
    const other = await server().request(SourcesPageDocument, { first: 1 }, { token: EDITOR_TOKEN });
    expect(other.status).toBe(200);
  });

  it("counts writes apart from reads, and a limited write writes nothing", async () => {
    const tag = uniqueTag();
    const inputs = [0, 1, 2].map((i) => ({ ...sampleArticle(`${tag}${i}`) }));
    for (const input of inputs.slice(0, 2)) {
      expect((await server().request(IngestArticleDocument, { input }, { token: EDITOR_TOKEN })).status).toBe(200);
    }
    const third = await server().request(IngestArticleDocument, { input: inputs[2]! }, { token: EDITOR_TOKEN });
    expect(third.status).toBe(429);
    expect(third.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    const written = await server().driver.executeQuery("MATCH (a:Article) WHERE a.url CONTAINS $tag RETURN count(a) AS n", {
      tag: `${tag}2-wire`,
    });
    expect(Number(written.records[0]!.get("n"))).toBe(0);
  });
});

describe("CORS", () => {
  const server = serverWith({ CORS_ORIGINS: "https://app.example.com" });

  it("allows the listed origin and no other", async () => {
    const preflight = (origin: string) =>
      fetch(server().url, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
      });
    const allowed = await preflight("https://app.example.com");
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
    const other = await preflight("https://evil.example.com");
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("/metrics", () => {
  const server = serverWith({ METRICS_TOKEN: "metrics-token-0123456789" });

  it("needs the metrics token when one is configured", async () => {
    expect((await fetch(`${server().origin}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${server().origin}/metrics`, { headers: { authorization: "Bearer not-the-token-000000" } });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${server().origin}/metrics`, { headers: { authorization: "Bearer metrics-token-0123456789" } });
    expect(right.status).toBe(200);
    expect(await right.text()).toContain("graphql_operations_total");
  });

  it("keeps label values bounded whatever operation names clients send", async () => {
    for (let i = 0; i < 30; i += 1) await postGraphQL(server().url, `query Client${i}${uniqueTag()} { sources(first: 1) { totalCount } }`);
    await postGraphQL(server().url, "{ nope }");
    const text = await (
      await fetch(`${server().origin}/metrics`, { headers: { authorization: "Bearer metrics-token-0123456789" } })
    ).text();
    const series = text.split("\n").filter((line) => line.startsWith("graphql_operations_total{"));
    expect(series.some((line) => line.includes("Client"))).toBe(false);
    expect(series).toContainEqual(
      expect.stringMatching(/^graphql_operations_total\{type="query",root_field="sources",outcome="ok"\} (\d+)$/),
    );
    expect(Number(/root_field="sources",outcome="ok"\} (\d+)/.exec(series.join("\n"))![1])).toBeGreaterThanOrEqual(30);
    expect(series).toContainEqual(expect.stringMatching(/^graphql_operations_total\{type="none",root_field="none",outcome="error"\} \d+$/));
  });
});

describe("on a neo4j:// routing URI", () => {
  const server = serverWith({ NEO4J_URI: inject("neo4jUri").replace(/^bolt:/, "neo4j:") });

  it("reads back a write at once (the sessions share the driver's bookmarks)", async () => {
    const input = sampleArticle(uniqueTag());
    const res = await server().request(IngestArticleDocument, { input }, { token: EDITOR_TOKEN });
    expect(res.errors).toBeUndefined();
    expect(res.data!.ingestArticle.article.title).toBe(input.title);
    expect(server().driver.executeQueryBookmarkManager).toBeDefined();
    expect([...(await server().driver.executeQueryBookmarkManager.getBookmarks())].length).toBeGreaterThan(0);
    const read = await server().request(ArticleByUrlDocument, { url: input.url });
    expect(read.data!.article!.claims).toHaveLength(4);
  });
});

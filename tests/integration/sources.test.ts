import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SourceByDomainDocument, SourcesPageDocument, type SourcesPageQuery } from "../__generated__/graphql.js";
import { uniqueTag } from "../support/ids.js";
import { startTestServer, type TestServer } from "../support/server.js";

let server: TestServer;
const tag = uniqueTag("src");
// Domains that sort together, so their order within the full listing is known.
const domains = [`${tag}-alpha.example`, `${tag}-bravo.example`, `${tag}-charlie.example`];

beforeAll(async () => {
  server = await startTestServer();
  await server.driver.executeQuery("UNWIND $rows AS row CREATE (:Source { domain: row.domain, name: row.name, kind: 'NEWS' })", {
    rows: domains.map((domain, i) => ({ domain, name: `Outlet ${i}` })),
  });
});

afterAll(async () => {
  await server.driver.executeQuery("MATCH (s:Source) WHERE s.domain STARTS WITH $tag DETACH DELETE s", { tag });
  await server.close();
});

describe("source(domain:)", () => {
  it("reads a source from Neo4j by its domain", async () => {
    const res = await server.request(SourceByDomainDocument, { domain: domains[1]! });
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    expect(res.data?.source).toMatchObject({ domain: domains[1], name: "Outlet 1", kind: "NEWS" });
    expect(res.data?.source?.id).toEqual(expect.any(String));
  });

  it("ignores scheme, www. and case in the domain asked for", async () => {
    const res = await server.request(SourceByDomainDocument, { domain: `https://www.${domains[0]!.toUpperCase()}/some/path` });
    expect(res.data?.source?.domain).toBe(domains[0]);
  });

  it("answers null for an outlet it does not know", async () => {
    const res = await server.request(SourceByDomainDocument, { domain: `${tag}-unknown.example` });
    expect(res.errors).toBeUndefined();
    expect(res.data?.source).toBeNull();
  });

  it("rejects something that is not a domain with BAD_USER_INPUT", async () => {
    const res = await server.request(SourceByDomainDocument, { domain: "not a domain!" });
    expect(res.data?.source).toBeNull();
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "domain" });
  });
});

describe("sources", () => {
  it("pages through every source in domain order, each exactly once, with the total", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = -1;
    for (let page = 0; page < 1000; page += 1) {
      const res = await server.request(SourcesPageDocument, { first: 2, after });
      expect(res.errors).toBeUndefined();
      const connection: SourcesPageQuery["sources"] = res.data!.sources;
      total = connection.totalCount;
      expect(connection.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...connection.edges.map((edge) => edge.node.domain));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor ?? null;
    }
    const { records } = await server.driver.executeQuery("MATCH (s:Source) RETURN count(s) AS n");
    expect(total).toBe(Number(records[0]!.get("n")));
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(seen);
    expect(seen.filter((d) => d.startsWith(tag))).toEqual(domains);
  });

  it("continues after a cursor from the edge it was taken from", async () => {
    const first = await server.request(SourcesPageDocument, { first: 200 });
    const edges = first.data!.sources.edges;
    const index = edges.findIndex((edge) => edge.node.domain === domains[0]);
    const next = await server.request(SourcesPageDocument, { first: 2, after: edges[index]!.cursor });
    expect(next.data!.sources.edges.map((edge) => edge.node.domain)).toEqual(domains.slice(1));
  });

  it("rejects a cursor it did not issue and an out-of-range page size", async () => {
    const badCursor = await server.request(SourcesPageDocument, { first: 2, after: "bm90LWEtY3Vyc29y" });
    expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
    for (const first of [-1, 201]) {
      const res = await server.request(SourcesPageDocument, { first });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    }
  });
});

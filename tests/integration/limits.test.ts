import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CypherRunner } from "../../src/db/cypher-runner.js";
import { QueryTimeoutError } from "../../src/errors.js";
import { ArticleByUrlDocument, IngestArticleDocument, SourcesPageDocument } from "../__generated__/graphql.js";
import { sampleArticle } from "../fixtures/articles.js";
import { uniqueTag } from "../support/ids.js";
import { ingestOk } from "../support/ingest.js";
import { EDITOR_TOKEN, postGraphQL, startTestServer, useTestServer, type TestServer } from "../support/server.js";

const server = useTestServer({ GRAPHQL_DEBUG: "true" });

const repeat = (count: number, make: (i: number) => string) => Array.from({ length: count }, (_, i) => make(i)).join(" ");

/** Nests `claims { article { … } }` `levels` times inside `articles(first: 100)`. */
function nestedAttack(levels: number): string {
  let inner = "title";
  for (let i = 0; i < levels; i += 1) inner = `claims { article { ${inner} } }`;
  return `{ articles(first: 100) { edges { node { ${inner} } } } }`;
}

const ATTACKS: [name: string, query: string, limit: string][] = [
  ["101 aliases", `{ ${repeat(101, (i) => `a${i}: sources { totalCount }`)} }`, "aliases"],
  [
    "101 aliases of articles(first: 100), over 1,000 tokens",
    `{ ${repeat(101, (i) => `a${i}: articles(first: 100) { totalCount }`)} }`,
    "tokens",
  ],
  ["110 aliases of __typename", `{ ${repeat(110, (i) => `t${i}: __typename`)} }`, "aliases"],
  ["100 aliases of attributionAudit", `{ ${repeat(100, (i) => `a${i}: attributionAudit { summary { total } }`)} }`, "aliases"],
  ["500 duplicated fields", `{ sources(first: 1) { ${repeat(500, () => "totalCount")} } }`, "fields"],
  ["60 directives", `{ ${repeat(60, () => "... on Query @include(if: true) { __typename }")} }`, "directives"],
  ["nesting eight levels deep", nestedAttack(8), "depth"],
  ["articles -> claims -> article nested three levels", nestedAttack(3), "cost"],
  ["a huge first", "{ articles(first: 1000000000) { edges { node { title source { name } } } } }", "cost"],
  [
    "a huge maxDepth",
    `{ causalChains(from: { kind: MACRO_FACTOR, key: "liquidity" }, to: { kind: ASSET, key: "BTC" }, maxDepth: 100000) { length } }`,
    "cost",
  ],
  [
    "a shallow query whose cost multiplies",
    "{ sources(first: 200) { edges { node { articles(first: 200) { edges { node { title } } } } } } }",
    "cost",
  ],
  ["2,000 tokens", `query ($x: [Int] = [${repeat(2000, () => "1")}]) { sources(first: 1) { totalCount } }`, "tokens"],
];

async function expectStillServing() {
  const ready = await fetch(`${server.origin}/readyz`);
  expect(ready.status).toBe(200);
  const normal = await server.request(SourcesPageDocument, { first: 1 });
  expect(normal.errors).toBeUndefined();
  expect(normal.data!.sources.edges).toHaveLength(1);
}

describe("one request cannot take the server down", () => {
  it.each(ATTACKS)("rejects %s with QUERY_TOO_COMPLEX naming the limit, before any Cypher runs", async (_name, query, limit) => {
    const res = await postGraphQL(server.url, query);
    expect(res.status).toBe(400);
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]!.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit, max: expect.any(Number) });
    expect(res.errors![0]!.message).toMatch(/limit of \d+ exceeded/);
    expect(res.data ?? null).toBeNull();
    // Rejected before execution: no Cypher was sent.
    expect(res.extensions).toEqual({ diagnostics: { roundTrips: 0 } });
    await expectStillServing();
  });

  it("says which `first` to lower, and to what, when a paged list costs too much; that first then passes", async () => {
    const audit = (first: number) =>
      `{ attributionAudit(first: ${first}) { claims { status claim { key text }
           conflictsWith { kind article { url } } statedFigures { amountUsd event { key } article { url } } } } }`;
    const refused = await postGraphQL(server.url, audit(2000));
    expect(refused.status).toBe(400);
    const extensions = refused.errors![0]!.extensions as {
      lowerFirstOn: string;
      first: number;
      maxFirst: number;
      cost: number;
      max: number;
    };
    expect(extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: "cost", lowerFirstOn: "Query.attributionAudit", first: 2000 });
    expect(extensions.cost).toBeGreaterThan(extensions.max);
    expect(extensions.maxFirst).toBeGreaterThan(0);
    expect(extensions.maxFirst).toBeLessThan(2000);
    expect(refused.errors![0]!.message).toContain(
      `Lower \`first\` on Query.attributionAudit (2000 here) to at most ${extensions.maxFirst}`,
    );
    // The advice is the largest first that fits: it passes, one more does not.
    const fits = await postGraphQL(server.url, audit(extensions.maxFirst));
    expect(fits.errors).toBeUndefined();
    const over = await postGraphQL(server.url, audit(extensions.maxFirst + 1));
    expect(over.errors![0]!.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", lowerFirstOn: "Query.attributionAudit" });
  });

  it("rejects circular fragments as invalid, without running them", async () => {
    const res = await postGraphQL(
      server.url,
      "query { ...A } fragment A on Query { sources { totalCount } ...B } fragment B on Query { ...A }",
    );
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(res.errors?.[0]?.message).toContain("Cannot spread fragment");
    await expectStillServing();
  });

  it("has no automatic persisted queries: a request with a hash, with or without its query, is PERSISTED_QUERY_NOT_SUPPORTED", async () => {
    const persistedQuery = { version: 1, sha256Hash: "abc" };
    for (const body of [{ query: "{ __typename }", extensions: { persistedQuery } }, { extensions: { persistedQuery } }]) {
      const res = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      const answer = (await res.json()) as { data?: unknown; errors?: { extensions: { code: string } }[] };
      expect(res.status).toBeLessThan(500);
      expect(answer.data).toBeUndefined();
      expect(answer.errors?.[0]?.extensions.code).toBe("PERSISTED_QUERY_NOT_SUPPORTED");
    }
  });

  it("refuses batched requests (a JSON array of operations)", async () => {
    const response = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(Array.from({ length: 50 }, () => ({ query: "{ attributionAudit { summary { total } } }" }))),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe("BAD_REQUEST");
    await expectStillServing();
  });

  it("refuses a body over 1 MB with 413", async () => {
    const res = await postGraphQL(server.url, `{ sources { totalCount } } # ${"x".repeat(1_100_000)}`);
    expect(res.status).toBe(413);
    expect(res.errors?.[0]?.extensions?.code).toBe("PAYLOAD_TOO_LARGE");
    await expectStillServing();
  });

  it("answers ordinary questions well inside the limits", async () => {
    const res = await postGraphQL(
      server.url,
      `{ articles(first: 20) { totalCount edges { node { title source { name } tags { name } claims { text cause { __typename } effect { __typename } attributedTo { name } } } } }
         explainPriceMove(symbol: "BTC", from: "2026-01-31T00:00:00-05:00", to: "2026-02-02T00:00:00-05:00") {
           drivers { score node { __typename } paths { confidence steps { claim { text attributedTo { name } } } } } } }`,
    );
    expect(res.errors).toBeUndefined();
  });
});

describe("in production", () => {
  let production: TestServer;
  beforeAll(async () => {
    production = await startTestServer({ NODE_ENV: "production", INTROSPECTION: "false" });
  });
  afterAll(async () => {
    await production.close();
  });

  it("suggests no field names, and answers no introspection when INTROSPECTION=false", async () => {
    const typo = await postGraphQL(production.url, "{ sourcs { totalCount } }");
    expect(typo.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(typo.errors?.[0]?.message).toBe('Cannot query field "sourcs" on type "Query".');
    // Enum values too, as a literal and as a variable.
    const literal = await postGraphQL(production.url, "{ claims(first: 1, filter: { polarity: ASERTED }) { totalCount } }");
    const variable = await postGraphQL(
      production.url,
      "query ($p: Polarity) { claims(first: 1, filter: { polarity: $p }) { totalCount } }",
      { p: "ASERTED" },
    );
    for (const res of [literal, variable]) {
      expect(res.errors?.[0]?.message).toContain('"ASERTED"');
      expect(res.errors?.[0]?.message).not.toMatch(/Did you mean|ASSERTED/);
    }
    for (const query of ["{ __schema { types { name } } }", '{ __type(name: "Article") { name } }']) {
      const res = await postGraphQL(production.url, query);
      expect(res.errors?.[0]?.message, query).toMatch(/introspection/i);
    }
    const normal = await production.request(SourcesPageDocument, { first: 1 });
    expect(normal.errors).toBeUndefined();
  });

  it("cuts a message quoting a huge value before it looks for suggestions to hide", async () => {
    const res = await postGraphQL(production.url, "query ($n: Int) { sources(first: $n) { totalCount } }", {
      n: "Did you mean ".repeat(40_000),
    });
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect([...res.errors![0]!.message].length).toBeLessThanOrEqual(300);
    expect(res.errors![0]!.message).not.toContain("Did you mean");
  });

  it("suggests field names and enum values in development", async () => {
    const typo = await postGraphQL(server.url, "{ sourcs { totalCount } }");
    expect(typo.errors?.[0]?.message).toMatch(/Did you mean "source", "sources"/);
    const literal = await postGraphQL(server.url, "{ claims(first: 1, filter: { polarity: ASERTED }) { totalCount } }");
    expect(literal.errors?.[0]?.message).toMatch(/Did you mean the enum value "ASSERTED"\?/);
  });

  it("quotes at most 300 characters of what a client sent back in an error", async () => {
    const huge = "x".repeat(400_000);
    const fields = Array.from(
      { length: 7 },
      (_, i) => `n${i}: node(id: $id) { id } c${i}: sources(first: 1, after: $cursor) { totalCount }`,
    ).join(" ");
    const res = await postGraphQL(production.url, `query ($id: ID!, $cursor: String) { ${fields} }`, { id: huge, cursor: huge });
    expect(res.errors?.length).toBeGreaterThan(0);
    for (const error of res.errors!) {
      expect([...error.message].length).toBeLessThanOrEqual(300);
      expect(error.extensions?.code).toBe("BAD_USER_INPUT");
    }
    expect(JSON.stringify(res).length).toBeLessThan(20_000);
  });
});

describe("a Cypher timeout", () => {
  it("ends with QUERY_TIMEOUT, its own code, and writes nothing", async () => {
    const input = sampleArticle(uniqueTag());
    const { article } = await ingestOk(server, input);
    const slow = await startTestServer({ NEO4J_QUERY_TIMEOUT_MS: "300" });
    // Another transaction holds the article's lock, so the ingest waits past its time limit.
    const session = server.driver.session();
    const blocker = await session.beginTransaction();
    try {
      await blocker.run("MATCH (a:Article { url: $url }) SET a.title = a.title", { url: article.url });
      const res = await slow.request(
        IngestArticleDocument,
        { input: { ...input, title: "Changed while locked" } },
        { token: EDITOR_TOKEN },
      );
      expect(res.errors?.[0]?.extensions?.code).toBe("QUERY_TIMEOUT");
      expect(res.errors?.[0]?.message).toContain("time limit");
    } finally {
      await blocker.rollback();
      await session.close();
      await slow.close();
    }
    const read = await server.request(ArticleByUrlDocument, { url: article.url });
    expect(read.data!.article!.title).toBe(input.title);
  });

  it("is one limit for all the Cypher of a request: a statement gets what is left, none once it has passed", async () => {
    const input = sampleArticle(uniqueTag());
    const { article } = await ingestOk(server, input);
    const runner = new CypherRunner(server.driver, {
      database: server.config.neo4j.database,
      timeoutMs: 10_000,
      deadline: Date.now() + 500,
    });
    // Another transaction holds the article's lock for 3 s: a write waiting for it ends at the deadline, not after 10 s.
    const session = server.driver.session();
    const blocker = await session.beginTransaction();
    try {
      await blocker.run("MATCH (a:Article { url: $url }) SET a.title = a.title", { url: article.url });
      const release = setTimeout(() => void blocker.rollback(), 3_000);
      const started = Date.now();
      await expect(
        runner.write((tx) => tx.run("MATCH (a:Article { url: $url }) SET a.title = 'late'", { url: article.url })),
      ).rejects.toBeInstanceOf(QueryTimeoutError);
      expect(Date.now() - started).toBeLessThan(2_500);
      clearTimeout(release);
    } finally {
      await blocker.rollback().catch(() => undefined);
      await session.close();
    }
    // Past the deadline, nothing more is sent.
    const sent = runner.roundTrips;
    await expect(runner.read("RETURN 1 AS one")).rejects.toBeInstanceOf(QueryTimeoutError);
    expect(runner.roundTrips).toBe(sent);
    expect((await server.request(ArticleByUrlDocument, { url: article.url })).data!.article!.title).toBe(input.title);
  });
});

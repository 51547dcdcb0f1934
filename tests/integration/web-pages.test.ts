import { readFileSync } from "node:fs";
import path from "node:path";
import { buildSchema, lexicographicSortSchema, parse, printSchema, validate } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/project-root.js";
import { removeArticles } from "../support/remove-articles.js";
import { EDITOR_TOKEN, postGraphQL, startTestServer, type TestServer, useTestServer } from "../support/server.js";

const EXAMPLES_DIR = path.join(projectRoot, "src", "web", "playground", "examples");

interface SavedExample {
  title: string;
  file: string;
  variables?: Record<string, unknown>;
  headers?: Record<string, string>;
}

const examples = JSON.parse(readFileSync(path.join(EXAMPLES_DIR, "index.json"), "utf8")) as SavedExample[];
const documentOf = (example: SavedExample) => readFileSync(path.join(EXAMPLES_DIR, example.file), "utf8");

const server = useTestServer({ INTROSPECTION: "false" });

describe("pages served by the API", () => {
  it("answers a browser's GET /graphql with the playground, and GraphQL clients with GraphQL", async () => {
    const page = await fetch(server.url, { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await page.text();
    const scripts = [...html.matchAll(/src="([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      expect(src.startsWith("/ui/assets/"), `${src} is served by the API itself`).toBe(true);
      const asset = await fetch(new URL(src, server.origin));
      expect(asset.status).toBe(200);
      expect(asset.headers.get("content-type")).toMatch(/javascript/);
      expect(asset.headers.get("cache-control")).toMatch(/immutable/);
    }

    const graphql = await fetch(`${server.url}?query=${encodeURIComponent("{ __typename }")}`, {
      headers: { accept: "application/graphql-response+json", "apollo-require-preflight": "true" },
    });
    expect(graphql.status).toBe(200);
    expect(await graphql.json()).toEqual({ data: { __typename: "Query" } });
  });

  it("serves /playground and /explore, and 404s an asset that does not exist", async () => {
    for (const route of ["/playground", "/explore"]) {
      const res = await fetch(new URL(route, server.origin));
      expect(res.status).toBe(200);
      // Only this origin may be loaded from, whatever the page's code tries.
      expect(res.headers.get("content-security-policy")).toMatch(/default-src 'self'.*script-src 'self'.*connect-src 'self'/);
      expect(await res.text()).toMatch(/<div id="(playground|explorer)"/);
    }
    expect((await fetch(new URL("/ui/assets/nothing-here.js", server.origin))).status).toBe(404);
  });

  it("gives the pages the server's own schema while introspection is off", async () => {
    const sdl = await (await fetch(new URL("/ui/schema.graphql", server.origin))).text();
    const committed = readFileSync(path.join(projectRoot, "schema", "schema.graphql"), "utf8");
    const sorted = (text: string) => printSchema(lexicographicSortSchema(buildSchema(text)));
    expect(sorted(sdl)).toBe(sorted(committed));
    const introspection = await postGraphQL(server.url, "{ __schema { queryType { name } } }");
    expect(introspection.errors?.[0]?.message).toMatch(/introspection/i);
  });
});

describe("saved playground examples", () => {
  const schema = buildSchema(readFileSync(path.join(projectRoot, "schema", "schema.graphql"), "utf8"));

  it("cover the seed's questions and are valid against the schema", () => {
    expect(examples.map((e) => e.file)).toEqual([
      "explain-btc-feb-1.graphql",
      "etf-exodus-timeline.graphql",
      "tga-to-risk-off.graphql",
      "audit-outlet.graphql",
      "search.graphql",
      "node-candidates.graphql",
      "ingest.graphql",
    ]);
    for (const example of examples) expect(validate(schema, parse(documentOf(example))), example.file).toEqual([]);
  });

  it("answer on the seed without errors, each with something to show", async () => {
    const answers = new Map<string, unknown>();
    for (const example of examples.filter((e) => e.file !== "ingest.graphql")) {
      const res = await postGraphQL<Record<string, unknown>>(server.url, documentOf(example), example.variables);
      expect(res.errors, example.file).toBeUndefined();
      answers.set(example.file, res.data);
    }
    const explain = answers.get("explain-btc-feb-1.graphql") as {
      explainPriceMove: { drivers: { node: { key: string } }[]; deniedCauses: unknown[] };
    };
    expect(explain.explainPriceMove.drivers[0]!.node.key).toBe("btc-weekend-liquidation-cascade");
    expect(explain.explainPriceMove.deniedCauses.length).toBeGreaterThan(0);
    const timeline = answers.get("etf-exodus-timeline.graphql") as { timeline: { edges: unknown[] } };
    expect(timeline.timeline.edges.length).toBeGreaterThan(0);
    const chains = answers.get("tga-to-risk-off.graphql") as { causalChains: { steps: { to: { name?: string } }[] }[] };
    expect(chains.causalChains.some((chain) => chain.steps.some((step) => step.to.name === "Risk-off sentiment"))).toBe(true);
    const audit = answers.get("audit-outlet.graphql") as { attributionAudit: { summary: { singleSource: number } } };
    expect(audit.attributionAudit.summary.singleSource).toBeGreaterThan(0);
    const search = answers.get("search.graphql") as { search: unknown[] };
    expect(search.search.length).toBeGreaterThan(0);
    const candidates = answers.get("node-candidates.graphql") as { nodeCandidates: { score: number; node: { key: string } }[] };
    expect(candidates.nodeCandidates[0]!.node.key).toBe("btc-weekend-liquidation-cascade");
    expect(candidates.nodeCandidates[0]!.score).toBeGreaterThan(0.6);
  });

  describe("the ingest example", () => {
    const example = examples.find((e) => e.file === "ingest.graphql")!;
    const url = (example.variables!.input as { url: string }).url;
    afterAll(() => removeArticles(server.driver, url));

    it("is refused without an editor token, and writes its article with one", async () => {
      expect(example.headers?.Authorization).toBe("Bearer <editor token>");
      const anonymous = await postGraphQL(server.url, documentOf(example), example.variables);
      expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      const res = await postGraphQL<{ ingestArticle: { article: { url: string; claims: unknown[] } } }>(
        server.url,
        documentOf(example),
        example.variables,
        {
          token: EDITOR_TOKEN,
        },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.ingestArticle.article).toMatchObject({ url, claims: [expect.anything()] });
    });
  });
});

describe("PLAYGROUND=false", () => {
  let closed: TestServer;
  beforeAll(async () => {
    closed = await startTestServer({ PLAYGROUND: "false" });
  });
  afterAll(() => closed?.close());

  it("serves no pages and no schema file; GraphQL still answers", async () => {
    for (const route of ["/playground", "/explore", "/ui/schema.graphql"])
      expect((await fetch(new URL(route, closed.origin))).status).toBe(404);
    const page = await fetch(closed.url, { headers: { accept: "text/html" } });
    expect(page.headers.get("content-type") ?? "").not.toMatch(/^text\/html/);
    expect((await postGraphQL(closed.url, "{ __typename }")).data).toEqual({ __typename: "Query" });
  });
});

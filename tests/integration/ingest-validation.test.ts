import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IngestArticleDocument, type IngestArticleInput } from "../__generated__/graphql.js";
import { sampleArticle } from "../fixtures/articles.js";
import { graphCounts } from "../support/graph-counts.js";
import { uniqueTag } from "../support/ids.js";
import { EDITOR_TOKEN, startTestServer, type TestServer } from "../support/server.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

type Mutate = (input: IngestArticleInput, tag: string) => void;

/** Each rule: how to break a valid input, and the field path the error must name. */
const RULES: ReadonlyArray<[rule: string, mutate: Mutate, field: string]> = [
  ["a URL that is not http(s)", (i) => (i.url = "ftp://example.com/a"), "input.url"],
  ["an empty title", (i) => (i.title = "   "), "input.title"],
  ["a score above 100", (i) => (i.score = 101), "input.score"],
  ["a threat level of 0", (i) => (i.threatLevel = 0), "input.threatLevel"],
  ["a confidence above 1", (i) => (i.claims![0]!.confidence = 1.5), "input.claims[0].confidence"],
  ["a source domain that is not a domain", (i) => (i.source.domain = "not a domain"), "input.source.domain"],
  ["a cause the input and graph lack", (i, t) => (i.claims![1]!.cause = { kind: "EVENT", key: `${t}-missing` }), "input.claims[1].cause"],
  ["an asset symbol nobody defined", (i) => (i.levels![0]!.asset = "NOPE42"), "input.levels[0].asset"],
  ["two events with one key", (i) => i.events!.push({ ...i.events![0]! }), "input.events[1].key"],
  ["two claims with one key", (i) => i.claims!.push({ ...i.claims![0]! }), "input.claims[4].key"],
  [
    "support from an article it does not cite",
    (i) => (i.claims![0]!.supportedBy = ["https://elsewhere.example/x"]),
    "input.claims[0].supportedBy[0]",
  ],
  ["a CONDITIONAL claim without conditions", (i) => (i.claims![3]!.conditions = []), "input.claims[3].conditions"],
  [
    "conditions on a FACT claim",
    (i) => (i.claims![1]!.conditions = [{ kind: "EVENT", key: i.events![0]!.key }]),
    "input.claims[1].modality",
  ],
  ["a claim whose cause is its effect", (i) => (i.claims![1]!.effect = i.claims![1]!.cause), "input.claims[1].effect"],
  ["a source as a claim's cause", (i) => (i.claims![1]!.cause = { kind: "SOURCE", key: i.source.domain }), "input.claims[1].cause.kind"],
  ["a price move whose low is above its high", (i) => (i.priceMoves![0]!.low = 120), "input.priceMoves[0].low"],
  ["a price move that ends before it starts", (i) => (i.priceMoves![0]!.endAt = "2026-01-01T00:00:00Z"), "input.priceMoves[0].endAt"],
  ["a key with spaces", (i) => (i.entities![0]!.key = "two words"), "input.entities[0].key"],
  ["an article citing itself", (i) => (i.cites![0]!.url = i.url), "input.cites[0].url"],
];

describe("ingestArticle rejects bad input with BAD_USER_INPUT and writes nothing", () => {
  it.each(RULES)("%s", async (_rule, mutate, field) => {
    const tag = uniqueTag();
    const input = sampleArticle(tag);
    mutate(input, tag);
    const before = await graphCounts(server.driver);
    const res = await server.request(IngestArticleDocument, { input }, { token: EDITOR_TOKEN });
    expect(res.data).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(res.errors![0]!.message).toContain(field);
    expect(await graphCounts(server.driver)).toEqual(before);
  });

  it("lists every problem of an input at once", async () => {
    const input = sampleArticle(uniqueTag());
    input.score = -1;
    input.claims![0]!.confidence = 2;
    input.claims![2]!.effect = { kind: "PRICE_MOVE", key: "no-such-move" };
    const res = await server.request(IngestArticleDocument, { input }, { token: EDITOR_TOKEN });
    const problems = res.errors![0]!.extensions!.problems as { field: string }[];
    expect(problems.map((p) => p.field).sort()).toEqual(["input.claims[0].confidence", "input.score"]);
    // References are checked against the graph only once the input itself is valid.
    input.score = 10;
    input.claims![0]!.confidence = 0.5;
    const second = await server.request(IngestArticleDocument, { input }, { token: EDITOR_TOKEN });
    expect(second.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.claims[2].effect" });
  });

  it("rejects a date-time without an offset before running anything", async () => {
    const input = sampleArticle(uniqueTag());
    input.publishedAt = "2026-02-01 12:00";
    const before = await graphCounts(server.driver);
    const res = await server.request(IngestArticleDocument, { input }, { token: EDITOR_TOKEN });
    expect(res.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(res.errors![0]!.message).toContain("publishedAt");
    expect(res.errors![0]!.message).toContain("offset");
    expect(await graphCounts(server.driver)).toEqual(before);
  });

  it("accepts references to nodes another article already put in the graph", async () => {
    const tag = uniqueTag();
    const first = sampleArticle(tag);
    await server.request(IngestArticleDocument, { input: first }, { token: EDITOR_TOKEN });
    const second: IngestArticleInput = {
      url: `https://${tag}-follow.example/a`,
      title: "Follow-up",
      publishedAt: "2026-02-02T09:00:00-05:00",
      source: { domain: `${tag}-follow.example`, name: "Follow" },
      claims: [
        {
          text: "Leverage drove it.",
          relation: "CONTRIBUTES_TO",
          cause: { kind: "MACRO_FACTOR", key: `${tag}-leverage` },
          effect: { kind: "PRICE_MOVE", key: `${tag}-drop` },
        },
      ],
    };
    const res = await server.request(IngestArticleDocument, { input: second }, { token: EDITOR_TOKEN });
    expect(res.errors).toBeUndefined();
    expect(res.data!.ingestArticle.counts.claims).toBe(1);
  });
});

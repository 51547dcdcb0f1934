import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { graphCounts } from "../support/graph-counts.js";
import { EDITOR_TOKEN, useTestServer } from "../support/server.js";

const server = useTestServer();

/** Requests in all: batches of BATCH sent at once, RUNS times. */
const RUNS = 1_000;
const BATCH = 10;

/** Text that has broken parsers before: query syntaxes, control characters, halves of characters, giants. */
const nastyText = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "MATCH (n) DETACH DELETE n",
    "') RETURN 1 //",
    '" OR 1=1 --',
    "*:*",
    "title:(bitcoin OR etf)~2 AND NOT x",
    "AND OR NOT",
    "\\",
    "{{}}",
    "\ud800",
    "\udc00liquidation",
    "🏳️‍🌈👨‍👩‍👧‍👦",
    "\u0000\u0001\u001f",
    "%00%ff",
    "${process.exit()}",
    "https://strykr.ai./news/x?utm_source=1#f",
    "javascript:alert(1)",
  ),
  fc.nat({ max: 400_000 }).map((n) => "x".repeat(n)),
);

const extremeNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 1, 1e308, -1e308, Number.MIN_VALUE),
);

const extremeDate = fc.oneof(
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom(
    "9999-12-31T23:59:59.999999999Z",
    "0000-01-01T00:00:00Z",
    "+275760-09-13T00:00:00Z",
    "2026-02-01T00:00:00+19:00",
    "2026-02-01T00:00:00-18:00",
    "2026-02-30T00:00:00Z",
    "2026-02-01T24:00:00Z",
    "2026-02-01",
    "yesterday",
    "",
  ),
);

const anyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    nastyText,
    extremeNumber,
    extremeDate,
    fc.constant(null),
    fc.boolean(),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie("value"), { maxKeys: 3 }),
  ),
})).value;

/** A value for a field: usually of a plausible kind, sometimes anything at all. */
const fieldValue = (plausible: fc.Arbitrary<unknown>) => fc.oneof({ weight: 3, arbitrary: plausible }, { weight: 1, arbitrary: anyValue });

const nodeRef = fc.record(
  { kind: fieldValue(fc.constantFrom("ASSET", "EVENT", "MACRO_FACTOR", "SOURCE", "NOPE")), key: fieldValue(nastyText) },
  { requiredKeys: [] },
);

/** Operations with their variables fuzzed; every one is a read, or a write that cannot succeed. */
const operations: fc.Arbitrary<{ query: string; variables: unknown; token?: string }> = fc.oneof(
  fc.record({
    query: fc.constant("query ($q: String!, $n: Int) { search(query: $q, first: $n) { snippet score field } }"),
    variables: fc.record({ q: fieldValue(nastyText), n: fieldValue(extremeNumber) }, { requiredKeys: [] }),
  }),
  fc.record({
    query: fc.constant(
      "query ($f: ArticleFilter, $n: Int, $a: String) { articles(filter: $f, first: $n, after: $a) { totalCount edges { cursor node { title tags { name } } } } }",
    ),
    variables: fc.record(
      {
        f: fc.record(
          {
            asset: fieldValue(nastyText),
            source: fieldValue(nastyText),
            tag: fieldValue(nastyText),
            narrative: fieldValue(nastyText),
            from: fieldValue(extremeDate),
            to: fieldValue(extremeDate),
          },
          { requiredKeys: [] },
        ),
        n: fieldValue(extremeNumber),
        a: fieldValue(nastyText),
      },
      { requiredKeys: [] },
    ),
  }),
  fc.record({
    query: fc.constant(
      "query ($f: ClaimFilter, $t: DateTime) { claims(filter: $f, asOf: $t) { totalCount edges { node { text article { url } } } } }",
    ),
    variables: fc.record(
      {
        f: fc.record(
          { cause: nodeRef, effect: nodeRef, minConfidence: fieldValue(extremeNumber), asset: fieldValue(nastyText) },
          { requiredKeys: [] },
        ),
        t: fieldValue(extremeDate),
      },
      { requiredKeys: [] },
    ),
  }),
  fc.record({
    query: fc.constant(
      "query ($a: NodeRef!, $b: NodeRef!, $d: Int, $t: DateTime) { causalChains(from: $a, to: $b, maxDepth: $d, asOf: $t) { confidence length } }",
    ),
    variables: fc.record({ a: nodeRef, b: nodeRef, d: fieldValue(extremeNumber), t: fieldValue(extremeDate) }, { requiredKeys: [] }),
  }),
  fc.record({
    query: fc.constant(
      "query ($s: String!, $f: DateTime!, $t: DateTime!, $d: Int, $l: Int) { explainPriceMove(symbol: $s, from: $f, to: $t, maxDepth: $d, lookbackDays: $l) { drivers { score } } }",
    ),
    variables: fc.record(
      {
        s: fieldValue(fc.constantFrom("BTC", "btc", "NOPE")),
        f: fieldValue(extremeDate),
        t: fieldValue(extremeDate),
        d: fieldValue(extremeNumber),
        l: fieldValue(extremeNumber),
      },
      { requiredKeys: [] },
    ),
  }),
  fc.record({
    query: fc.constant(
      "query ($f: TimelineFilter!, $n: Int, $a: String) { timeline(filter: $f, first: $n, after: $a) { totalCount edges { cursor } } }",
    ),
    variables: fc.record(
      {
        f: fc.record(
          { asset: fieldValue(nastyText), tag: fieldValue(nastyText), from: fieldValue(extremeDate), to: fieldValue(extremeDate) },
          { requiredKeys: [] },
        ),
        n: fieldValue(extremeNumber),
        a: fieldValue(nastyText),
      },
      { requiredKeys: [] },
    ),
  }),
  fc.record({
    query: fc.constant(
      'query ($u: String, $i: ID, $t: DateTime) { article(url: $u, id: $i, asOf: $t) { title claims { key } } node(id: "QXJ0aWNsZTp4") { id } }',
    ),
    variables: fc.record({ u: fieldValue(nastyText), i: fieldValue(nastyText), t: fieldValue(extremeDate) }, { requiredKeys: [] }),
  }),
  fc.record({
    query: fc.constant("query ($f: AuditFilter) { attributionAudit(filter: $f, first: 5) { summary { total } } }"),
    variables: fc.record(
      {
        f: fc.record(
          { articleUrl: fieldValue(nastyText), source: fieldValue(nastyText), asset: fieldValue(nastyText), status: anyValue },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    ),
  }),
  // Literals instead of variables: values written into the document.
  fc.tuple(nastyText, extremeDate).map(([text, date]) => ({
    query: `{ search(query: ${JSON.stringify(text.slice(0, 2000))}) { score } articles(filter: { from: ${JSON.stringify(date)} }) { totalCount } }`,
    variables: {},
  })),
  // Writes as an editor: the URL is never a URL, so nothing may be written whatever else is sent.
  fc.record({
    query: fc.constant("mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) { created } }"),
    variables: fc.record({
      input: fc.record(
        {
          url: nastyText.map((t) => `not a url ${t}`),
          title: fieldValue(nastyText),
          publishedAt: fieldValue(extremeDate),
          source: fc.record({ domain: fieldValue(nastyText), name: fieldValue(nastyText) }, { requiredKeys: [] }),
          tags: fc.array(fieldValue(nastyText), { maxLength: 5 }),
          claims: fc.array(
            fc.record(
              { text: fieldValue(nastyText), relation: anyValue, confidence: fieldValue(extremeNumber), cause: nodeRef, effect: nodeRef },
              { requiredKeys: [] },
            ),
            { maxLength: 3 },
          ),
        },
        { requiredKeys: [] },
      ),
    }),
    token: fc.constant(EDITOR_TOKEN),
  }),
  fc.record({
    query: fc.constant("mutation ($id: ID!, $r: String!) { retractClaim(id: $id, reason: $r) { id } }"),
    variables: fc.record({ id: fieldValue(nastyText), r: fieldValue(nastyText) }, { requiredKeys: [] }),
    token: fc.constantFrom(EDITOR_TOKEN, undefined),
  }),
);

/** Whole bodies that are not well-formed requests at all. */
const malformedBodies: fc.Arbitrary<{ body: Uint8Array | string; contentType: string }> = fc.oneof(
  fc.record({
    body: fc.uint8Array({ maxLength: 2000 }),
    contentType: fc.constantFrom("application/json", "application/graphql-response+json", "text/plain"),
  }),
  fc.record({ body: fc.json(), contentType: fc.constant("application/json") }),
  fc.record({ body: fc.string().map((s) => `{"query": ${s}`), contentType: fc.constant("application/json") }),
  fc.record({
    body: fc.tuple(fc.string(), anyValue).map(([q, v]) => JSON.stringify({ query: q, variables: v, operationName: q })),
    contentType: fc.constant("application/json"),
  }),
  fc.record({
    body: fc.constant(new Uint8Array([0x7b, 0x22, 0x71, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d])),
    contentType: fc.constant("application/json; charset=utf-8"),
  }),
);

/** Byte sequences that are not UTF-8: stray continuation bytes, overlong forms, encoded surrogates, bytes never used. */
const invalidUtf8 = fc.constantFrom(
  [0xff],
  [0xfe, 0xff],
  [0x80],
  [0xc3, 0x28],
  [0xc0, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xe2, 0x82],
);

/**
 * A valid ingest of a real URL, as an editor, with bytes that are not UTF-8 inside its title or
 * a tag: decoded leniently it would be stored with U+FFFD in their place, so a write here is a fault.
 */
const ingestWithInvalidBytes = fc.tuple(fc.nat(), invalidUtf8, fc.constantFrom("title", "tag")).map(([n, bytes, where]) => {
  const marker = "@@BYTES@@";
  const input = {
    url: `https://fuzz-utf8.example/story-${n}`,
    title: where === "title" ? `Bad ${marker} bytes` : "A story",
    publishedAt: "2026-02-01T12:00:00Z",
    source: { domain: "fuzz-utf8.example", name: "Fuzz" },
    tags: where === "tag" ? [`tag${marker}`] : [],
  };
  const [head, tail] = JSON.stringify({
    query: "mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) { created } }",
    variables: { input },
  }).split(marker);
  const body = new Uint8Array([...Buffer.from(head!), ...bytes, ...Buffer.from(tail!)]);
  return { body, contentType: "application/json", token: EDITOR_TOKEN };
});

type FuzzRequest =
  | { kind: "operation"; query: string; variables: unknown; token?: string | undefined }
  | { kind: "raw"; body: Uint8Array | string; contentType: string; token?: string };

const request: fc.Arbitrary<FuzzRequest> = fc.oneof(
  { weight: 3, arbitrary: operations.map((op): FuzzRequest => ({ kind: "operation", ...op })) },
  { weight: 1, arbitrary: malformedBodies.map((b): FuzzRequest => ({ kind: "raw", ...b })) },
  { weight: 1, arbitrary: ingestWithInvalidBytes.map((b): FuzzRequest => ({ kind: "raw", ...b })) },
);

/** Every string anywhere in a JSON value is well-formed UTF-16 (no half characters). */
function allWellFormed(value: unknown): boolean {
  if (typeof value === "string") return value.isWellFormed();
  if (Array.isArray(value)) return value.every(allWellFormed);
  if (value && typeof value === "object") return Object.entries(value).every(([k, v]) => k.isWellFormed() && allWellFormed(v));
  return true;
}

async function send(req: FuzzRequest): Promise<{ status: number; text: string; what: string }> {
  const headers: Record<string, string> = {};
  let body: string | Uint8Array;
  if (req.kind === "operation") {
    headers["content-type"] = "application/json";
    if (req.token) headers.authorization = `Bearer ${req.token}`;
    body = JSON.stringify({ query: req.query, variables: req.variables });
  } else {
    headers["content-type"] = req.contentType;
    if (req.token) headers.authorization = `Bearer ${req.token}`;
    body = req.body;
  }
  const response = await fetch(server.url, { method: "POST", headers, body });
  return { status: response.status, text: await response.text(), what: JSON.stringify(req).slice(0, 300) };
}

describe("fuzzing the API with malformed bodies, queries and variables", () => {
  it("answers a body that is one astral character (not JSON) with a well-formed 400", async () => {
    // Found by the property below (seed 704617880): the parser's message quoted half of the character.
    const { status, text } = await send({ kind: "raw", body: Uint8Array.from([240, 144, 128, 128]), contentType: "application/json" });
    expect(status).toBe(400);
    expect(allWellFormed(JSON.parse(text))).toBe(true);
  });

  it(`answers ${RUNS * BATCH} of them without a 5xx, an internal error, half a character or a write`, async () => {
    const before = await graphCounts(server.driver);
    await fc.assert(
      fc.asyncProperty(fc.array(request, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        for (const { status, text, what } of await Promise.all(batch.map(send))) {
          expect(status, what).toBeLessThan(500);
          const body: unknown = JSON.parse(text);
          expect(allWellFormed(body), what).toBe(true);
          const codes = ((body as { errors?: { extensions?: { code?: string } }[] }).errors ?? []).map((e) => e.extensions?.code);
          expect(codes, what).not.toContain("INTERNAL_SERVER_ERROR");
        }
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31) },
    );
    expect(await graphCounts(server.driver)).toEqual(before);
    const ready = await fetch(`${server.origin}/readyz`);
    expect(ready.status).toBe(200);
  }, 600_000);
});

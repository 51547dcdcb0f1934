import { readFileSync } from "node:fs";
import { buildSchema, getNamedType, isLeafType, isObjectType, type GraphQLObjectType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECTED_FIELDS } from "../../src/domain/shared/node.selection.js";
import type { IngestArticleInput } from "../__generated__/graphql.js";
import { uniqueTag } from "../support/ids.js";
import { ingestOk } from "../support/ingest.js";
import { removeArticles } from "../support/remove-articles.js";
import { EDITOR_TOKEN, postGraphQL, useTestServer } from "../support/server.js";

// Lists read only the properties a query selects. Every field, asked alone, must answer what it
// answers when everything is asked (when the node is read whole).
// Every field of a type at once, each under its own alias: more aliases than the default limit allows.
const server = useTestServer({ QUERY_MAX_ALIASES: "60" });
const schema = buildSchema(readFileSync(new URL("../../schema/schema.graphql", import.meta.url), "utf8"));
const tag = uniqueTag("projection");
const SYMBOL = `P${tag.replace(/\W/g, "").slice(-8).toUpperCase()}`;
const url = `https://projection.example/${tag}`;
const key = (name: string) => `${tag}-${name}`;

const input: IngestArticleInput = {
  url,
  title: `Projection ${tag}`,
  publishedAt: "2032-03-02T09:30:00-05:00",
  source: { domain: "projection.example", name: "Projection Wire" },
  sources: [{ domain: "attributed.example", name: "Attributed" }],
  assets: [{ symbol: SYMBOL, name: `Token ${tag}`, assetClass: "CRYPTO" }],
  macroFactors: [{ key: key("liquidity"), name: "Liquidity", kind: "MONETARY", description: "Dollar liquidity" }],
  entities: [{ key: key("fund"), name: "A fund", kind: "FUND" }],
  narratives: [{ key: key("exodus"), name: "Exodus", description: "Money leaves" }],
  events: [
    {
      key: key("outflow"),
      kind: "ETF_OUTFLOW",
      title: "Outflows",
      occurredAt: "2032-03-01T16:00:00Z",
      endedAt: "2032-03-01T20:00:00+01:00",
      amountUsd: 8.5e8,
      affects: [{ kind: "ASSET", key: SYMBOL }],
    },
  ],
  priceMoves: [
    {
      key: key("slide"),
      asset: SYMBOL,
      startAt: "2032-03-01T00:00:00Z",
      endAt: "2032-03-02T00:00:00Z",
      open: 100,
      high: 101.5,
      low: 80.25,
      close: 82,
      description: "The slide",
    },
  ],
  claims: [
    {
      key: "outflow-slide",
      text: "Outflows sent the token lower.",
      relation: "CAUSES",
      confidence: 0.85,
      cause: { kind: "EVENT", key: key("outflow") },
      effect: { kind: "PRICE_MOVE", key: key("slide") },
      attributedTo: ["attributed.example"],
      narratives: [key("exodus")],
    },
    {
      key: "liquidity-fund",
      text: "If liquidity drains, the fund sells the token.",
      relation: "CONTRIBUTES_TO",
      modality: "CONDITIONAL",
      polarity: "ASSERTED",
      confidence: 0.4,
      cause: { kind: "ENTITY", key: key("fund") },
      effect: { kind: "ASSET", key: SYMBOL },
      conditions: [
        { kind: "MACRO_FACTOR", key: key("liquidity") },
        { kind: "NARRATIVE", key: key("exodus") },
      ],
    },
    {
      key: "denied",
      text: "Liquidity did not prevent the slide.",
      relation: "PREVENTS",
      polarity: "DENIED",
      modality: "OPINION",
      confidence: 0.6,
      cause: { kind: "MACRO_FACTOR", key: key("liquidity") },
      effect: { kind: "ASSET", key: SYMBOL },
    },
  ],
} as IngestArticleInput;

/**
 * A field as a selection: leaves by name, objects by their `__typename` (what they are, not
 * what they hold). Inside a union member the field is aliased `Type_field`, since members'
 * fields of one name may differ in type.
 */
function selectionOf(type: GraphQLObjectType, field: string, aliased = false): string {
  const target = getNamedType(type.getFields()[field]!.type);
  const name = aliased ? `${type.name}_${field}: ${field}` : field;
  return isLeafType(target) ? name : `${name} { __typename }`;
}

function objectType(name: string): GraphQLObjectType {
  const type = schema.getType(name);
  if (!isObjectType(type)) throw new Error(`${name} is not an object type`);
  return type;
}

async function query<R>(text: string): Promise<R> {
  const res = await postGraphQL<R>(server.url, text);
  expect(res.errors, text).toBeUndefined();
  return res.data!;
}

type Row = Record<string, unknown>;

beforeAll(async () => {
  await ingestOk(server, input);
  // A retracted claim: its retractedAt and retractionReason are read like any other property.
  const { article } = await query<{ article: { claims: { id: string; key: string }[] } }>(
    `{ article(url: "${url}") { claims { id key } } }`,
  );
  const denied = article.claims.find((claim) => claim.key === "denied")!;
  const res = await postGraphQL(
    server.url,
    `mutation { retractClaim(id: "${denied.id}", reason: "misquoted") { id } }`,
    {},
    { token: EDITOR_TOKEN },
  );
  expect(res.errors).toBeUndefined();
});

afterAll(() => removeArticles(server.driver, tag));

/** The claims each list shows: Asset.claims only those naming the asset itself, not its events or moves. */
const EXPECTED_KEYS = {
  "Article.claims": ["denied", "liquidity-fund", "outflow-slide"],
  "Asset.claims": ["denied", "liquidity-fund"],
  claims: ["denied", "liquidity-fund", "outflow-slide"],
};

const CLAIM_LISTS = {
  "Article.claims": (fields: string) => `{ article(url: "${url}") { claims(includeRetracted: true) { ${fields} } } }`,
  "Asset.claims": (fields: string) =>
    `{ asset(symbol: "${SYMBOL}") { claims(first: 20, includeRetracted: true) { edges { node { ${fields} } } } } }`,
  claims: (fields: string) =>
    `{ claims(filter: { asset: "${SYMBOL}", includeRetracted: true }, first: 20) { edges { node { ${fields} } } } }`,
};

function claimsOf(list: keyof typeof CLAIM_LISTS, data: Row): Row[] {
  if (list === "Article.claims") return (data.article as { claims: Row[] }).claims;
  const connection = list === "claims" ? data.claims : (data.asset as Row).claims;
  return (connection as { edges: { node: Row }[] }).edges.map((edge) => edge.node);
}

describe("reading only the selected properties", () => {
  it("lists every field of the types it projects, so none is read from a property it lacks", () => {
    for (const [typeName, fields] of Object.entries(PROJECTED_FIELDS)) {
      expect([...fields].sort(), typeName).toEqual(Object.keys(objectType(typeName).getFields()).sort());
    }
  });

  for (const list of Object.keys(CLAIM_LISTS) as (keyof typeof CLAIM_LISTS)[]) {
    it(`answers each claim field alone as with every field (${list})`, async () => {
      const claim = objectType("Claim");
      const fields = Object.keys(claim.getFields());
      const whole = claimsOf(list, await query(CLAIM_LISTS[list](`key ${fields.map((f) => selectionOf(claim, f)).join(" ")}`)));
      expect(whole.map((c) => c.key).sort()).toEqual(EXPECTED_KEYS[list]);
      const denied = whole.find((c) => c.key === "denied")!;
      expect(denied).toMatchObject({
        retractionReason: "misquoted",
        relationClass: "OPPOSES",
        polarity: "DENIED",
        modality: "OPINION",
        confidence: 0.6,
      });
      expect(denied.retractedAt).toEqual(expect.any(String));
      for (const field of fields) {
        const alone = claimsOf(list, await query(CLAIM_LISTS[list](`key ${selectionOf(claim, field)}`)));
        const byKey = new Map(alone.map((c) => [c.key, c[field]]));
        for (const c of whole) expect(byKey.get(c.key as string), `${list} ${field} of ${String(c.key)}`).toEqual(c[field]);
      }
    });
  }

  it("answers each field of a cause, effect or condition alone as with every field", async () => {
    const members = ["Event", "MacroFactor", "Asset", "PriceMove", "Narrative", "Entity"];
    type Ends = { article: { claims: ({ key: string } & Record<string, Row | Row[] | null>)[] } };
    const ask = async (role: string, member: string, fields: string[]) =>
      (
        await query<Ends>(
          `{ article(url: "${url}") { claims { key ${role} { __typename ... on ${member} { ${fields.map((f) => selectionOf(objectType(member), f, true)).join(" ")} } } } } }`,
        )
      ).article.claims;
    // What a role holds of the member, per claim: a node's aliased field, or a list of them for conditions.
    const pick = (value: Row | Row[] | null, member: string, field: string) =>
      (Array.isArray(value) ? value : [value]).map((node) => (node && node.__typename === member ? node[`${member}_${field}`] : undefined));
    let checked = 0;
    for (const role of ["cause", "effect", "conditions"]) {
      for (const member of members) {
        const fields = Object.keys(objectType(member).getFields());
        const whole = await ask(role, member, fields);
        // Only where a claim has such a node in this role: elsewhere there is nothing to compare.
        if (!whole.some((claim) => [claim[role]].flat().some((node) => (node as Row | null)?.__typename === member))) continue;
        for (const field of fields) {
          const alone = await ask(role, member, [field]);
          for (const claim of whole) {
            const got = alone.find((c) => c.key === claim.key)!;
            expect(pick(got[role]!, member, field), `${role} ${member}.${field} of ${claim.key}`).toEqual(
              pick(claim[role]!, member, field),
            );
            checked += pick(claim[role]!, member, field).filter((v) => v !== undefined).length;
          }
        }
      }
    }
    // Every member type occurs somewhere, so each field was compared on a real value.
    expect(checked).toBeGreaterThan(40);
    const outflow = (await ask("cause", "Event", ["title", "amountUsd", "occurredAt", "endedAt"])).find((c) => c.key === "outflow-slide")!;
    expect(outflow.cause).toEqual({
      __typename: "Event",
      Event_title: "Outflows",
      Event_amountUsd: 8.5e8,
      Event_occurredAt: "2032-03-01T16:00:00Z",
      Event_endedAt: "2032-03-01T20:00:00+01:00",
    });
    const slide = (await ask("effect", "PriceMove", ["low", "description", "asset"])).find((c) => c.key === "outflow-slide")!;
    expect(slide.effect).toEqual({
      __typename: "PriceMove",
      PriceMove_low: 80.25,
      PriceMove_description: "The slide",
      PriceMove_asset: { __typename: "Asset" },
    });
    const conditions = (await ask("conditions", "MacroFactor", ["name", "description"])).find((c) => c.key === "liquidity-fund")!;
    expect(conditions.conditions).toEqual(
      expect.arrayContaining([
        { __typename: "MacroFactor", MacroFactor_name: "Liquidity", MacroFactor_description: "Dollar liquidity" },
        { __typename: "Narrative" },
      ]),
    );
  });

  it("gives each alias and fragment of one request what it selects", async () => {
    const data = await query<{ article: { claims: Row[] } }>(`
      query { article(url: "${url}") { claims { key
        when: cause { ... on Event { occurredAt } }
        what: cause { ...Named ... on Node { id } }
        plain: effect { __typename }
        full: effect { ... on PriceMove { key startAt endAt close asset { symbol } } }
      } } }
      fragment Named on CausalNode { ... on Event { title kind } ... on Entity { name } }`);
    const outflow = data.article.claims.find((c) => c.key === "outflow-slide")!;
    expect(outflow.when).toEqual({ occurredAt: "2032-03-01T16:00:00Z" });
    expect(outflow.what).toEqual({ title: "Outflows", kind: "etf_outflow", id: expect.any(String) });
    expect(outflow.plain).toEqual({ __typename: "PriceMove" });
    expect(outflow.full).toEqual({
      key: key("slide"),
      startAt: "2032-03-01T00:00:00Z",
      endAt: "2032-03-02T00:00:00Z",
      close: 82,
      asset: { symbol: SYMBOL },
    });
    const fund = data.article.claims.find((c) => c.key === "liquidity-fund")!;
    expect(fund.what).toEqual({ name: "A fund", id: expect.any(String) });
    expect(fund.when).toEqual({});
  });

  it("loads a cause and effect on their own for a claim found without them (by id)", async () => {
    const { article } = await query<{ article: { claims: { id: string; key: string }[] } }>(
      `{ article(url: "${url}") { claims { id key } } }`,
    );
    const outflow = article.claims.find((c) => c.key === "outflow-slide")!;
    const res = await postGraphQL<{ node: Row }>(
      server.url,
      `{ node(id: "${outflow.id}") { ... on Claim { text cause { ... on Event { title occurredAt } } effect { ... on PriceMove { key close } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.node).toEqual({
      text: "Outflows sent the token lower.",
      cause: { title: "Outflows", occurredAt: "2032-03-01T16:00:00Z" },
      effect: { key: key("slide"), close: 82 },
    });
    expect(res.extensions).toBeUndefined();
  });

  it("applies @skip and @include with the request's variables", async () => {
    const text = `query ($withTitle: Boolean!) { article(url: "${url}") { claims { key cause { ... on Event { key title @include(if: $withTitle) } } } } }`;
    for (const withTitle of [true, false]) {
      const res = await postGraphQL<{ article: { claims: Row[] } }>(server.url, text, { withTitle });
      expect(res.errors).toBeUndefined();
      const outflow = res.data!.article.claims.find((c) => c.key === "outflow-slide")!;
      expect(outflow.cause).toEqual(withTitle ? { key: key("outflow"), title: "Outflows" } : { key: key("outflow") });
    }
  });
});

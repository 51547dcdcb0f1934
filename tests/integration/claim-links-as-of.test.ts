import { beforeAll, describe, expect, it } from "vitest";
import type { IngestArticleInput } from "../__generated__/graphql.js";
import { uniqueTag } from "../support/ids.js";
import { ingestOk } from "../support/ingest.js";
import { postGraphQL, useTestServer } from "../support/server.js";

/**
 * A claim keeps its id when a new version of its article keeps its key but changes what it
 * links to (cause, effect, conditions, attributions, narratives). Read as of a time before the
 * change, every way of reaching the claim shows the links it had then; read now, the new ones.
 */
const server = useTestServer();

async function ask<R = any>(query: string, variables: Record<string, unknown> = {}): Promise<R> {
  const res = await postGraphQL<R>(server.url, query, variables);
  expect(res.errors).toBeUndefined();
  return res.data!;
}

/** An instant strictly between two writes. */
async function instant(): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, 15));
  const now = new Date().toISOString();
  await new Promise((resolve) => setTimeout(resolve, 15));
  return now;
}

const tag = uniqueTag();
const sym = (n: number) => `L${tag.slice(-5).toUpperCase()}${n}`;
const factor = (n: number) => `${tag}-factor-${n}`;
const event = (n: number) => `${tag}-event-${n}`;
const narrative = (n: number) => `${tag}-story-${n}`;
const analyst = (n: number) => `${tag}-analyst-${n}.example`;
const url = `https://${tag}-desk.example/markets/story`;

/** Version n: the same two claim keys, linked to the n-th factor, asset, event, analyst and narrative. */
function version(n: number): IngestArticleInput {
  return {
    url,
    title: `Desk story, version ${n}`,
    publishedAt: "2026-03-02T10:00:00Z",
    source: { domain: `${tag}-desk.example`, name: "Desk" },
    sources: [{ domain: analyst(n), name: `Analyst ${n}`, kind: "RESEARCH" }],
    assets: [{ symbol: sym(n), name: `Coin ${n}`, assetClass: "CRYPTO" }],
    macroFactors: [{ key: factor(n), name: `Factor ${n}` }],
    narratives: [{ key: narrative(n), name: `Story ${n}` }],
    events: [
      { key: event(n), kind: "flows", title: `Event ${n}`, occurredAt: "2026-03-01T00:00:00Z", affects: [{ kind: "ASSET", key: sym(n) }] },
    ],
    claims: [
      {
        key: "the-driver",
        text: "The factor moved the coin.",
        relation: "CAUSES",
        confidence: 0.8,
        cause: { kind: "MACRO_FACTOR", key: factor(n) },
        effect: { kind: "ASSET", key: sym(n) },
        attributedTo: [analyst(n)],
        narratives: [narrative(n)],
      },
      {
        key: "the-condition",
        text: "If the event repeats, the factor returns.",
        relation: "CAUSES",
        modality: "CONDITIONAL",
        confidence: 0.5,
        cause: { kind: "EVENT", key: event(n) },
        effect: { kind: "MACRO_FACTOR", key: factor(n) },
        conditions: [{ kind: "EVENT", key: event(n) }],
      },
    ],
  };
}

const CLAIM_FIELDS = `id key
  cause { ... on MacroFactor { key } ... on Event { key } }
  effect { ... on Asset { symbol } ... on MacroFactor { key } }
  conditions { ... on Event { key } }
  attributedTo { domain }
  narratives { key }`;

interface ClaimView {
  id: string;
  key: string;
  cause: { key: string };
  effect: { symbol?: string; key?: string };
  conditions: { key: string }[];
  attributedTo: { domain: string }[];
  narratives: { key: string }[];
}

/** What a researcher sees of the two claims when their links are those of version n. */
function linksOf(n: number) {
  return {
    "the-condition": {
      cause: { key: event(n) },
      effect: { key: factor(n) },
      conditions: [{ key: event(n) }],
      attributedTo: [],
      narratives: [],
    },
    "the-driver": {
      cause: { key: factor(n) },
      effect: { symbol: sym(n) },
      conditions: [],
      attributedTo: [{ domain: analyst(n) }],
      narratives: [{ key: narrative(n) }],
    },
  };
}

const byKey = (claims: ClaimView[]) => Object.fromEntries(claims.map(({ key, id: _id, ...links }) => [key, links]));

let v1Time: string;
let ids: string[];

beforeAll(async () => {
  await ingestOk(server, version(1));
  v1Time = await instant();
  const before = await ask<{ article: { claims: { id: string }[] } }>(`query ($url: String!) { article(url: $url) { claims { id } } }`, {
    url,
  });
  ids = before.article.claims.map((c) => c.id).sort();
  const second = await ingestOk(server, version(2));
  expect(second.changed).toBe(true);
});

describe("a claim whose links changed in a later version, read as of before the change", () => {
  it("keeps its id across the versions", async () => {
    const now = await ask<{ article: { claims: { id: string }[] } }>(`query ($url: String!) { article(url: $url) { claims { id } } }`, {
      url,
    });
    expect(now.article.claims.map((c) => c.id).sort()).toEqual(ids);
  });

  it("article(url, asOf) shows the links held then; article(url) the current ones", async () => {
    const query = `query ($url: String!, $asOf: DateTime) { article(url: $url, asOf: $asOf) { claims { ${CLAIM_FIELDS} } } }`;
    expect(byKey((await ask(query, { url, asOf: v1Time })).article.claims)).toEqual(linksOf(1));
    expect(byKey((await ask(query, { url })).article.claims)).toEqual(linksOf(2));
  });

  it("root claims(asOf) shows the links held then, however its claims are reached", async () => {
    const query = `query ($asOf: DateTime, $filter: ClaimFilter) { claims(asOf: $asOf, filter: $filter) { edges { node { ${CLAIM_FIELDS} } } } }`;
    const list = async (filter: object, asOf?: string) =>
      byKey((await ask(query, { filter, asOf })).claims.edges.map((e: { node: ClaimView }) => e.node));
    const source = { source: `${tag}-desk.example` };
    expect(await list(source, v1Time)).toEqual(linksOf(1));
    expect(await list(source)).toEqual(linksOf(2));

    // The filters match the links held at asOf. Both claims are about the n-th coin: the driver's
    // effect is the coin, the condition's cause is an event affecting it.
    const driver = (n: number) => ({ "the-driver": linksOf(n)["the-driver"] });
    const filters = (n: number) =>
      [
        [{ cause: { kind: "MACRO_FACTOR", key: factor(n) } }, driver(n)],
        [{ effect: { kind: "ASSET", key: sym(n) } }, driver(n)],
        [{ asset: sym(n) }, linksOf(n)],
        [{ asset: sym(n), minConfidence: 0.6 }, driver(n)],
        [{ narrative: narrative(n) }, driver(n)],
        [{ source: analyst(n) }, driver(n)],
      ] as const;
    for (const [filter, seen] of filters(1)) {
      expect(await list(filter, v1Time), JSON.stringify(filter)).toEqual(seen);
      expect(await list(filter), JSON.stringify(filter)).toEqual({});
    }
    for (const [filter, seen] of filters(2)) {
      expect(await list(filter, v1Time), JSON.stringify(filter)).toEqual({});
      expect(await list(filter), JSON.stringify(filter)).toEqual(seen);
    }
  });

  it("a node's claims(asOf) are those that named it then", async () => {
    const query = `query ($symbol: String!, $asOf: DateTime) { asset(symbol: $symbol) { claims(asOf: $asOf) { edges { node { ${CLAIM_FIELDS} } } } } }`;
    const claimsOf = async (symbol: string, asOf?: string) =>
      byKey((await ask(query, { symbol, asOf })).asset.claims.edges.map((e: { node: ClaimView }) => e.node));
    expect(await claimsOf(sym(1), v1Time)).toEqual({ "the-driver": linksOf(1)["the-driver"] });
    expect(await claimsOf(sym(1))).toEqual({});
    expect(await claimsOf(sym(2), v1Time)).toEqual({});
    expect(await claimsOf(sym(2))).toEqual({ "the-driver": linksOf(2)["the-driver"] });

    const conditionOf = `query ($key: String!, $asOf: DateTime) { narrative(key: $key) { claims(asOf: $asOf) { edges { node { key } } } } }`;
    expect((await ask(conditionOf, { key: narrative(1), asOf: v1Time })).narrative.claims.edges).toHaveLength(1);
    expect((await ask(conditionOf, { key: narrative(1) })).narrative.claims.edges).toHaveLength(0);
  });

  it("causalChains(asOf) follows the cause and effect held then, and its steps' claims show them", async () => {
    const query = `query ($from: NodeRef!, $to: NodeRef!, $asOf: DateTime) {
      causalChains(from: $from, to: $to, asOf: $asOf) { steps { claim { ${CLAIM_FIELDS} } claims { key } } }
    }`;
    const chains = (n: number, asOf?: string) =>
      ask(query, { from: { kind: "MACRO_FACTOR", key: factor(n) }, to: { kind: "ASSET", key: sym(n) }, asOf }).then((d) => d.causalChains);
    const old = await chains(1, v1Time);
    expect(old).toHaveLength(1);
    expect(byKey([old[0].steps[0].claim])).toEqual({ "the-driver": linksOf(1)["the-driver"] });
    expect(await chains(2, v1Time)).toEqual([]);
    expect(await chains(1)).toEqual([]);
    const current = await chains(2);
    expect(byKey([current[0].steps[0].claim])).toEqual({ "the-driver": linksOf(2)["the-driver"] });
  });

  it("a claim read by id is read now, whatever list it was first found in", async () => {
    const [driverId] = (
      await ask(`query ($url: String!, $asOf: DateTime) { article(url: $url, asOf: $asOf) { claims { id key } } }`, { url, asOf: v1Time })
    ).article.claims
      .filter((c: ClaimView) => c.key === "the-driver")
      .map((c: ClaimView) => c.id);
    const node = await ask(`query ($id: ID!) { node(id: $id) { ... on Claim { ${CLAIM_FIELDS} } } }`, { id: driverId });
    expect(byKey([node.node])).toEqual({ "the-driver": linksOf(2)["the-driver"] });
  });
});

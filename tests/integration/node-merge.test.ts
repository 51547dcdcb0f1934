import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IngestArticleInput } from "../__generated__/graphql.js";
import { uniqueTag } from "../support/ids.js";
import { ingestOk } from "../support/ingest.js";
import { removeArticles } from "../support/remove-articles.js";
import { EDITOR_TOKEN, postGraphQL, useTestServer } from "../support/server.js";
import { Subscriber, untilActiveSubscriptions, wsClient } from "../support/subscriptions.js";

/**
 * Merging two nodes that are one event (two outlets' keys for one liquidation cascade), and
 * undoing it: while merged, everything points at the one node; as of before the merge, and
 * after the unmerge, every answer is as it was.
 */
const server = useTestServer();
const tag = uniqueTag("merge");
const SYMBOL = `M${tag.slice(-6)}`.toUpperCase();
const k = (name: string) => `${tag}-${name}`;
const [CASCADE, LIQUIDATIONS, MOVE, LEVERAGE] = [k("cascade"), k("liquidations"), k("slide"), k("leverage")];
const id = (type: string, key: string) => Buffer.from(`${type}:${key}`).toString("base64url");
const MOVE_SPAN = { startAt: "2026-04-04T00:00:00Z", endAt: "2026-04-05T06:00:00Z" };

function article(outlet: string, event: string, title: string, amountUsd: number, confidences: [number, number]): IngestArticleInput {
  return {
    url: `https://${outlet}-${tag}.example/story`,
    title: `${outlet}: ${title}`,
    publishedAt: "2026-04-05T10:00:00Z",
    source: { domain: `${outlet}-${tag}.example`, name: outlet },
    assets: [{ symbol: SYMBOL, name: `Mergecoin ${tag}` }],
    macroFactors: [{ key: LEVERAGE, name: `Leverage ${tag}` }],
    events: [
      { key: event, kind: "liquidation", title, occurredAt: "2026-04-04T10:00:00Z", amountUsd, affects: [{ kind: "ASSET", key: SYMBOL }] },
    ],
    priceMoves: [{ key: MOVE, asset: SYMBOL, ...MOVE_SPAN, open: 100, high: 101, low: 80, close: 82 }],
    claims: [
      {
        key: "a",
        text: `Leverage built up (${outlet}).`,
        relation: "CAUSES",
        confidence: confidences[0],
        cause: { kind: "MACRO_FACTOR", key: LEVERAGE },
        effect: { kind: "EVENT", key: event },
      },
      {
        key: "b",
        text: `The cascade sank it (${outlet}).`,
        relation: "CAUSES",
        confidence: confidences[1],
        cause: { kind: "EVENT", key: event },
        effect: { kind: "PRICE_MOVE", key: MOVE },
      },
    ],
  };
}

const ANSWERS = `query($symbol: String!, $from: NodeRef!, $to: NodeRef!, $asOf: DateTime) {
  causalChains(from: $from, to: $to, maxDepth: 3, asOf: $asOf) { confidence independentSourceCount steps { claim { id } to { ... on Event { key } ... on PriceMove { key } } } }
  explainPriceMove(symbol: $symbol, from: "2026-04-04T00:00:00Z", to: "2026-04-05T06:00:00Z") { drivers { score independentSourceCount node { ... on Event { key } ... on MacroFactor { key } } } }
  attributionAudit(filter: { asset: $symbol }) { claims { claim { id } status independentSourceCount } }
  timeline(filter: { asset: $symbol }, first: 50) { edges { node { kind title } } }
  search(query: "${tag} cascade liquidations") { node { __typename ... on Event { key } } }
  claims(filter: { asset: $symbol }, first: 50, asOf: $asOf) { edges { node { id cause { ... on Event { key } ... on MacroFactor { key } } effect { ... on Event { key } ... on PriceMove { key } } } } }
}`;

async function answers(asOf?: string) {
  const res = await postGraphQL<Record<string, unknown>>(server.url, ANSWERS, {
    symbol: SYMBOL,
    from: { kind: "MACRO_FACTOR", key: LEVERAGE },
    to: { kind: "PRICE_MOVE", key: MOVE },
    asOf,
  });
  expect(res.errors).toBeUndefined();
  return res.data!;
}

const asEditor = { token: EDITOR_TOKEN };
let before: Record<string, unknown>;
let beforeMerge: string;

beforeAll(async () => {
  await ingestOk(server, article("first", CASCADE, `A $1.3B liquidation cascade ${tag}`, 1.3e9, [0.8, 0.9]));
  await ingestOk(server, article("second", LIQUIDATIONS, `Weekend liquidations of $1.3B ${tag}`, 1.3e9, [0.7, 0.85]));
  before = await answers();
  await new Promise((resolve) => setTimeout(resolve, 20));
  beforeMerge = new Date().toISOString();
  await new Promise((resolve) => setTimeout(resolve, 20));
});
afterAll(() => removeArticles(server.driver, tag));

describe("mergeNodes and unmergeNodes", () => {
  it("merges one outlet's event into another's: one node, its aliases and merge record, its claims; as of before, as before; undone, every answer as it was", async () => {
    // A subscriber hears of the claims whose links move.
    const ws = wsClient(server.url);
    const added = new Subscriber<{ claimAdded: { key: string } }>(ws, "subscription($f: ClaimFilter) { claimAdded(filter: $f) { key } }", {
      f: { asset: SYMBOL },
    });
    await untilActiveSubscriptions(server.origin, (n) => n >= 1);

    const merged = await postGraphQL<{ mergeNodes: { id: string; reason: string; into: { key: string }; from: { key: string } } }>(
      server.url,
      `mutation($into: ID!, $from: ID!) { mergeNodes(into: $into, from: $from, reason: "one cascade, two outlets") {
         id reason into { ... on Event { key } } from { ... on Event { key } } } }`,
      { into: id("Event", CASCADE), from: id("Event", LIQUIDATIONS) },
      asEditor,
    );
    expect(merged.errors).toBeUndefined();
    expect(merged.data!.mergeNodes).toMatchObject({
      reason: "one cascade, two outlets",
      into: { key: CASCADE },
      from: { key: LIQUIDATIONS },
    });
    await added.until((s) => s.data.length >= 2, "the claims whose links moved");
    ws.dispose();

    const node = await postGraphQL<{ node: { key: string; aliases: string[]; merges: { id: string }[]; claims: { totalCount: number } } }>(
      server.url,
      `query($id: ID!) { node(id: $id) { ... on Event { key aliases merges { id } claims(first: 10) { totalCount } } } }`,
      { id: id("Event", LIQUIDATIONS) },
    );
    expect(node.data!.node.key).toBe(CASCADE);
    expect(node.data!.node.aliases).toEqual(expect.arrayContaining([CASCADE, LIQUIDATIONS, `Weekend liquidations of $1.3B ${tag}`]));
    expect(node.data!.node.merges.map((m) => m.id)).toEqual([merged.data!.mergeNodes.id]);
    expect(node.data!.node.claims.totalCount).toBe(4);

    const during = (await answers()) as {
      causalChains: { independentSourceCount: number; steps: { to: { key: string } }[] }[];
      timeline: { edges: { node: { kind: string; title: string } }[] };
    };
    // One chain through the one event now, told by both outlets.
    expect(during.causalChains.map((c) => c.steps.map((s) => s.to.key))).toEqual([[CASCADE, MOVE]]);
    expect(during.causalChains[0]!.independentSourceCount).toBe(2);
    expect(during.timeline.edges.filter((e) => e.node.kind === "EVENT" && e.node.title.includes("liquidations"))).toEqual([]);
    // As of before the merge, as before it.
    const then = await answers(beforeMerge);
    expect(then.causalChains).toEqual(before.causalChains);
    expect(then.claims).toEqual(before.claims);
    // A reference to the merged key resolves to the node it was merged into.
    await ingestOk(server, {
      url: `https://third-${tag}.example/story`,
      title: "Third",
      publishedAt: "2026-04-06T10:00:00Z",
      source: { domain: `third-${tag}.example`, name: "third" },
      claims: [
        {
          key: "c",
          text: "It hit the coin.",
          relation: "CAUSES",
          cause: { kind: "EVENT", key: LIQUIDATIONS },
          effect: { kind: "ASSET", key: SYMBOL },
        },
      ],
    });
    const third = await postGraphQL<{ claims: { edges: { node: { cause: { key: string } } }[] } }>(
      server.url,
      `query($s: String!) { claims(filter: { source: $s }) { edges { node { cause { ... on Event { key } } } } } }`,
      { s: `third-${tag}.example` },
    );
    expect(third.data!.claims.edges.map((e) => e.node.cause.key)).toEqual([CASCADE]);
    await removeArticles(server.driver, `third-${tag}`);

    const undone = await postGraphQL<{ unmergeNodes: { unmergedAt: string | null } }>(
      server.url,
      `mutation($m: ID!) { unmergeNodes(merge: $m) { unmergedAt } }`,
      { m: merged.data!.mergeNodes.id },
      asEditor,
    );
    expect(undone.errors).toBeUndefined();
    expect(undone.data!.unmergeNodes.unmergedAt).not.toBeNull();
    expect(await answers()).toEqual(before);
    const again = await postGraphQL(
      server.url,
      `mutation($m: ID!) { unmergeNodes(merge: $m) { id } }`,
      { m: merged.data!.mergeNodes.id },
      asEditor,
    );
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "merge" });
  });

  it("refuses nodes of two kinds, a node into itself, and anyone but an editor", async () => {
    const mutation = `mutation($into: ID!, $from: ID!) { mergeNodes(into: $into, from: $from, reason: "x") { id } }`;
    const kinds = await postGraphQL(server.url, mutation, { into: id("Event", CASCADE), from: id("PriceMove", MOVE) }, asEditor);
    expect(kinds.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "from" });
    const itself = await postGraphQL(server.url, mutation, { into: id("Event", CASCADE), from: id("Event", CASCADE) }, asEditor);
    expect(itself.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "from" });
    const anonymous = await postGraphQL(server.url, mutation, { into: id("Event", CASCADE), from: id("Event", LIQUIDATIONS) });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

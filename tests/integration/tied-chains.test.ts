import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueTag } from "../support/ids.js";
import { articlesTelling, loadArticles, removeFactorGraph, type ToldHop } from "../support/factor-graph.js";
import { postGraphQL, useTestServer } from "../support/server.js";

/**
 * Chains and drivers that tie on every weight: twelve two-hop chains from one factor to a move
 * (0.9 × 0.9, two outlets each), and 60 direct drivers of another asset's move that all score
 * the same (0.7, two outlets: 1.05), of which an explanation lists 50.
 * Which of them an answer lists, and in what order, must not depend on the order Neo4j returns
 * relationships in (it changes as the graph changes): ties come by the element ids of the
 * chains' nodes, compared as strings.
 */
const server = useTestServer();
const tag = uniqueTag("ties");
const SYMBOL = `T${tag.slice(-6)}`.toUpperCase();
const MOVE = `${tag}-move`;
// A second asset and move, driven only by the 60 tied drivers.
const TIED_SYMBOL = `U${tag.slice(-6)}`.toUpperCase();
const TIED_MOVE = `${tag}-tied-move`;
const node = (name: string) => `${tag}-${name}`;
const PUBLISHED = "2026-08-09T10:00:00Z";
const SPAN = { startAt: "2026-08-10T12:00:00Z", endAt: "2026-08-11T12:00:00Z" };

const chainsThrough = (middles: readonly number[]): ToldHop[] =>
  middles.flatMap((i) => [
    { cause: node("start"), effect: node(`m${i}`), confidence: 0.9, outlets: 2 },
    { cause: node(`m${i}`), effect: MOVE, confidence: 0.9, outlets: 2 },
  ]);
const DIRECT: ToldHop[] = Array.from({ length: 60 }, (_, i) => ({ cause: node(`d${i}`), effect: TIED_MOVE, confidence: 0.7, outlets: 2 }));

const graph = (suffix: string) => ({ tag: `${tag}${suffix}`, symbol: SYMBOL, move: MOVE, publishedAt: PUBLISHED, moveSpan: SPAN });

beforeAll(async () => {
  await loadArticles(server, articlesTelling(graph(""), chainsThrough([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])));
  await loadArticles(
    server,
    articlesTelling({ tag: `${tag}-tied`, symbol: TIED_SYMBOL, move: TIED_MOVE, publishedAt: PUBLISHED, moveSpan: SPAN }, DIRECT),
  );
}, 180_000);

afterAll(async () => {
  await removeFactorGraph(server, tag, SYMBOL);
  await removeFactorGraph(server, tag, TIED_SYMBOL);
});

/** Element ids of macro factors by key. */
async function elementIds(keys: readonly string[]): Promise<Map<string, string>> {
  const { records } = await server.driver.executeQuery(
    "UNWIND $keys AS key MATCH (f:MacroFactor { key: key }) RETURN key, elementId(f) AS id",
    { keys },
  );
  return new Map(records.map((r) => [r.get("key") as string, r.get("id") as string]));
}

type ChainsAnswer = { causalChains: { confidence: number; steps: { to: { key?: string } }[] }[] };
type ExplainAnswer = { explainPriceMove: { drivers: { score: number; node: { key: string } }[] } };

const askChains = (first: number) =>
  postGraphQL<ChainsAnswer>(
    server.url,
    `query ($from: NodeRef!, $to: NodeRef!, $first: Int!) {
       causalChains(from: $from, to: $to, maxDepth: 2, first: $first) { confidence steps { to { ... on MacroFactor { key } } } }
     }`,
    { from: { kind: "MACRO_FACTOR", key: node("start") }, to: { kind: "PRICE_MOVE", key: MOVE }, first },
  );

describe("ties", () => {
  it("causalChains lists tied chains by their nodes' element ids, also after more tied chains are told", async () => {
    const expectFirst = async (middles: number) => {
      const ids = await elementIds(Array.from({ length: middles }, (_, i) => node(`m${i}`)));
      const byId = [...ids.entries()].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)).map(([key]) => key);
      const res = await askChains(5);
      expect(res.errors).toBeUndefined();
      expect(res.data!.causalChains.map((c) => c.confidence)).toEqual(Array(5).fill(0.81));
      expect(res.data!.causalChains.map((c) => c.steps[0]!.to.key)).toEqual(byId.slice(0, 5));
    };
    await expectFirst(12);
    // More chains of the same weight, told later: relationships come back from Neo4j in another order.
    await loadArticles(server, articlesTelling(graph("-more"), chainsThrough([12, 13, 14, 15, 16, 17])));
    await expectFirst(18);
  });

  it("explainPriceMove lists, of 60 drivers that tie, the 50 whose chains' nodes come first", async () => {
    const ids = await elementIds(DIRECT.map((hop) => hop.cause));
    const chosen = [...ids.entries()]
      .sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
      .slice(0, 50)
      .map(([key]) => key);
    const res = await postGraphQL<ExplainAnswer>(
      server.url,
      `query ($symbol: String!) {
         explainPriceMove(symbol: $symbol, from: "2026-08-10T00:00:00Z", to: "2026-08-12T00:00:00Z", maxDepth: 1) { drivers { score node { ... on MacroFactor { key } } } }
       }`,
      { symbol: TIED_SYMBOL },
    );
    expect(res.errors).toBeUndefined();
    const drivers = res.data!.explainPriceMove.drivers;
    expect(drivers.map((d) => d.score)).toEqual(Array(50).fill(1.05));
    // Listed by key (they tie on score and chains).
    expect(drivers.map((d) => d.node.key)).toEqual([...chosen].sort());
  });
});

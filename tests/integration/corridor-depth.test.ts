import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articlesTelling, loadArticles, removeFactorGraph, type ToldHop } from "../support/factor-graph.js";
import { uniqueTag } from "../support/ids.js";
import { postGraphQL, useTestServer } from "../support/server.js";

/**
 * A chain whose middle only the start side of the corridor reaches: n0 > n1 > n4 > n2 within 3
 * hops (and n4 > n0 besides). The start side reads two levels (n0's and n1's hops), the goal side
 * the last one; the chain was lost when the goal side's empty frontier after that last level
 * was taken for "nothing left to reach" (found by the property tests of corridor.ts).
 */
const server = useTestServer();
const tag = uniqueTag("depth");
const SYMBOL = `D${tag.slice(-6)}`.toUpperCase();
const node = (i: number) => `${tag}-n${i}`;
const hop = (from: number, to: number): ToldHop => ({ cause: node(from), effect: node(to), confidence: 0.9, outlets: 1 });
const HOPS = [hop(0, 1), hop(1, 4), hop(4, 2), hop(4, 0)];

beforeAll(async () => {
  const span = { startAt: "2026-08-10T12:00:00Z", endAt: "2026-08-11T12:00:00Z" };
  await loadArticles(
    server,
    articlesTelling({ tag, symbol: SYMBOL, move: `${tag}-move`, publishedAt: "2026-08-09T10:00:00Z", moveSpan: span }, HOPS),
  );
}, 60_000);

afterAll(() => removeFactorGraph(server, tag, SYMBOL));

describe("causalChains through a corridor read mostly from its start", () => {
  it("finds the chain whose middle only the start side reached", async () => {
    const res = await postGraphQL<{ causalChains: { confidence: number; steps: { to: { key: string } }[] }[] }>(
      server.url,
      `query($from: String!, $to: String!) {
        causalChains(from: { kind: MACRO_FACTOR, key: $from }, to: { kind: MACRO_FACTOR, key: $to }, maxDepth: 3) {
          confidence steps { to { ... on MacroFactor { key } } }
        }
      }`,
      { from: node(0), to: node(2) },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.causalChains.map((chain) => chain.steps.map((step) => step.to.key))).toEqual([[node(1), node(4), node(2)]]);
    expect(res.data!.causalChains[0]!.confidence).toBeCloseTo(0.729, 9);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bestPaths, weigh, type ClaimFilter, type FoundPath, type WeightedHop } from "../path-search.js";
import { buildGraph, chainsBetween, core, graphSpec, hopsTo, strongerFirst, type Chain, type Graph } from "./graph-fixture.js";

// Reference: every simple chain from `from` to `to` of at most maxDepth hops, enumerated by
// brute force over the whole graph, sorted by the documented order (confidence, outlets,
// length, node ids) and cut to `first`.

const filter = fc.record({ minConfidence: fc.constantFrom(0, 0.3, 0.6), includeConditional: fc.boolean() });

/** Every hop of the graph weighed with the filter, by the node it leaves. */
function weighedOut(graph: Graph, claimFilter: ClaimFilter): Map<string, WeightedHop[]> {
  const out = new Map<string, WeightedHop[]>();
  for (const [from, edges] of graph.out) {
    const weighed = edges
      .map((e) => weigh({ from: e.from, to: e.to, claims: e.claims }, claimFilter))
      .filter((h): h is WeightedHop => h !== null);
    if (weighed.length) out.set(from, weighed);
  }
  return out;
}

const asChain = (path: FoundPath): Chain => ({ nodes: path.nodes, confidence: path.confidence, sources: path.independentSourceCount });

describe("bestPaths", () => {
  it("returns exactly the `first` best simple chains of at most maxDepth hops, in the documented order", () => {
    fc.assert(
      fc.property(
        graphSpec({ minNodes: 2, maxNodes: 8, maxEdges: 28, hubs: [] }),
        fc.nat(99),
        fc.nat(99),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 8 }),
        filter,
        fc.boolean(),
        (spec, from, to, maxDepth, first, claimFilter, exactDistances) => {
          const graph = buildGraph(spec);
          const [start, goal] = [core(from % spec.nodes.length), core(to % spec.nodes.length)];
          fc.pre(start !== goal);
          // Any lower bound of the hops still needed may prune: the true distances, or none.
          const distance = hopsTo(graph, goal, claimFilter);
          const hopsToGoal = (node: string) => (exactDistances ? (distance.get(node) ?? Number.POSITIVE_INFINITY) : 0);
          const { paths, exhausted } = bestPaths(start, goal, weighedOut(graph, claimFilter), hopsToGoal, {
            maxDepth,
            first,
            maxExpansions: 200_000,
          });
          const expected = chainsBetween(graph, start, goal, maxDepth, claimFilter).sort(strongerFirst).slice(0, first);
          expect(exhausted).toBe(true);
          expect(paths.map(asChain)).toEqual(expected);
          // Each kept path's hops are the graph's, in order, and its numbers are theirs.
          for (const path of paths) {
            expect(path.hops.map((h) => [h.from, h.to])).toEqual(path.nodes.slice(1).map((to, i) => [path.nodes[i], to]));
            expect(path.confidence).toBe(path.hops.reduce((c, h) => c * h.confidence, 1));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never returns more than `first` chains, and ties at the cut are decided by node ids, not by discovery order", () => {
    // Every hop equally strong: all chains of the same length tie on everything but their nodes.
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 7 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 2, max: 4 }),
        fc.boolean(),
        (n, first, maxDepth, reversed) => {
          const hop = (from: number, to: number): WeightedHop => ({
            from: core(from),
            to: core(to),
            claims: [],
            confidence: 0.5,
            sources: 1,
          });
          const out = new Map<string, WeightedHop[]>();
          for (let i = 0; i < n; i += 1) {
            const hops = [...Array(n).keys()].filter((j) => j !== i).map((j) => hop(i, j));
            out.set(core(i), reversed ? hops.reverse() : hops);
          }
          const { paths } = bestPaths(core(0), core(n - 1), out, () => 0, { maxDepth, first, maxExpansions: 200_000 });
          const graphChains: Chain[] = [];
          const walk = (nodes: string[], confidence: number) => {
            if (nodes.at(-1) === core(n - 1)) return void graphChains.push({ nodes, confidence, sources: 1 });
            if (nodes.length > maxDepth) return;
            for (const h of out.get(nodes.at(-1)!)!) if (!nodes.includes(h.to)) walk([...nodes, h.to], confidence * 0.5);
          };
          walk([core(0)], 1);
          expect(paths.map(asChain)).toEqual(graphChains.sort(strongerFirst).slice(0, first));
        },
      ),
      { numRuns: 60 },
    );
  });
});

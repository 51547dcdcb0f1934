import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { findCorridor, type Corridor } from "../corridor.js";
import { searchUnderFallingFloors } from "../floors.js";
import type { Floor, HopSource, ReadLevel } from "../hop.js";
import { bestPaths, weigh, type ClaimFilter, type WeightedHop } from "../path-search.js";
import {
  buildGraph,
  chainsBetween,
  core,
  coreIndex,
  graphSpec,
  memoryReader,
  noStats,
  rawScore,
  strongerFirst,
  type Chain,
  type Graph,
} from "./graph-fixture.js";

// Reference: every simple chain from `from` to `to` of at most maxDepth hops over the whole
// graph, enumerated by brute force. The search reads the graph level by level through an
// in-memory ReadLevel, under floors wherever a level (next to a hub of FLOOR_ABOVE_HOPS+ hops)
// is large.

const MAX_EXPANSIONS = 200_000;

/** A causalChains question over a random graph with hubs, whose ends are often the hubs. */
const question = fc.record({
  spec: graphSpec({ minNodes: 3, maxNodes: 7, maxEdges: 16, hubs: ["out", "in"] }),
  from: coreIndex,
  /** The goal, as an offset from the start: never the start itself. */
  to: coreIndex,
  maxDepth: fc.integer({ min: 1, max: 4 }),
  first: fc.oneof(fc.integer({ min: 1, max: 6 }), fc.constant(200)),
  minConfidence: fc.constantFrom(0, 0, 0.3, 0.55, 0.75),
  includeConditional: fc.boolean(),
  source: fc.constantFrom("summary", "current", "asOf"),
});
type Question = typeof question extends fc.Arbitrary<infer Q> ? Q : never;

/** The question's graph (hubs placed at an end go to its start and goal) and its ends. */
function graphOf(q: Question): { graph: Graph; start: string; goal: string } {
  const n = q.spec.nodes.length;
  const [from, to] = [q.from % n, (q.from + 1 + (q.to % (n - 1))) % n];
  return { graph: buildGraph(q.spec, { out: from, in: to }), start: core(from), goal: core(to) };
}

/** The source causalChains reads (summaries only serve a question without a confidence minimum). */
function sourceOf(q: Question): HopSource {
  if (q.source === "asOf") return { kind: "asOf", asOf: "2026-01-01T00:00:00Z" };
  return q.source === "summary" && q.minConfidence === 0
    ? { kind: "summary", includeConditional: q.includeConditional }
    : { kind: "current" };
}

/**
 * findCausalChains (causal-chains.repository.ts) with the level reader given: corridor,
 * best-first search, falling floors, exactness.
 */
async function causalChains(readLevel: ReadLevel, graph: Graph, q: Question, start: string, goal: string, seed: number | null) {
  const filter: ClaimFilter = { minConfidence: q.minConfidence, includeConditional: q.includeConditional };
  const source = sourceOf(q);
  const found = await searchUnderFallingFloors(
    "confidence",
    q.minConfidence,
    async (floor) => {
      const corridor = await findCorridor(readLevel, {
        start: graph.met(start),
        goal: graph.met(goal),
        maxDepth: q.maxDepth,
        source,
        limits: { minConfidence: q.minConfidence },
        floor,
        filter,
      });
      const out = new Map<string, WeightedHop[]>();
      for (const [from, hops] of corridor.out) {
        const weighted = hops.map((hop) => weigh(hop, filter)).filter((hop): hop is WeightedHop => hop !== null);
        if (weighted.length) out.set(from, weighted);
      }
      const { paths, exhausted } = bestPaths(start, goal, out, corridor.hopsToGoal, {
        maxDepth: q.maxDepth,
        first: q.first,
        maxExpansions: MAX_EXPANSIONS,
      });
      const exact = !exhausted || (floor !== null && paths.length >= q.first && paths[q.first - 1]!.confidence >= floor.value);
      return { result: { paths }, exact, weakest: corridor.weakest };
    },
    seed,
  );
  return {
    chains: found.paths.map((p): Chain => ({ nodes: p.nodes, confidence: p.confidence, sources: p.independentSourceCount })),
  };
}

/** Whether the best-first search over the corridor can find `chain`: its hops were read, and no node on it is further from the goal than the chain allows. */
function corridorHolds(corridor: Corridor, chain: Chain, maxDepth: number): boolean {
  return chain.nodes.slice(1).every((to, i) => {
    const from = chain.nodes[i]!;
    return (corridor.out.get(from) ?? []).some((hop) => hop.to === to) && i + 1 + corridor.hopsToGoal(to) <= maxDepth;
  });
}

// Totals over every run: the properties must have met large levels and left hops out.
const totals = noStats();

describe("causal chains over a corridor read level by level", () => {
  it("are exactly the best chains over the whole graph, whatever the seed floor", async () => {
    await fc.assert(
      fc.asyncProperty(
        question,
        fc.option(fc.constantFrom(0.2, 0.42, 0.5, 0.64, 0.8, 0.9, 0.95, 1, 1.2), { nil: null }),
        async (q, seed) => {
          const { graph, start, goal } = graphOf(q);
          const filter = { minConfidence: q.minConfidence, includeConditional: q.includeConditional };
          const expected = chainsBetween(graph, start, goal, q.maxDepth, filter).sort(strongerFirst).slice(0, q.first);
          const found = await causalChains(memoryReader(graph, totals), graph, q, start, goal, seed);
          expect(found.chains).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("under any floor, keep every chain at least as strong as the floor, and leave out nothing stronger than `weakest`", async () => {
    await fc.assert(
      fc.asyncProperty(
        question,
        fc.record({
          by: fc.constantFrom("confidence" as const, "score" as const),
          value: fc.double({ min: 0.05, max: 1.6, noNaN: true }),
          atChain: fc.option(fc.nat(), { nil: null }),
        }),
        async (q, drawn) => {
          const { graph, start, goal } = graphOf(q);
          const filter = { minConfidence: q.minConfidence, includeConditional: q.includeConditional };
          const chains = chainsBetween(graph, start, goal, q.maxDepth, filter);
          const measure = (chain: Chain) => (drawn.by === "confidence" ? chain.confidence : rawScore(chain));
          // Often exactly at a chain's measure: a chain at the floor must be kept.
          const floor: Floor = {
            by: drawn.by,
            value: drawn.atChain !== null && chains.length ? measure(chains[drawn.atChain % chains.length]!) : drawn.value,
          };
          const corridor = await findCorridor(memoryReader(graph, totals), {
            start: graph.met(start),
            goal: graph.met(goal),
            maxDepth: q.maxDepth,
            source: sourceOf(q),
            limits: { minConfidence: q.minConfidence },
            floor,
            filter,
          });
          for (const chain of chains) {
            if (corridorHolds(corridor, chain, q.maxDepth)) continue;
            const left = `chain ${chain.nodes.join(" > ")} left out`;
            expect(measure(chain), left).toBeLessThan(floor.value);
            expect(corridor.weakest, left).not.toBeNull();
            expect(measure(chain), left).toBeLessThanOrEqual(corridor.weakest! + 1e-9);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("with no floor, read every chain", async () => {
    await fc.assert(
      fc.asyncProperty(question, async (q) => {
        const { graph, start, goal } = graphOf(q);
        const filter = { minConfidence: q.minConfidence, includeConditional: q.includeConditional };
        const corridor = await findCorridor(memoryReader(graph), {
          start: graph.met(start),
          goal: graph.met(goal),
          maxDepth: q.maxDepth,
          source: sourceOf(q),
          limits: { minConfidence: q.minConfidence },
          floor: null,
          filter,
        });
        expect(corridor.weakest).toBeNull();
        for (const chain of chainsBetween(graph, start, goal, q.maxDepth, filter))
          expect(corridorHolds(corridor, chain, q.maxDepth)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  // A fault these properties found: hopsToGoal took the goal side's empty frontier after the
  // last level for "nothing left to reach" and dropped chains through nodes only the start side met.
  it("find a chain whose middle only the start side reached, when the goal side reads the last level", async () => {
    // n0 > n1 > n4 > n2 within 3 hops: the start side reads n0's and n1's hops, the goal side (n2's one hop in) the last level.
    const claims = [{ confidence: 0.9, domain: "a.example", conditional: false, publishedAt: 0 }];
    const edges = [
      [4, 0],
      [4, 2],
      [0, 1],
      [1, 4],
    ].map(([from, to]) => ({ from: from!, to: to!, claims }));
    const graph = buildGraph({ nodes: Array.from({ length: 5 }, () => ({ time: null, span: 0 })), edges, hubs: [] });
    const q: Question = {
      spec: { nodes: [], edges: [], hubs: [] },
      from: 0,
      to: 2,
      maxDepth: 3,
      first: 5,
      minConfidence: 0,
      includeConditional: false,
      source: "summary",
    };
    const found = await causalChains(memoryReader(graph), graph, q, "n0", "n2", null);
    expect(found.chains.map((c) => c.nodes)).toEqual([["n0", "n1", "n4", "n2"]]);
  });

  afterAll(() => {
    // The graphs had hubs: some levels were read under a floor and left hops out.
    expect(totals.floored).toBeGreaterThan(0);
    expect(totals.leftOut).toBeGreaterThan(0);
  });
});

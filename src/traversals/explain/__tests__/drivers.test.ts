import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { reachBackward } from "../../causal/corridor.js";
import { RisingFloor, searchUnderFallingFloors } from "../../causal/floors.js";
import type { Floor, Hop, HopSource, HopLimits, ReachedNode, ReadLevel } from "../../causal/hop.js";
import type { ClaimFilter } from "../../causal/path-search.js";
import {
  buildGraph,
  chainsInto,
  core,
  coreIndex,
  graphSpec,
  memoryReader,
  noStats,
  rawScore,
  type Chain,
  type Edge,
  type Graph,
} from "../../causal/__tests__/graph-fixture.js";
import { knownDriversFloor, pathScore, searchDrivers, type Target } from "../driver-search.js";
import { LevelsRead } from "../levels-read.js";

// Reference: every simple chain of 1 to maxDepth hops into each target (the asset's moves and the
// asset), enumerated by brute force over the whole graph, under searchDrivers' time rule: no hop
// whose cause happened after the node it leads to was over, or after its target's end. A
// driver's score is the best pathScore among its chains. The search reads the graph level by
// level through an in-memory ReadLevel, under floors wherever a level (next to a hub) is large.

/** As explain.service.ts: one filter object for every chain into a move. */
const ANY_CLAIM: ClaimFilter = { minConfidence: 0, includeConditional: false };

/** An explanation over a random graph: moves n0 (and n1), the asset after them, hubs often into a target. */
const explanation = fc.record({
  spec: graphSpec({ minNodes: 4, maxNodes: 7, maxEdges: 18, hubs: ["in"] }),
  moves: fc.array(fc.record({ start: fc.integer({ min: 0, max: 10 }), span: fc.integer({ min: 0, max: 4 }) }), {
    minLength: 1,
    maxLength: 2,
  }),
  articlesFrom: fc.integer({ min: 0, max: 10 }),
  articlesDays: fc.integer({ min: 0, max: 6 }),
  /** Which target a hub placed at an end goes into. */
  hubTarget: fc.nat(2),
  depth: fc.integer({ min: 1, max: 4 }),
  maxDrivers: fc.integer({ min: 1, max: 6 }),
  seed: fc.option(fc.constantFrom(0.3, 0.6, 0.9, 1.2, 1.6, 2), { nil: null }),
});
type Explanation = typeof explanation extends fc.Arbitrary<infer E> ? E : never;

interface Case {
  readonly graph: Graph;
  readonly moves: readonly { id: string; endsAt: number }[];
  readonly asset: string;
  readonly window: { readonly to: number; readonly articlesFrom: number; readonly articlesTo: number };
}

function caseOf(e: Explanation): Case {
  const targets = e.moves.length + 1;
  const graph = buildGraph(e.spec, { out: 0, in: e.hubTarget % targets });
  const moves = e.moves.map((m, i) => {
    graph.setNode({ id: core(i), time: m.start, end: m.start + m.span });
    return { id: core(i), endsAt: m.start + m.span };
  });
  const asset = core(e.moves.length);
  graph.setNode({ id: asset, time: null, end: null });
  const articlesTo = Math.min(10, e.articlesFrom + e.articlesDays);
  return { graph, moves, asset, window: { to: articlesTo, articlesFrom: e.articlesFrom, articlesTo } };
}

const assetFilterOf = (c: Case): ClaimFilter => ({
  ...ANY_CLAIM,
  accept: (claim) => claim.publishedAt >= c.window.articlesFrom && claim.publishedAt <= c.window.articlesTo,
});

/** Times the rising floor rose, over every run. */
let raised = 0;

/** explainMoves' search (explain.service.ts) with the level reader given: both sides, the rising floor, falling floors, exactness. */
async function explain(readLevel: ReadLevel, c: Case, depth: number, maxDrivers: number, seed: number | null) {
  const limitsOf = { maxDrivers, pathsPerDriver: 5, maxExpansions: 200_000 };
  const latestEnd = Math.max(c.window.to, ...c.moves.map((m) => m.endsAt));
  const assetFilter = assetFilterOf(c);
  const explained = new Set([...c.moves.map((m) => m.id), c.asset]);
  const targetNodes = new Map<string, ReachedNode>([...explained].map((id) => [id, c.graph.nodes.get(id)!]));
  const { searched } = await searchUnderFallingFloors(
    "score",
    0,
    async (start) => {
      const targetsOf = (side: "moves" | "asset", into: ReadonlyMap<string, readonly Hop[]>): Target[] =>
        side === "moves"
          ? c.moves.map((m) => ({ id: m.id, filter: ANY_CLAIM, endsAt: m.endsAt, into }))
          : [{ id: c.asset, filter: assetFilter, endsAt: c.window.to, into }];
      const floor = new RisingFloor(start);
      const movesRead = new LevelsRead();
      const raiseBy = (
        side: "moves" | "asset",
        read: { into: ReadonlyMap<string, readonly Hop[]>; nodes: ReadonlyMap<string, ReachedNode> },
      ) => {
        if (floor.value === null) return;
        const before = floor.value.value;
        const known = new Map([...targetNodes, ...read.nodes]);
        floor.raise(
          knownDriversFloor(targetsOf(side, read.into), known, explained, {
            maxDepth: depth,
            maxDrivers: maxDrivers + 1,
            pathsPerDriver: 1,
            maxExpansions: 20_000,
          }),
        );
        if (floor.value.value > before) raised += 1;
      };
      const [toMoves, toAsset] = await Promise.all([
        reachBackward(readLevel, {
          targets: c.moves.map((m) => m.id),
          maxDepth: depth,
          source: { kind: "summary", includeConditional: ANY_CLAIM.includeConditional },
          limits: { minConfidence: 0, notAfter: latestEnd },
          floor,
          filter: ANY_CLAIM,
          afterLevel: (read, level) => {
            raiseBy("moves", read);
            movesRead.finished(level);
          },
          onEnd: () => movesRead.end(),
        }),
        reachBackward(readLevel, {
          targets: [c.asset],
          maxDepth: depth,
          source: { kind: "current" },
          limits: { minConfidence: 0, notAfter: c.window.to, publishedWithin: { from: c.window.articlesFrom, to: c.window.articlesTo } },
          floor,
          filter: assetFilter,
          afterLevel: (read, level) => {
            raiseBy("asset", read);
            return movesRead.reached(Math.min(level + 1, depth - 2));
          },
        }),
      ]);
      const met = new Map([...toMoves.nodes, ...toAsset.nodes, ...targetNodes]);
      const targets = [...targetsOf("moves", toMoves.into), ...targetsOf("asset", toAsset.into)];
      const { drivers, stoppedAt, ranOut } = searchDrivers(targets, met, explained, { maxDepth: depth, ...limitsOf });
      const weakest = toMoves.weakest === null ? toAsset.weakest : Math.max(toMoves.weakest, toAsset.weakest ?? 0);
      const applied = floor.value;
      const exact = ranOut || (applied !== null && stoppedAt !== null && stoppedAt > applied.value);
      return { result: { searched: drivers }, exact, weakest };
    },
    seed,
  );
  return searched;
}

/** A hop `edge` may extend `chain` (cause first) toward `target`: its cause did not happen after the node it enters was over, nor after the target's end. */
const inTime = (graph: Graph, endsAt: number) => (edge: Edge, chain: readonly string[]) => {
  const cause = graph.nodes.get(edge.from)!.time;
  return cause === null || cause <= Math.min(endsAt, graph.nodes.get(chain[0]!)!.end ?? Number.POSITIVE_INFINITY);
};

/** Every driver's best score over every chain into every target. */
function bestScores(c: Case, depth: number): Map<string, number> {
  const explained = new Set([...c.moves.map((m) => m.id), c.asset]);
  const targets = [
    ...c.moves.map((m) => ({ id: m.id, filter: ANY_CLAIM, endsAt: m.endsAt })),
    { id: c.asset, filter: assetFilterOf(c), endsAt: c.window.to },
  ];
  const best = new Map<string, number>();
  for (const target of targets) {
    for (const chain of chainsInto(c.graph, target.id, depth, target.filter, inTime(c.graph, target.endsAt))) {
      const driver = chain.nodes[0]!;
      if (explained.has(driver)) continue;
      const score = pathScore({ confidence: chain.confidence, independentSourceCount: chain.sources });
      best.set(driver, Math.max(best.get(driver) ?? 0, score));
    }
  }
  return best;
}

const totals = noStats();

describe("explanations' drivers over levels read backwards", () => {
  it("are the best-scoring drivers over every chain into the moves and the asset, with their best scores, whatever the seed floor", async () => {
    await fc.assert(
      fc.asyncProperty(explanation, async (e) => {
        const c = caseOf(e);
        const found = await explain(memoryReader(c.graph, totals), c, e.depth, e.maxDrivers, e.seed);
        const best = bestScores(c, e.depth);
        const listed = found.map((d) => ({ node: d.node, score: pathScore(d.paths[0]!) }));
        expect(listed.length).toBe(Math.min(e.maxDrivers, best.size));
        // Each listed driver with its best score, best first.
        expect(listed).toEqual(listed.map(({ node }) => ({ node, score: best.get(node) })));
        listed.slice(1).forEach((d, i) => expect(d.score).toBeLessThanOrEqual(listed[i]!.score));
        // No driver scoring above the last listed is missing (ties with it may go either way).
        const cut = listed.at(-1)?.score ?? Number.NEGATIVE_INFINITY;
        const names = new Set(listed.map((d) => d.node));
        for (const [node, score] of best)
          if (score > cut || best.size <= e.maxDrivers) expect(names.has(node), `driver ${node} (${score}) missing`).toBe(true);
        // Its chains run from it into a target, best first.
        for (const driver of found) {
          expect(driver.paths.length).toBeLessThanOrEqual(5);
          for (const path of driver.paths)
            expect([path.nodes[0], c.moves.some((m) => m.id === path.nodes.at(-1)) || c.asset === path.nodes.at(-1)]).toEqual([
              driver.node,
              true,
            ]);
          driver.paths.slice(1).forEach((p, i) => expect(pathScore(p)).toBeLessThanOrEqual(pathScore(driver.paths[i]!)));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("under any floor, read every chain into the targets at least as strong as the floor, and leave out nothing stronger than `weakest`", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          spec: graphSpec({ minNodes: 3, maxNodes: 7, maxEdges: 18, hubs: ["in"] }),
          targets: fc.uniqueArray(coreIndex, { minLength: 1, maxLength: 2, selector: (i) => i % 3 }),
          depth: fc.integer({ min: 1, max: 4 }),
          windowed: fc.option(fc.record({ from: fc.integer({ min: 0, max: 10 }), days: fc.integer({ min: 0, max: 6 }) }), { nil: null }),
          notAfter: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
          floor: fc.option(
            fc.record({
              by: fc.constantFrom("confidence" as const, "score" as const),
              value: fc.double({ min: 0.05, max: 2.5, noNaN: true }),
              atChain: fc.option(fc.nat(), { nil: null }),
            }),
            { nil: null },
          ),
        }),
        async (q) => {
          const targets = [...new Set(q.targets.map((i) => core(i % 3)))];
          const graph = buildGraph(q.spec, { out: 0, in: q.targets[0]! % 3 });
          const window = q.windowed && { from: q.windowed.from, to: q.windowed.from + q.windowed.days };
          // Summaries for the plain filter; claims where the window must test them, as the asset's side reads.
          const filter: ClaimFilter = window
            ? { ...ANY_CLAIM, accept: (claim) => claim.publishedAt >= window.from && claim.publishedAt <= window.to }
            : ANY_CLAIM;
          const source: HopSource = window ? { kind: "current" } : { kind: "summary", includeConditional: false };
          const limits: HopLimits = {
            minConfidence: 0,
            ...(q.notAfter !== undefined ? { notAfter: q.notAfter } : {}),
            ...(window ? { publishedWithin: window } : {}),
          };
          const notAfter = q.notAfter ?? Number.POSITIVE_INFINITY;
          const chains = targets.flatMap((target) =>
            chainsInto(graph, target, q.depth, filter, (edge) => (graph.nodes.get(edge.from)!.time ?? 0) <= notAfter),
          );
          const measure = (chain: Chain) => (q.floor?.by === "confidence" ? chain.confidence : rawScore(chain));
          // Often exactly at a chain's measure: a chain at the floor must be kept.
          const at = q.floor?.atChain ?? null;
          const floor: Floor | null = q.floor && {
            by: q.floor.by,
            value: at !== null && chains.length ? measure(chains[at % chains.length]!) : q.floor.value,
          };
          const read = await reachBackward(memoryReader(graph, totals), {
            targets,
            maxDepth: q.depth,
            source,
            limits,
            floor: new RisingFloor(floor),
            filter,
          });
          const held = (chain: Chain) =>
            chain.nodes.slice(1).every((to, i) => (read.into.get(to) ?? []).some((hop) => hop.from === chain.nodes[i]));
          for (const chain of chains) {
            if (held(chain)) continue;
            const left = `chain ${chain.nodes.join(" > ")} left out`;
            expect(floor, left).not.toBeNull();
            expect(measure(chain), left).toBeLessThan(floor!.value);
            expect(read.weakest, left).not.toBeNull();
            expect(measure(chain), left).toBeLessThanOrEqual(read.weakest! + 1e-9);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  afterAll(() => {
    // The graphs had hubs: levels were read under a floor, left hops out, and the floor rose.
    expect(totals.floored).toBeGreaterThan(0);
    expect(totals.leftOut).toBeGreaterThan(0);
    expect(raised).toBeGreaterThan(0);
  });
});

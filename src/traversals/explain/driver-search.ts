import { Heap } from "../causal/heap.js";
import type { Hop, ReachedNode } from "../causal/hop.js";
import { byNodes, byStrength, weigh, type ClaimFilter, type FoundPath, type WeightedHop } from "../causal/path-search.js";

/** Scores are rounded to millionths (see pathScore). */
const SCORE_STEP = 1e-6;

/** What one chain says for its driver: its confidence × (1 + 0.5 × (independent outlets − 1)), both of this chain, rounded to SCORE_STEP. */
export function pathScore(path: Pick<FoundPath, "confidence" | "independentSourceCount">): number {
  return Math.round(path.confidence * (1 + 0.5 * (path.independentSourceCount - 1)) * 1e6) / 1e6;
}

/** Something a chain may end at: a price move, or the asset itself, with the claims and times it admits. */
export interface Target {
  readonly id: string;
  readonly filter: ClaimFilter;
  /** No node of its chains may have happened after this instant (epoch ms). */
  readonly endsAt: number;
  /** The hops its chains may take, by the node they enter: read for it (with claims its filter can weigh, or summaries). */
  readonly into: ReadonlyMap<string, readonly Hop[]>;
}

export interface DriverSearchLimits {
  readonly maxDepth: number;
  readonly maxDrivers: number;
  readonly pathsPerDriver: number;
  readonly maxExpansions: number;
}

/** A driver and its chains, best-scoring first. */
export interface FoundDriver {
  readonly node: string;
  readonly paths: FoundPath[];
}

interface Partial extends FoundPath {
  readonly target: Target;
  readonly score: number;
}

/**
 * The drivers of the targets: every node with a chain of at most maxDepth hops into a target,
 * found by a best-first search backwards from the targets. Extending a chain backwards never
 * raises its score (confidences are at most 1, the weakest hop's outlets never grow), so chains
 * leave the queue best first: a driver's first chain is its best. The search stops once
 * maxDrivers drivers are known and no chain left can beat the last of them, or after
 * maxExpansions chains (`ranOut`); `stoppedAt` is the score of the best chain it left
 * unexamined (null when it examined them all). Nodes being explained are never drivers themselves.
 * No chain takes a hop whose cause happened (see ReachedNode.time) after the node it leads to
 * was over, or after its target's endsAt: an event after a move ended did not cause it.
 */
export function searchDrivers(
  targets: readonly Target[],
  nodes: ReadonlyMap<string, ReachedNode>,
  explained: ReadonlySet<string>,
  limits: DriverSearchLimits,
): { drivers: FoundDriver[]; stoppedAt: number | null; ranOut: boolean } {
  // Chains that tie on score and confidence leave in the order of their nodes (byNodes): which
  // of several tied drivers make the list is the same on every request.
  const queue = new Heap<Partial>(
    (a, b) =>
      a.score > b.score ||
      (a.score === b.score && (a.confidence > b.confidence || (a.confidence === b.confidence && byNodes(a.nodes, b.nodes) < 0))),
  );
  for (const target of targets)
    queue.push({ target, nodes: [target.id], hops: [], confidence: 1, independentSourceCount: Infinity, score: Infinity });
  const drivers = new Map<string, FoundPath[]>();
  const order: string[] = [];
  let stoppedAt: number | null = null;
  let ranOut = false;
  for (let expansions = 0; queue.size > 0; expansions += 1) {
    if (expansions >= limits.maxExpansions) {
      stoppedAt = queue.peek()!.score;
      ranOut = true;
      break;
    }
    const chain = queue.pop()!;
    const head = chain.nodes[0]!;
    if (chain.hops.length > 0 && !explained.has(head)) {
      if (!drivers.has(head)) {
        if (order.length >= limits.maxDrivers) {
          stoppedAt = chain.score;
          break;
        }
        drivers.set(head, []);
        order.push(head);
      }
      const paths = drivers.get(head)!;
      if (paths.length < limits.pathsPerDriver) paths.push(chain);
    }
    if (chain.hops.length >= limits.maxDepth) continue;
    // A cause happened before what it leads to was over, and before the target was.
    const until = Math.min(chain.target.endsAt, nodes.get(head)?.end ?? Number.POSITIVE_INFINITY);
    for (const hop of chain.target.into.get(head) ?? []) {
      const time = nodes.get(hop.from)?.time;
      if (chain.nodes.includes(hop.from) || (time !== null && time !== undefined && time > until)) continue;
      const weighted = weigh(hop, chain.target.filter);
      if (weighted) queue.push(extend(chain, weighted));
    }
  }
  return {
    drivers: order.map((node) => ({ node, paths: drivers.get(node)!.sort((a, b) => pathScore(b) - pathScore(a) || byStrength(a, b)) })),
    stoppedAt,
    ranOut,
  };
}

/**
 * A score the drivers' search may be raised to while its hops are still being read: one
 * SCORE_STEP below the score of the `limits.maxDrivers`-th best driver among the chains the
 * hops read so far already make (real chains, by searchDrivers' rules), or null when they make
 * fewer. Reading more hops only adds chains, so the answer's `limits.maxDrivers`-th best driver
 * scores at least that; the step keeps every chain whose rounded score ties with it (its
 * unrounded score may be half a step lower).
 */
export function knownDriversFloor(
  targets: readonly Target[],
  nodes: ReadonlyMap<string, ReachedNode>,
  explained: ReadonlySet<string>,
  limits: DriverSearchLimits,
): number | null {
  const { drivers } = searchDrivers(targets, nodes, explained, limits);
  return drivers.length >= limits.maxDrivers ? pathScore(drivers.at(-1)!.paths[0]!) - SCORE_STEP : null;
}

function extend(chain: Partial, hop: WeightedHop): Partial {
  const confidence = chain.confidence * hop.confidence;
  const independentSourceCount = Math.min(chain.independentSourceCount, hop.sources);
  return {
    target: chain.target,
    nodes: [hop.from, ...chain.nodes],
    hops: [hop, ...chain.hops],
    confidence,
    independentSourceCount,
    score: pathScore({ confidence, independentSourceCount }),
  };
}

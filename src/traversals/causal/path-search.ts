import { Heap } from "./heap.js";
import type { Hop, HopClaim } from "./hop.js";

/** Which of a hop's claims a question may use. */
export interface ClaimFilter {
  readonly minConfidence: number;
  readonly includeConditional: boolean;
  /** A further test, e.g. the article window of an explanation. */
  readonly accept?: (claim: HopClaim) => boolean;
}

/** A hop as a search weighs it: its usable claims (most confident first), their best confidence and their outlets. */
export interface WeightedHop {
  readonly from: string;
  readonly to: string;
  readonly claims: readonly HopClaim[];
  readonly confidence: number;
  /** Distinct publishing domains among the usable claims. */
  readonly sources: number;
}

/**
 * The hop with only the claims the filter accepts; null when none is left. A hop read as a
 * summary (no claims) has its weight for the plain filter it was read for, and its claims are
 * read later for the chains kept (withClaims); callers read hops in full wherever a filter has
 * an `accept` test, so a summary hop has no claim such a test admits.
 */
export function weigh(hop: Hop, filter: ClaimFilter): WeightedHop | null {
  // A search weighs a hop each time a chain reaches it: once per hop and filter is enough.
  let byHop = weighed.get(filter);
  if (!byHop) weighed.set(filter, (byHop = new WeakMap()));
  const known = byHop.get(hop);
  if (known !== undefined) return known;
  const weight = weighNow(hop, filter);
  byHop.set(hop, weight);
  return weight;
}

/** Weights already computed, by filter and hop (both immutable). */
const weighed = new WeakMap<ClaimFilter, WeakMap<Hop, WeightedHop | null>>();

function weighNow(hop: Hop, filter: ClaimFilter): WeightedHop | null {
  if (!hop.claims) {
    const summary = hop.summary!;
    if (filter.accept) return null;
    if (filter.minConfidence > 0 || filter.includeConditional !== summary.includeConditional) {
      throw new Error("a hop read as a summary weighed with a filter other than the one it was read for");
    }
    return { from: hop.from, to: hop.to, claims: [], confidence: summary.confidence, sources: summary.sources };
  }
  const claims = hop.claims
    .filter((c) => c.confidence >= filter.minConfidence && (filter.includeConditional || !c.conditional) && (filter.accept?.(c) ?? true))
    .sort((a, b) => b.confidence - a.confidence || (a.id < b.id ? -1 : 1));
  if (claims.length === 0) return null;
  return { from: hop.from, to: hop.to, claims, confidence: claims[0]!.confidence, sources: new Set(claims.map((c) => c.domain)).size };
}

/**
 * The paths with the claims of every hop read as a summary filled in from `claims` (by
 * "from>to", see readPathDetails), weighed with the filter they were searched with; the
 * weights stay the summaries' (LEADS_TO keeps both in step).
 */
export function withClaims<P extends FoundPath>(
  paths: readonly P[],
  claims: ReadonlyMap<string, readonly HopClaim[]>,
  filter: ClaimFilter,
): P[] {
  // Paths share hops: each pair's claims are filtered and ordered once.
  const usable = new Map<string, readonly HopClaim[]>();
  const usableOf = (from: string, to: string) => {
    const pair = `${from}>${to}`;
    let found = usable.get(pair);
    if (!found) usable.set(pair, (found = weighNow({ from, to, claims: claims.get(pair) ?? [] }, filter)?.claims ?? []));
    return found;
  };
  return paths.map((path) => ({
    ...path,
    hops: path.hops.map((hop) => (hop.claims.length > 0 ? hop : { ...hop, claims: usableOf(hop.from, hop.to) })),
  }));
}

/** The hops read as summaries among the paths' (no claims yet), each pair once. */
export function summaryHops(paths: readonly FoundPath[]): { from: string; to: string }[] {
  const pairs = new Map<string, { from: string; to: string }>();
  for (const path of paths)
    for (const hop of path.hops) if (hop.claims.length === 0) pairs.set(`${hop.from}>${hop.to}`, { from: hop.from, to: hop.to });
  return [...pairs.values()];
}

/** A chain of hops: confidence is the product of the hops', sources the fewest behind any hop. */
export interface FoundPath {
  readonly nodes: readonly string[];
  readonly hops: readonly WeightedHop[];
  readonly confidence: number;
  readonly independentSourceCount: number;
}

/**
 * Best first: more confident, then better corroborated, then shorter; chains that tie on all
 * three by their nodes' ids (see byNodes), so ties come in the same order on every request.
 */
export function byStrength(a: FoundPath, b: FoundPath): number {
  return (
    b.confidence - a.confidence ||
    b.independentSourceCount - a.independentSourceCount ||
    a.hops.length - b.hops.length ||
    byNodes(a.nodes, b.nodes)
  );
}

/**
 * A fixed order of chains that tie on their weights: by their nodes' element ids, node by node
 * (as strings), a shorter chain first where one is the other's start. Negative when `a` comes first.
 */
export function byNodes(a: readonly string[], b: readonly string[]): number {
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i += 1) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return a.length - b.length;
}

export interface SearchLimits {
  readonly maxDepth: number;
  /** How many paths to return. */
  readonly first: number;
  /** Partial paths popped at the most: bounds the work of one search whatever the graph. */
  readonly maxExpansions: number;
}

/**
 * The `first` most confident simple paths from `start` to `goal` of at most maxDepth hops,
 * exactly (not a sample): a best-first search over partial paths. Every hop's confidence is at
 * most 1, so extending a path never raises its confidence, and paths leave the queue in
 * confidence order; paths tied with the last one kept are all gathered, then ranked by
 * byStrength. `hopsToGoal(node)` is a lower bound of the hops still needed from a node (or
 * Infinity): partial paths that cannot arrive within maxDepth are never queued.
 */
export function bestPaths(
  start: string,
  goal: string,
  out: ReadonlyMap<string, readonly WeightedHop[]>,
  hopsToGoal: (node: string) => number,
  limits: SearchLimits,
): { paths: FoundPath[]; exhausted: boolean } {
  const found: FoundPath[] = [];
  const queue = new Heap<FoundPath>((a, b) => a.confidence > b.confidence);
  queue.push({ nodes: [start], hops: [], confidence: 1, independentSourceCount: Number.POSITIVE_INFINITY });
  let expansions = 0;
  while (queue.size > 0) {
    const worstKept = found.length >= limits.first ? found[limits.first - 1]!.confidence : -1;
    if (queue.peek()!.confidence < worstKept) break;
    if (++expansions > limits.maxExpansions) return { paths: rank(found, limits.first), exhausted: false };
    const path = queue.pop()!;
    const at = path.nodes.at(-1)!;
    if (at === goal) {
      found.push(path);
      continue;
    }
    for (const hop of out.get(at) ?? []) {
      if (path.nodes.includes(hop.to) || path.hops.length + 1 + hopsToGoal(hop.to) > limits.maxDepth) continue;
      queue.push({
        nodes: [...path.nodes, hop.to],
        hops: [...path.hops, hop],
        confidence: path.confidence * hop.confidence,
        independentSourceCount: Math.min(path.independentSourceCount, hop.sources),
      });
    }
  }
  return { paths: rank(found, limits.first), exhausted: true };
}

function rank(paths: FoundPath[], first: number): FoundPath[] {
  return [...paths].sort(byStrength).slice(0, first);
}

import fc from "fast-check";
import {
  FLOOR_ABOVE_HOPS,
  hopBound,
  leastClearing,
  UNREACHED,
  type Hop,
  type HopClaim,
  type HopSource,
  type LevelRequest,
  type MetNode,
  type ReachedNode,
  type ReadLevel,
} from "../hop.js";
import type { ClaimFilter } from "../path-search.js";

// Shared by the causal and explain property tests: random small graphs with optional hubs
// (FLOOR_ABOVE_HOPS + a few leaves, so floors apply), an in-memory ReadLevel that honours the
// contract on ReadLevel (hop.ts) as expandHops does (without the STRONG_LEADS_TO shortcut), and
// the reference: every chain, enumerated by brute force.

/** One LEADS_TO: every claim of the pair. */
export interface Edge {
  readonly from: string;
  readonly to: string;
  readonly claims: readonly HopClaim[];
}

export class Graph {
  readonly nodes = new Map<string, ReachedNode>();
  readonly out = new Map<string, Edge[]>();
  readonly into = new Map<string, Edge[]>();

  setNode(node: ReachedNode): void {
    this.nodes.set(node.id, node);
  }

  /** Adds the pair's LEADS_TO unless it is a loop or the pair has one already. */
  addEdge(from: string, to: string, claims: readonly ClaimSpec[]): void {
    if (from === to || (this.out.get(from) ?? []).some((e) => e.to === to)) return;
    const edge = { from, to, claims: claims.map((c, i) => ({ id: `${from}>${to}#${i}`, ...c })) };
    this.out.set(from, [...(this.out.get(from) ?? []), edge]);
    this.into.set(to, [...(this.into.get(to) ?? []), edge]);
  }

  degree(id: string, direction: "forward" | "backward"): number {
    return ((direction === "forward" ? this.out : this.into).get(id) ?? []).length;
  }

  /** The node as findNodes returns it. */
  met(id: string): MetNode {
    return {
      ...this.nodes.get(id)!,
      label: "Event",
      key: id,
      outDegree: this.degree(id, "forward"),
      inDegree: this.degree(id, "backward"),
    };
  }
}

// ---- Random graphs ----

export interface ClaimSpec {
  readonly confidence: number;
  readonly domain: string;
  readonly conditional: boolean;
  readonly publishedAt: number;
}
interface NodeSpec {
  readonly time: number | null;
  readonly span: number;
}
interface LeafSpec {
  readonly claims: ClaimSpec[];
  /** A core node the leaf also links to (from it, for a hub whose leaves lead into it). */
  readonly link: number | null;
  readonly linkClaims: ClaimSpec[];
  readonly time: number | null;
}
interface HubSpec {
  readonly at: number;
  /** Placed at the question's end instead (see buildGraph): hubs matter most there. */
  readonly atEnd: boolean;
  /** "out": the hub leads to its leaves; "in": its leaves lead to it. */
  readonly direction: "out" | "in";
  /** Leaves beyond FLOOR_ABOVE_HOPS (a few below too: such a level is read whole). */
  readonly extra: number;
  /** Leaf j is shaped like leaves[j % length]. */
  readonly leaves: LeafSpec[];
  /** Only the first `linked` leaves get their link (keeps the number of chains small). */
  readonly linked: number;
}
export interface GraphSpec {
  readonly nodes: NodeSpec[];
  readonly edges: { from: number; to: number; claims: ClaimSpec[] }[];
  readonly hubs: HubSpec[];
}

/** Few distinct values, so chains often tie and cross the floors 0.9, 0.7, 0.5, 0.3. */
const CONFIDENCES = [0.9, 0.2, 0.35, 0.5, 0.6, 0.7, 0.75, 0.8, 0.95, 1];
const DOMAINS = ["a.example", "b.example", "c.example", ""];

const claimSpec: fc.Arbitrary<ClaimSpec> = fc.record({
  confidence: fc.constantFrom(...CONFIDENCES),
  domain: fc.constantFrom(...DOMAINS),
  conditional: fc.constantFrom(false, false, false, true),
  publishedAt: fc.integer({ min: 0, max: 10 }),
});
const claimsSpec = fc.array(claimSpec, { minLength: 1, maxLength: 3 });
const time = fc.option(fc.integer({ min: 0, max: 10 }), { nil: null, freq: 3 });

/** A core node, by its index modulo their number: small, so hubs often sit at a question's ends. */
export const coreIndex = fc.nat(7);

export function graphSpec(options: {
  minNodes: number;
  maxNodes: number;
  maxEdges: number;
  hubs: readonly ("out" | "in")[];
}): fc.Arbitrary<GraphSpec> {
  const leaf: fc.Arbitrary<LeafSpec> = fc.record({
    claims: claimsSpec,
    link: fc.option(coreIndex, { nil: null, freq: 3 }),
    linkClaims: claimsSpec,
    time,
  });
  const hub: fc.Arbitrary<HubSpec> = fc.record({
    at: coreIndex,
    atEnd: fc.boolean(),
    direction: fc.constantFrom(...(options.hubs.length ? options.hubs : (["out"] as const))),
    extra: fc.integer({ min: -3, max: 12 }),
    leaves: fc.array(leaf, { minLength: 1, maxLength: 3 }),
    linked: fc.constantFrom(1_000, 0, 3),
  });
  return fc.record({
    nodes: fc.array(fc.record({ time, span: fc.integer({ min: 0, max: 3 }) }), {
      minLength: options.minNodes,
      maxLength: options.maxNodes,
    }),
    edges: fc.array(fc.record({ from: coreIndex, to: coreIndex, claims: claimsSpec }), { maxLength: options.maxEdges }),
    hubs: options.hubs.length ? fc.array(hub, { maxLength: 2 }) : fc.constant([]),
  });
}

/** Core nodes are n0, n1, …; hub leaves are `<hub>~<j>`. */
export const core = (i: number) => `n${i}`;

/** The graph of a spec; `ends`: where hubs placed at an end go (an "out" hub at `out`, an "in" hub at `in`), by core index. */
export function buildGraph(spec: GraphSpec, ends?: { out: number; in: number }): Graph {
  const graph = new Graph();
  const n = spec.nodes.length;
  spec.nodes.forEach((node, i) => graph.setNode({ id: core(i), time: node.time, end: node.time === null ? null : node.time + node.span }));
  for (const edge of spec.edges) graph.addEdge(core(edge.from % n), core(edge.to % n), edge.claims);
  const hubs = new Set<string>();
  spec.hubs.forEach((hub, h) => {
    const at = core((hub.atEnd && ends ? ends[hub.direction] : hub.at) % n);
    if (hubs.has(at)) return;
    hubs.add(at);
    // The second hub links only a few leaves: two fully linked hubs make 500² chains to enumerate.
    const linked = h === 0 ? hub.linked : Math.min(hub.linked, 3);
    for (let j = 0; j < FLOOR_ABOVE_HOPS + hub.extra; j += 1) {
      const leaf = hub.leaves[j % hub.leaves.length]!;
      const id = `${at}~${String(j).padStart(3, "0")}`;
      graph.setNode({ id, time: leaf.time, end: leaf.time });
      if (hub.direction === "out") graph.addEdge(at, id, leaf.claims);
      else graph.addEdge(id, at, leaf.claims);
      if (leaf.link === null || j >= linked) continue;
      const other = core(leaf.link % n);
      if (hub.direction === "out") graph.addEdge(id, other, leaf.linkClaims);
      else graph.addEdge(other, id, leaf.linkClaims);
    }
  });
  return graph;
}

// ---- The in-memory level reader ----

/** What the reads of one search did, to check that the floors were exercised. */
export interface ReadStats {
  levels: number;
  floored: number;
  leftOut: number;
}
export const noStats = (): ReadStats => ({ levels: 0, floored: 0, leftOut: 0 });

/**
 * The hop as a level reads it from `source` (null when the limits leave it out), with the best
 * confidence and outlet count its bound is measured with (as hops.cypher.ts's hopClaims does).
 */
function readHop(edge: Edge, source: HopSource, request: LevelRequest): { hop: Hop; best: number; count: number } | null {
  const { minConfidence, publishedWithin: window } = request.limits;
  const all = edge.claims;
  const inWindow = (c: HopClaim) => !window || (c.publishedAt >= window.from && c.publishedAt <= window.to);
  const max = (claims: readonly HopClaim[]) => Math.max(0, ...claims.map((c) => c.confidence));
  const outlets = (claims: readonly HopClaim[]) => new Set(claims.map((c) => c.domain)).size;
  if (source.kind === "asOf") {
    const claims = all.filter((c) => c.confidence >= minConfidence);
    return claims.length ? { hop: { from: edge.from, to: edge.to, claims }, best: max(claims), count: claims.length } : null;
  }
  if (max(all) < minConfidence || !all.some(inWindow)) return null;
  if (source.kind === "current")
    return { hop: { from: edge.from, to: edge.to, claims: all.filter(inWindow) }, best: max(all), count: outlets(all) };
  const counted = source.includeConditional ? all : all.filter((c) => !c.conditional);
  const best = max(counted);
  if (best <= 0) return null;
  const summary = { confidence: best, sources: outlets(counted), includeConditional: source.includeConditional };
  return { hop: { from: edge.from, to: edge.to, summary }, best, count: summary.sources };
}

/** A ReadLevel over `graph`, as expandHops reads Neo4j (hop.ts, ReadLevel). */
export function memoryReader(graph: Graph, stats: ReadStats = noStats()): ReadLevel {
  return async (request) => {
    const hops: Hop[] = [];
    const nodes: ReachedNode[] = [];
    const onward = new Map<string, number>();
    if (request.ids.length === 0) return { hops, nodes, onward, weakest: null, floored: false };
    stats.levels += 1;
    const edgesOf = (id: string) => (request.direction === "forward" ? graph.out : graph.into).get(id) ?? [];
    const fetch = request.ids.reduce((sum, id) => sum + edgesOf(id).length, 0);
    const floor = request.floor ?? null;
    const large = floor !== null && fetch > FLOOR_ABOVE_HOPS;
    const within = request.within ? new Set(request.within) : null;
    const { notAfter } = request.limits;
    let weakest: number | null = null;
    let matched = false;
    request.ids.forEach((id, i) => {
      const reach = request.reach?.[i] ?? UNREACHED;
      for (const edge of edgesOf(id)) {
        const far = request.direction === "forward" ? edge.to : edge.from;
        const node = graph.nodes.get(far)!;
        if (within && !within.has(far)) continue;
        if (notAfter !== undefined && node.time !== null && node.time > notAfter) continue;
        const read = readHop(edge, request.source, request);
        if (!read) continue;
        matched = true;
        if (large) {
          const bound = hopBound(floor, reach, read.best, read.count);
          if (bound < leastClearing(floor)) {
            weakest = Math.max(weakest ?? 0, bound);
            stats.leftOut += 1;
            continue;
          }
        }
        hops.push(read.hop);
        nodes.push(node);
        onward.set(far, within ? 0 : graph.degree(far, request.direction));
      }
    });
    // As expandHops: a level the floor applied to that returned any row.
    const floored = large && matched;
    if (floored) stats.floored += 1;
    return { hops, nodes, onward, weakest, floored };
  };
}

// ---- The reference: every chain ----

/** A hop's weight for a filter, from its claims: the best usable confidence and their distinct outlets. */
function weightOf(claims: readonly HopClaim[], filter: ClaimFilter): { confidence: number; sources: number } | null {
  const usable = claims.filter(
    (c) => c.confidence >= filter.minConfidence && (filter.includeConditional || !c.conditional) && (filter.accept?.(c) ?? true),
  );
  if (usable.length === 0) return null;
  return { confidence: Math.max(...usable.map((c) => c.confidence)), sources: new Set(usable.map((c) => c.domain)).size };
}

/** A chain: its nodes (cause first), confidence (product of its hops', multiplied from its first hop on) and outlets (fewest of any hop). */
export interface Chain {
  readonly nodes: readonly string[];
  readonly confidence: number;
  readonly sources: number;
}

/** Every simple chain from `start` to `goal` of at most maxDepth hops, over the hops the filter can use. */
export function chainsBetween(graph: Graph, start: string, goal: string, maxDepth: number, filter: ClaimFilter): Chain[] {
  const found: Chain[] = [];
  const nodes = [start];
  const walk = (confidence: number, sources: number) => {
    const at = nodes.at(-1)!;
    if (at === goal) {
      found.push({ nodes: [...nodes], confidence, sources });
      return;
    }
    if (nodes.length > maxDepth) return;
    for (const edge of graph.out.get(at) ?? []) {
      const weight = nodes.includes(edge.to) ? null : weightOf(edge.claims, filter);
      if (!weight) continue;
      nodes.push(edge.to);
      walk(confidence * weight.confidence, Math.min(sources, weight.sources));
      nodes.pop();
    }
  };
  walk(1, Number.POSITIVE_INFINITY);
  return found;
}

/**
 * Every simple chain of 1 to maxDepth hops into `target`, over the hops the filter can use and
 * `admits` (which sees the chain so far, from its cause, and the hop to prepend). Confidences are
 * multiplied from the target backwards, as a backward search does.
 */
export function chainsInto(
  graph: Graph,
  target: string,
  maxDepth: number,
  filter: ClaimFilter,
  admits: (edge: Edge, chain: readonly string[]) => boolean = () => true,
): Chain[] {
  const found: Chain[] = [];
  const nodes = [target];
  const walk = (confidence: number, sources: number) => {
    if (nodes.length > 1) found.push({ nodes: [...nodes], confidence, sources });
    if (nodes.length > maxDepth) return;
    for (const edge of graph.into.get(nodes[0]!) ?? []) {
      const weight = nodes.includes(edge.from) || !admits(edge, nodes) ? null : weightOf(edge.claims, filter);
      if (!weight) continue;
      nodes.unshift(edge.from);
      walk(confidence * weight.confidence, Math.min(sources, weight.sources));
      nodes.shift();
    }
  };
  walk(1, Number.POSITIVE_INFINITY);
  return found;
}

/** A chain's score before rounding: confidence × (1 + 0.5 × (outlets − 1)). */
export const rawScore = (chain: Chain) => chain.confidence * (1 + 0.5 * (chain.sources - 1));

/** The documented order of chains: more confident, more outlets, shorter, then node ids one by one (a chain that starts the other first). */
export function strongerFirst(a: Chain, b: Chain): number {
  if (a.confidence !== b.confidence) return b.confidence - a.confidence;
  if (a.sources !== b.sources) return b.sources - a.sources;
  if (a.nodes.length !== b.nodes.length) return a.nodes.length - b.nodes.length;
  for (let i = 0; i < a.nodes.length; i += 1) if (a.nodes[i] !== b.nodes[i]) return a.nodes[i]! < b.nodes[i]! ? -1 : 1;
  return 0;
}

/** Fewest hops from each node to `goal` over the hops the filter can use (breadth-first, backwards). */
export function hopsTo(graph: Graph, goal: string, filter: ClaimFilter): Map<string, number> {
  const distance = new Map([[goal, 0]]);
  let frontier = [goal];
  for (let d = 1; frontier.length > 0; d += 1) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const edge of graph.into.get(id) ?? []) {
        if (distance.has(edge.from) || !weightOf(edge.claims, filter)) continue;
        distance.set(edge.from, d);
        next.push(edge.from);
      }
    }
    frontier = next;
  }
  return distance;
}

// ---- A known fault, kept out of the random properties until it is fixed ----

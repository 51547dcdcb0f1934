import type { CypherRunner } from "../../db/cypher-runner.js";
import {
  expandHops,
  FLOOR_ABOVE_HOPS,
  leastClearing,
  UNREACHED,
  type Direction,
  type Expansion,
  type Floor,
  type Hop,
  type HopLimits,
  type HopSource,
  type MetNode,
  type Reach,
  type ReachedNode,
} from "./hops.repository.js";
import type { RisingFloor } from "./floors.js";
import { weigh, type ClaimFilter } from "./path-search.js";

/** The part of the graph every path of at most `maxDepth` hops from one node to another lies in. */
export interface Corridor {
  /** Hops by the node they leave. */
  readonly out: ReadonlyMap<string, readonly Hop[]>;
  /** Nodes met, by id (an answer reads the label and key of those it names, see readPathDetails). */
  readonly nodes: ReadonlyMap<string, ReachedNode>;
  /** A lower bound of the hops from a node to the goal (Infinity when it cannot reach it). */
  hopsToGoal(node: string): number;
  /** The strongest hop the floor left out (by the floor's measure), null if it left none out. */
  readonly weakest: number | null;
}

interface Side {
  readonly direction: Direction;
  readonly distance: Map<string, number>;
  readonly reaches: Reaches;
  frontier: string[];
  /** What widening the frontier would fetch: the sum of its nodes' degrees in the side's direction. */
  load: number;
  depth: number;
}

/**
 * Finds the corridor by a breadth-first search from both ends, one level per round trip,
 * always widening the side with less to fetch (the sum of its frontier's degrees), until the
 * two depths add up to maxDepth (or a side has nothing left to reach). Each level fetches every
 * hop out of (or into) its frontier, above the floor where a level is large (see Floor); the
 * last level only the hops that meet what the other side reached. A path
 * of at most maxDepth hops then consists of hops the start side fetched up to some node both
 * sides met, then hops the goal side fetched, so the search misses none above the floor (each
 * side leaves out only what no chain from its end can carry over the floor, see Reaches). Hops
 * are collapsed pairs (LEADS_TO), so the work grows with the nodes and pairs in reach, not with
 * how many outlets repeat a claim.
 */
export async function findCorridor(
  cypher: CypherRunner,
  params: { start: MetNode; goal: MetNode; maxDepth: number; source: HopSource; limits: HopLimits; floor: Floor | null; filter: ClaimFilter },
): Promise<Corridor> {
  const nodes = new Map<string, ReachedNode>([
    [params.start.id, params.start],
    [params.goal.id, params.goal],
  ]);
  const hops = new Map<string, Hop>();
  const fromEnd = (direction: Direction, end: MetNode, load: number | undefined): Side => ({
    direction,
    distance: new Map([[end.id, 0]]),
    reaches: new Reaches([end.id], () => params.floor, params.filter, direction),
    frontier: [end.id],
    load: load ?? 1,
    depth: 0,
  });
  const forward = fromEnd("forward", params.start, params.start.outDegree);
  const backward = fromEnd("backward", params.goal, params.goal.inDegree);
  while (forward.depth + backward.depth < params.maxDepth && (forward.frontier.length > 0 || backward.frontier.length > 0)) {
    const side = forward.frontier.length === 0 ? backward : backward.frontier.length === 0 ? forward : forward.load <= backward.load ? forward : backward;
    const other = side === forward ? backward : forward;
    const last = forward.depth + backward.depth === params.maxDepth - 1;
    const expansion = await expandHops(cypher, {
      ids: side.frontier,
      reach: side.reaches.of(side.frontier),
      direction: side.direction,
      source: params.source,
      limits: params.limits,
      floor: params.floor,
      fetch: side.load,
      ...(last ? { within: [...other.distance.keys()] } : {}),
    });
    for (const node of expansion.nodes) nodes.set(node.id, node);
    for (const hop of expansion.hops) {
      hops.set(`${hop.from}>${hop.to}`, hop);
      const reached = side.direction === "forward" ? hop.to : hop.from;
      if (!side.distance.has(reached)) side.distance.set(reached, side.depth + 1);
    }
    ({ frontier: side.frontier, load: side.load } = side.reaches.next(side.frontier, expansion, last));
    side.depth += 1;
  }
  const out = new Map<string, Hop[]>();
  for (const hop of hops.values()) {
    const list = out.get(hop.from);
    if (list) list.push(hop);
    else out.set(hop.from, [hop]);
  }
  const goalSide = backward;
  return {
    out,
    nodes,
    // A node the goal side did not reach is further from the goal than it searched.
    hopsToGoal: (node) => goalSide.distance.get(node) ?? (goalSide.frontier.length === 0 ? Number.POSITIVE_INFINITY : goalSide.depth + 1),
    weakest: [forward.reaches.weakest, backward.reaches.weakest].reduce<number | null>((a, b) => (b === null ? a : Math.max(a ?? 0, b)), null),
  };
}

/**
 * Every hop into the targets and, level by level, into what leads to them, up to `maxDepth`
 * levels, above the floor where a level is large: one round trip per level (see Reaches for
 * what a floor leaves out, and when a node is expanded again). After each level but the last,
 * `afterLevel` is shown the hops and nodes read so far, and may raise the floor for the levels
 * still to read (the next level waits for it). The hops by the node they enter, and the
 * strongest chain the floor left out (by its measure).
 */
export async function reachBackward(
  cypher: CypherRunner,
  params: {
    targets: readonly string[];
    maxDepth: number;
    source: HopSource;
    limits: HopLimits;
    floor: RisingFloor;
    filter: ClaimFilter;
    afterLevel?: (read: { into: ReadonlyMap<string, readonly Hop[]>; nodes: ReadonlyMap<string, ReachedNode> }, depth: number) => void | Promise<void>;
    /** Called once when it reads no more levels, whether it finished or failed. */
    onEnd?: () => void;
  },
): Promise<{ into: ReadonlyMap<string, readonly Hop[]>; nodes: ReadonlyMap<string, ReachedNode>; weakest: number | null }> {
  const nodes = new Map<string, ReachedNode>();
  // By the node entered, then by the node left: a node expanded again finds some hops again.
  const into = new Map<string, Map<string, Hop>>();
  const listed = () => new Map([...into].map(([to, hops]) => [to, [...hops.values()]]));
  const reaches = new Reaches(params.targets, () => params.floor.value, params.filter, "backward");
  let frontier = [...params.targets];
  // What the next level would fetch; unknown for the targets.
  let fetch: number | undefined;
  try {
    for (let depth = 0; depth < params.maxDepth && frontier.length > 0; depth += 1) {
      const expansion = await expandHops(cypher, {
        ids: frontier,
        reach: reaches.of(frontier),
        direction: "backward",
        source: params.source,
        limits: params.limits,
        floor: params.floor.value,
        fetch,
      });
      for (const node of expansion.nodes) nodes.set(node.id, node);
      for (const hop of expansion.hops) {
        const entering = into.get(hop.to) ?? new Map<string, Hop>();
        into.set(hop.to, entering.set(hop.from, hop));
      }
      const last = depth === params.maxDepth - 1;
      // Before the next frontier is chosen: a raised floor may leave out more of it.
      if (!last && params.afterLevel) await params.afterLevel({ into: listed(), nodes }, depth);
      ({ frontier, load: fetch } = reaches.next(frontier, expansion, last));
    }
  } finally {
    params.onEnd?.();
  }
  return { into: listed(), nodes, weakest: reaches.weakest };
}

/**
 * What the chains found so far bring to each node they reach from a search's ends (its
 * Reach: their best confidence and most outlets), and so which nodes a search expands next.
 * Every node reached is expanded once, except under a floor where a level is large (would
 * fetch more than FLOOR_ABOVE_HOPS hops): there a node is expanded only while a chain through
 * it can still clear the floor (the hops such a level reads are narrowed the same way, see
 * expandHops), and again when a later level reaches it by a chain that brings more than the
 * one it was expanded with under the floor: hops left out then may now count. When a node's
 * reach grows, so does that of every node behind it through hops already read (carried on
 * until nothing grows, whatever the order the hops came in), so a node is never left out by a
 * weaker chain than the best one known. A hop without a claim the search may use (`filter`)
 * leads nowhere. `weakest` is the most that a chain the floor left out could have scored.
 */
class Reaches {
  private readonly reach = new Map<string, Reach>();
  private readonly expandedWith = new Map<string, Reach>();
  /** Hops read so far, weighed, by the node they leave in the search's direction, then by the node they reach. */
  private readonly read = new Map<string, Map<string, { confidence: number; sources: number }>>();
  /** The LEADS_TO degree onward (in the search's direction) of each node reached, as its level reported it. */
  private readonly onward = new Map<string, number>();
  weakest: number | null = null;

  constructor(
    ends: readonly string[],
    /** The floor now (it may rise between levels, see RisingFloor). */
    private readonly floorNow: () => Floor | null,
    private readonly filter: ClaimFilter,
    private readonly direction: Direction,
  ) {
    for (const id of ends) this.reach.set(id, UNREACHED);
  }

  /** What the chains reaching `ids` bring, for expandHops (none without a floor). */
  of(ids: readonly string[]): Reach[] | undefined {
    return this.floorNow() ? ids.map((id) => this.reach.get(id)!) : undefined;
  }

  private leftOut(value: number | null): void {
    if (value !== null) this.weakest = Math.max(this.weakest ?? 0, value);
  }

  /**
   * Takes in the level that expanded `ids`; the nodes to expand next, and what that would fetch
   * (the sum of their onward degrees). `last`: no level follows (the search's depth is
   * reached), so nothing is left out for want of one.
   */
  next(ids: readonly string[], expansion: Expansion, last = false): { frontier: string[]; load: number } {
    // A level fetched whole left nothing out: a better chain later finds no more there.
    for (const id of ids) this.expandedWith.set(id, expansion.floored ? this.reach.get(id)! : UNREACHED);
    this.leftOut(expansion.weakest);
    for (const [id, degree] of expansion.onward) this.onward.set(id, degree);
    for (const hop of expansion.hops) {
      const [known, beyond] = this.direction === "forward" ? [hop.from, hop.to] : [hop.to, hop.from];
      const weighed = weigh(hop, this.filter);
      if (!weighed) continue;
      const out = this.read.get(known) ?? new Map<string, { confidence: number; sources: number }>();
      this.read.set(known, out.set(beyond, { confidence: weighed.confidence, sources: weighed.sources }));
    }
    // Carry every reach through the hops read, until nothing grows.
    const grown = new Set<string>();
    const pending = [...new Set(ids)];
    while (pending.length > 0) {
      const known = pending.pop()!;
      const through = this.reach.get(known)!;
      for (const [beyond, hop] of this.read.get(known) ?? []) {
        const via = { confidence: through.confidence * hop.confidence, sources: Math.min(through.sources, hop.sources) };
        const had = this.reach.get(beyond);
        if (had && via.confidence <= had.confidence && via.sources <= had.sources) continue;
        this.reach.set(beyond, had ? { confidence: Math.max(had.confidence, via.confidence), sources: Math.max(had.sources, via.sources) } : via);
        grown.add(beyond);
        pending.push(beyond);
      }
    }
    if (last) return { frontier: [], load: 0 };
    const candidates = [...grown].filter((id) => {
      const now = this.reach.get(id)!;
      const was = this.expandedWith.get(id);
      return !was || (this.floorNow() !== null && (now.confidence > was.confidence || now.sources > was.sources));
    });
    const loadOf = (some: readonly string[]) => some.reduce((sum, id) => sum + (this.onward.get(id) ?? 1), 0);
    const floor = this.floorNow();
    if (floor === null || loadOf(candidates) <= FLOOR_ABOVE_HOPS) return { frontier: candidates, load: loadOf(candidates) };
    const frontier = candidates.filter((id) => {
      const bound = reachBound(floor, this.reach.get(id)!);
      const reaches = bound >= leastClearing(floor);
      if (!reaches) this.leftOut(bound);
      return reaches;
    });
    return { frontier, load: loadOf(frontier) };
  }
}

/** The most a chain that brings `reach` can still score, by the floor's measure (see Reach). */
function reachBound(floor: Floor, reach: Reach): number {
  return floor.by === "confidence" ? reach.confidence : reach.confidence * (1 + 0.5 * (reach.sources - 1));
}

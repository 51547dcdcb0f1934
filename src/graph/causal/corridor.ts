import type { CypherRunner } from "../../db/cypher.js";
import { expandHops, type Direction, type Floor, type Hop, type HopLimits, type HopSource, type MetNode, type ReachedNode } from "./hops.repository.js";

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
 * sides met, then hops the goal side fetched, so the search misses none above the floor. Hops
 * are collapsed pairs (LEADS_TO), so the work grows with the nodes and pairs in reach, not with
 * how many outlets repeat a claim.
 */
export async function findCorridor(
  cypher: CypherRunner,
  params: { start: MetNode; goal: MetNode; maxDepth: number; source: HopSource; limits: HopLimits; floor: Floor | null },
): Promise<Corridor> {
  const nodes = new Map<string, ReachedNode>([
    [params.start.id, params.start],
    [params.goal.id, params.goal],
  ]);
  const hops = new Map<string, Hop>();
  const forward: Side = { direction: "forward", distance: new Map([[params.start.id, 0]]), frontier: [params.start.id], load: params.start.outDegree ?? 1, depth: 0 };
  const backward: Side = { direction: "backward", distance: new Map([[params.goal.id, 0]]), frontier: [params.goal.id], load: params.goal.inDegree ?? 1, depth: 0 };
  let weakest: number | null = null;
  while (forward.depth + backward.depth < params.maxDepth && (forward.frontier.length > 0 || backward.frontier.length > 0)) {
    const side = forward.frontier.length === 0 ? backward : backward.frontier.length === 0 ? forward : forward.load <= backward.load ? forward : backward;
    const other = side === forward ? backward : forward;
    const last = forward.depth + backward.depth === params.maxDepth - 1;
    const expansion = await expandHops(cypher, {
      ids: side.frontier,
      direction: side.direction,
      source: params.source,
      limits: params.limits,
      floor: params.floor,
      fetch: side.load,
      ...(last ? { within: [...other.distance.keys()] } : {}),
    });
    if (expansion.weakest !== null) weakest = Math.max(weakest ?? 0, expansion.weakest);
    for (const node of expansion.nodes) nodes.set(node.id, node);
    const next: string[] = [];
    let load = 0;
    for (const hop of expansion.hops) {
      hops.set(`${hop.from}>${hop.to}`, hop);
      const reached = side.direction === "forward" ? hop.to : hop.from;
      if (!side.distance.has(reached)) {
        side.distance.set(reached, side.depth + 1);
        next.push(reached);
        load += expansion.onward.get(reached) ?? 1;
      }
    }
    side.frontier = next;
    side.load = load;
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
    weakest,
  };
}

/**
 * Every hop into the targets and, level by level, into what leads to them, up to `maxDepth`
 * levels, above the floor where a level is large: one round trip per level. The hops by the
 * node they enter, and the strongest hop the floor left out.
 */
export async function reachBackward(
  cypher: CypherRunner,
  params: { targets: readonly string[]; maxDepth: number; source: HopSource; limits: HopLimits; floor: Floor | null },
): Promise<{ into: ReadonlyMap<string, readonly Hop[]>; nodes: ReadonlyMap<string, ReachedNode>; weakest: number | null }> {
  const nodes = new Map<string, ReachedNode>();
  const into = new Map<string, Hop[]>();
  const seen = new Set(params.targets);
  let frontier = [...params.targets];
  // What the next level would fetch; unknown for the targets.
  let fetch: number | undefined;
  let weakest: number | null = null;
  for (let depth = 0; depth < params.maxDepth && frontier.length > 0; depth += 1) {
    const expansion = await expandHops(cypher, { ids: frontier, direction: "backward", source: params.source, limits: params.limits, floor: params.floor, fetch });
    if (expansion.weakest !== null) weakest = Math.max(weakest ?? 0, expansion.weakest);
    for (const node of expansion.nodes) nodes.set(node.id, node);
    frontier = [];
    fetch = 0;
    for (const hop of expansion.hops) {
      const list = into.get(hop.to);
      if (list) list.push(hop);
      else into.set(hop.to, [hop]);
      if (!seen.has(hop.from)) {
        seen.add(hop.from);
        frontier.push(hop.from);
        fetch += expansion.onward.get(hop.from) ?? 1;
      }
    }
  }
  return { into, nodes, weakest };
}

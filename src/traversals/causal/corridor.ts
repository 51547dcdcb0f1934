import type { RisingFloor } from "./floors.js";
import type { Direction, Floor, Hop, HopLimits, HopSource, MetNode, ReachedNode, ReadLevel } from "./hop.js";
import type { ClaimFilter } from "./path-search.js";
import { Reaches } from "./reaches.js";

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
  /** Nothing is left to reach from this side (not merely: the search's depth is used up). */
  exhausted: boolean;
}

/**
 * The corridor from `start` to `goal` (docs/traversals.md#corridors): every hop of every chain
 * of at most maxDepth hops whose bound clears the floor, read level by level from both ends,
 * one round trip per level, widening the side with less to fetch.
 */
export async function findCorridor(
  readLevel: ReadLevel,
  params: {
    start: MetNode;
    goal: MetNode;
    maxDepth: number;
    source: HopSource;
    limits: HopLimits;
    floor: Floor | null;
    filter: ClaimFilter;
  },
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
    exhausted: false,
  });
  const forward = fromEnd("forward", params.start, params.start.outDegree);
  const backward = fromEnd("backward", params.goal, params.goal.inDegree);
  while (forward.depth + backward.depth < params.maxDepth && (forward.frontier.length > 0 || backward.frontier.length > 0)) {
    const side =
      forward.frontier.length === 0
        ? backward
        : backward.frontier.length === 0
          ? forward
          : forward.load <= backward.load
            ? forward
            : backward;
    const other = side === forward ? backward : forward;
    const last = forward.depth + backward.depth === params.maxDepth - 1;
    const expansion = await readLevel({
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
    side.exhausted = side.frontier.length === 0 && !last;
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
    // A node the goal side did not reach is further from the goal than it searched, or, when
    // nothing was left to reach, cannot reach it at all. (A side stopped by the search's depth
    // has an empty frontier too, and proves only the first.)
    hopsToGoal: (node) => goalSide.distance.get(node) ?? (goalSide.exhausted ? Number.POSITIVE_INFINITY : goalSide.depth + 1),
    weakest: [forward.reaches.weakest, backward.reaches.weakest].reduce<number | null>(
      (a, b) => (b === null ? a : Math.max(a ?? 0, b)),
      null,
    ),
  };
}

/**
 * Every hop into the targets and, level by level, into what leads to them, up to maxDepth
 * levels, one round trip per level, leaving out under the floor what no chain can carry over
 * it (docs/traversals.md#reach). After each level but the last, `afterLevel` sees what was read
 * so far and may raise the floor for the levels still to read (docs/traversals.md#floors).
 * Returns the hops by the node they enter, and the strongest chain the floor left out.
 */
export async function reachBackward(
  readLevel: ReadLevel,
  params: {
    targets: readonly string[];
    maxDepth: number;
    source: HopSource;
    limits: HopLimits;
    floor: RisingFloor;
    filter: ClaimFilter;
    afterLevel?: (
      read: { into: ReadonlyMap<string, readonly Hop[]>; nodes: ReadonlyMap<string, ReachedNode> },
      depth: number,
    ) => void | Promise<void>;
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
      const expansion = await readLevel({
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

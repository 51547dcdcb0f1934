import { FLOOR_ABOVE_HOPS, leastClearing, reachBound, UNREACHED, type Direction, type Expansion, type Floor, type Reach } from "./hop.js";
import { weigh, type ClaimFilter } from "./path-search.js";

/**
 * The reach of every node a search has met from its ends, and so which nodes it expands next
 * (docs/traversals.md#reach). A node is expanded once, and again when a later level brings it
 * more than it was expanded with under a floor; from a large frontier under a floor, only the
 * nodes whose reachBound clears it. Reach is carried through every hop read until nothing
 * grows. `weakest` bounds from above every chain the floor left out.
 */
export class Reaches {
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
        this.reach.set(
          beyond,
          had ? { confidence: Math.max(had.confidence, via.confidence), sources: Math.max(had.sources, via.sources) } : via,
        );
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

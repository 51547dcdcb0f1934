import type { CypherRunner } from "../../db/cypher.js";
import { refKey, type LabelKey } from "../../cypher/labels.js";
import { findCorridor } from "./corridor.js";
import { findNodes, type HopSource, type MetNode } from "./hops.repository.js";
import { bestPaths, weigh, type FoundPath, type WeightedHop } from "./path-search.js";

/** Partial paths one search may examine at the most; the limits on maxDepth and first keep real questions far below. */
export const MAX_EXPANSIONS = 200_000;

export interface ChainQuery {
  from: LabelKey;
  to: LabelKey;
  maxDepth: number;
  minConfidence: number;
  /** Null: now, from the derived LEADS_TO; a time: from the claims as known then. */
  asOf: string | null;
  includeConditional: boolean;
  first: number;
}

/**
 * The `first` best causal chains from `from` to `to` over all paths (not a sample): the
 * corridor both ends reach within maxDepth, then a best-first search over its collapsed hops.
 * Also says whether each endpoint exists, so callers can tell "no path" from "no such node".
 */
export async function findCausalChains(
  cypher: CypherRunner,
  query: ChainQuery,
): Promise<{ fromFound: boolean; toFound: boolean; paths: FoundPath[]; nodes: ReadonlyMap<string, MetNode> }> {
  const ends = await findNodes(cypher, [query.from, query.to]);
  const start = ends.get(refKey(query.from.label, query.from.key));
  const goal = ends.get(refKey(query.to.label, query.to.key));
  if (!start || !goal) return { fromFound: start !== undefined, toFound: goal !== undefined, paths: [], nodes: new Map() };
  const source: HopSource = query.asOf ? { kind: "asOf", asOf: query.asOf } : { kind: "current" };
  const corridor = await findCorridor(cypher, { start, goal, maxDepth: query.maxDepth, source, limits: { minConfidence: query.minConfidence } });
  const out = new Map<string, WeightedHop[]>();
  for (const [from, hops] of corridor.out) {
    const weighted = hops.map((hop) => weigh(hop, query)).filter((hop): hop is WeightedHop => hop !== null);
    if (weighted.length) out.set(from, weighted);
  }
  const { paths } = bestPaths(start.id, goal.id, out, corridor.hopsToGoal, { maxDepth: query.maxDepth, first: query.first, maxExpansions: MAX_EXPANSIONS });
  return { fromFound: true, toFound: true, paths, nodes: corridor.nodes };
}

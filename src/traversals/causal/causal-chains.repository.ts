import type { CypherRunner } from "../../db/cypher-runner.js";
import { refKey, type LabelKey } from "../../cypher/labels.js";
import { findCorridor } from "./corridor.js";
import { searchUnderFallingFloors } from "./floors.js";
import { shortChainsFloor } from "./floor-seeds.repository.js";
import { FLOOR_ABOVE_HOPS, type HopSource, type MetNode } from "./hop.js";
import { expandHops, findNodes, readPathDetails } from "./hops.repository.js";
import { bestPaths, summaryHops, weigh, withClaims, type FoundPath, type WeightedHop } from "./path-search.js";

/** Partial paths one search may examine at the most; the limits on maxDepth and first keep real questions far below. */
const MAX_EXPANSIONS = 200_000;

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
 * corridor both ends reach within maxDepth, then a best-first search over its collapsed hops;
 * where a level of the corridor is large, under falling confidence floors (see floors.ts).
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
  // Now and with no confidence minimum, hops are weighed by LEADS_TO's summaries, and only the
  // kept chains' claims are read; otherwise each hop's claims are weighed.
  const source: HopSource = query.asOf
    ? { kind: "asOf", asOf: query.asOf }
    : query.minConfidence === 0
      ? { kind: "summary", includeConditional: query.includeConditional }
      : { kind: "current" };
  // A seed floor only where an end is a hub; elsewhere the first level reads everything anyway.
  const hubEnd = Math.max(start.outDegree ?? 0, goal.inDegree ?? 0) > FLOOR_ABOVE_HOPS;
  const seed =
    source.kind === "summary" && hubEnd
      ? await shortChainsFloor(cypher, {
          start: start.id,
          goal: goal.id,
          maxDepth: query.maxDepth,
          first: query.first,
          includeConditional: query.includeConditional,
        })
      : null;
  const found = await searchUnderFallingFloors(
    "confidence",
    query.minConfidence,
    async (floor) => {
      const corridor = await findCorridor((request) => expandHops(cypher, request), {
        start,
        goal,
        maxDepth: query.maxDepth,
        source,
        limits: { minConfidence: query.minConfidence },
        floor,
        filter: query,
      });
      const out = new Map<string, WeightedHop[]>();
      for (const [from, hops] of corridor.out) {
        const weighted = hops.map((hop) => weigh(hop, query)).filter((hop): hop is WeightedHop => hop !== null);
        if (weighted.length) out.set(from, weighted);
      }
      const { paths, exhausted } = bestPaths(start.id, goal.id, out, corridor.hopsToGoal, {
        maxDepth: query.maxDepth,
        first: query.first,
        maxExpansions: MAX_EXPANSIONS,
      });
      // Exact when enough chains are at least as confident as the floor (no chain through a hop
      // below it could rank among them), or when the search ran out of expansions (a lower floor
      // would only give it more to examine).
      const exact = !exhausted || (floor !== null && paths.length >= query.first && paths[query.first - 1]!.confidence >= floor.value);
      return { result: { paths }, exact, weakest: corridor.weakest };
    },
    seed,
  );
  const details = await readPathDetails(cypher, { pairs: summaryHops(found.paths), nodes: found.paths.flatMap((p) => p.nodes) });
  const paths = withClaims(found.paths, details.claims, query);
  return { fromFound: true, toFound: true, paths, nodes: details.nodes };
}

import type { CypherRunner } from "../../db/cypher-runner.js";
import { int } from "../../db/values.js";
import { HAPPENED_AFTER } from "./hops.cypher.js";

/** Cypher expression: a hop's best confidence in LEADS_TO's summaries, for the plain claim filter. */
const SUMMARY_BEST = (r: string, includeConditional: boolean) => (includeConditional ? `${r}.maxConfidence` : `${r}.factConfidence`);

/**
 * A floor to search under first (see floors.ts): the confidence of the `first`-th most
 * confident chain of one or two hops (two only if maxDepth allows) from start to goal, from
 * LEADS_TO's summaries, in one round trip; null when there are fewer such chains. The best
 * `first` chains of any length are at least that confident.
 */
export async function shortChainsFloor(
  cypher: CypherRunner,
  params: { start: string; goal: string; maxDepth: number; first: number; includeConditional: boolean },
): Promise<number | null> {
  const best = (r: string) => SUMMARY_BEST(r, params.includeConditional);
  const rows = await cypher.read<{ confidence: number }>(
    `MATCH (s) WHERE elementId(s) = $start
     MATCH (g) WHERE elementId(g) = $goal
     CALL (s, g) {
       MATCH (s)-[r:LEADS_TO]->(g) RETURN ${best("r")} AS confidence
       UNION ALL
       MATCH (s)-[r1:LEADS_TO]->(x)-[r2:LEADS_TO]->(g) WHERE $twoHops RETURN ${best("r1")} * ${best("r2")} AS confidence
     }
     RETURN confidence ORDER BY confidence DESC LIMIT $first`,
    { start: params.start, goal: params.goal, twoHops: params.maxDepth >= 2, first: int(params.first) },
  );
  return rows.length >= params.first && rows.at(-1)!.confidence > 0 ? rows.at(-1)!.confidence : null;
}

/**
 * A score floor to search for drivers under first (see floors.ts): the score of the
 * `drivers`-th best one-hop driver of the targets (nodes being explained are no drivers), each
 * scored by its best hop's summary (confidence × (1 + 0.5 × (outlets − 1))), rounded down to
 * the millionths chain scores are rounded to, less one millionth (a chain whose rounded score
 * ties with it may be half a millionth lower), in one round trip; null when fewer nodes lead to
 * the targets directly. The best `drivers` drivers score at least that.
 */
export async function directDriversFloor(
  cypher: CypherRunner,
  params: { targets: readonly string[]; explained: readonly string[]; drivers: number; notAfter: number },
): Promise<number | null> {
  const rows = await cypher.read<{ score: number }>(
    `UNWIND $targets AS id
     MATCH (m) WHERE elementId(m) = id
     MATCH (m)<-[r:LEADS_TO]-(v)
     WHERE r.factConfidence > 0 AND NOT elementId(v) IN $explained AND NOT ${HAPPENED_AFTER}
     WITH v, max(r.factConfidence * (1 + 0.5 * (r.factSources - 1))) AS score
     RETURN score ORDER BY score DESC LIMIT $drivers`,
    { targets: params.targets, explained: params.explained, drivers: int(params.drivers), notAfter: params.notAfter },
  );
  return rows.length >= params.drivers ? Math.floor(rows.at(-1)!.score * 1e6) / 1e6 - 1e-6 : null;
}

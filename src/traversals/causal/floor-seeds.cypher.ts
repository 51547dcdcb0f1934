import { HAPPENED_AFTER } from "./hops.cypher.js";

/** Cypher expression: a hop's best confidence in LEADS_TO's summaries, for the plain claim filter. */
const SUMMARY_BEST = (r: string, includeConditional: boolean) => (includeConditional ? `${r}.maxConfidence` : `${r}.factConfidence`);

/**
 * The confidences of the chains of one hop, and of two when `$twoHops`, from `$start` to
 * `$goal` by LEADS_TO's summaries, best first, the first `$first` of them.
 */
export function shortChainsQuery(includeConditional: boolean): string {
  const best = (r: string) => SUMMARY_BEST(r, includeConditional);
  return `MATCH (s) WHERE elementId(s) = $start
     MATCH (g) WHERE elementId(g) = $goal
     CALL (s, g) {
       MATCH (s)-[r:LEADS_TO]->(g) RETURN ${best("r")} AS confidence
       UNION ALL
       MATCH (s)-[r1:LEADS_TO]->(x)-[r2:LEADS_TO]->(g) WHERE $twoHops RETURN ${best("r1")} * ${best("r2")} AS confidence
     }
     RETURN confidence ORDER BY confidence DESC LIMIT $first`;
}

/**
 * The best `$drivers` scores of the nodes leading directly to the targets `$targets` (those of
 * `$explained` are no drivers, nor what happened after `$notAfter`), each by its best hop's summary.
 */
export const DIRECT_DRIVERS = `UNWIND $targets AS id
     MATCH (m) WHERE elementId(m) = id
     MATCH (m)<-[r:LEADS_TO]-(v)
     WHERE r.factConfidence > 0 AND NOT elementId(v) IN $explained AND NOT ${HAPPENED_AFTER}
     WITH v, max(r.factConfidence * (1 + 0.5 * (r.factSources - 1))) AS score
     RETURN score ORDER BY score DESC LIMIT $drivers`;

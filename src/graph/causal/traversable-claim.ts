import { claimVisibleAt, leadsTo } from "../../domain/claim/claim.cypher.js";

/**
 * Cypher condition on a claim `c` that a causal traversal may follow: asserted (a denial is
 * not a link) with a relation that leads to its effect (PREVENTS opposes it), known and not
 * retracted or superseded at `$asOf`, at least `$minConfidence`, and not CONDITIONAL unless
 * `$includeConditional` (an "if" is a risk, not a cause).
 */
export function traversableClaim(c: string): string {
  return `${c}.polarity = 'ASSERTED'
    AND ${leadsTo(c)}
    AND ${c}.confidence >= $minConfidence
    AND ($includeConditional OR ${c}.modality <> 'CONDITIONAL')
    AND ${claimVisibleAt(c)}`;
}

/** Hard ceiling on traversal depth, whatever a client asks for. */
export const MAX_DEPTH = 6;

/**
 * The quantified path pattern of 1..depth causal hops, `(x)<-[:CAUSE]-(c:Claim)-[:EFFECT]->(y)`,
 * over traversable claims that also meet `hopCondition` (a condition on x, c and y).
 * Cypher takes no parameter as a quantifier bound, so the validated integer is written in.
 */
export function hopsPattern(depth: number, hopCondition = "true"): string {
  if (!Number.isInteger(depth) || depth < 1 || depth > MAX_DEPTH) throw new RangeError(`depth ${depth} out of range`);
  return `((x)<-[:CAUSE]-(c:Claim)-[:EFFECT]->(y) WHERE ${traversableClaim("c")} AND ${hopCondition}){1,${depth}}`;
}

/** Cypher: from group variables x and y of hopsPattern, the node sequence, kept only when no node repeats. */
export const SIMPLE_HOPS = `WITH DISTINCT x + [last(y)] AS hops
  WHERE all(i IN range(0, size(hops) - 2) WHERE NOT hops[i] IN hops[i + 1..])`;

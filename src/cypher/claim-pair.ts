import { LEADS_TO_RELATIONS } from "./claims.js";
import { CAUSAL_LABELS, KEY_PROPERTY, refKey, type LabelKey } from "./labels.js";

/**
 * A claim's pair key: its cause and effect as `Label:key>Label:key`, stored on the claim
 * (`pair`, indexed; written by ingest with the claim's current cause and effect, and by a data
 * migration), so the claims about one (cause, effect) pair are an index lookup rather than a
 * scan of everything said about either end.
 */
export function pairKey(cause: LabelKey, effect: LabelKey): string {
  return `${refKey(cause.label, cause.key)}>${refKey(effect.label, effect.key)}`;
}

/** Cypher expression: `Label:key` of causal node `n`, as refKey writes it (null for other nodes). */
export const REF_OF = (n: string) =>
  `CASE ${CAUSAL_LABELS.map((label) => `WHEN ${n}:${label} THEN '${label}:' + ${n}.${KEY_PROPERTY[label]}`).join(" ")} END`;

/** Cypher expression: the pair key of cause `x` and effect `y`, as pairKey writes it. */
export const PAIR_KEY_OF = (x: string, y: string) => `${REF_OF(x)} + '>' + ${REF_OF(y)}`;

/**
 * The pair key a claim carries as `otherStancePair` (indexed): its pair key when it is not an
 * asserted leads-to claim (a denial, an asserted PREVENTS or PRECEDES), null otherwise. Those are the
 * stances of a pair that its LEADS_TO does not hold, so the attribution audit finds them by an
 * index holding only them rather than by reading every claim about the pair. Written by ingest
 * beside `pair`, and by a data migration.
 */
export function otherStancePair(claim: { polarity: string; relation: string }, pair: string | null): string | null {
  const assertedLeadsTo = claim.polarity === "ASSERTED" && (LEADS_TO_RELATIONS as readonly string[]).includes(claim.relation);
  return assertedLeadsTo ? null : pair;
}

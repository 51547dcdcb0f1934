/**
 * Link history. A versioned link (an article's publisher, citations, tags, mentions,
 * narratives, reports and statements; a claim's cause, effect, conditions, attributions,
 * support and narratives) is current under its plain type; when a later version of the article
 * drops it, it becomes `PAST_<TYPE>` with the same properties plus `supersededAt`. Current
 * reads match the plain types only; reads `asOf` an earlier time match both and keep the links
 * held then.
 */

/** The type a link takes once a later version has dropped it. */
export const pastType = (type: string) => `PAST_${type}`;

/** Cypher relationship types of the links of `types`: the current ones, or with `past` also the dropped ones. */
export function linkTypes(types: readonly string[], past: boolean): string {
  return (past ? [...types, ...types.map(pastType)] : types).join("|");
}

/** Cypher condition: link `r` (current or PAST_) was held at the ISO date-time expression `asOf`. */
export function linkHeldAt(r: string, asOf: string): string {
  const at = `datetime(${asOf}).epochMillis`;
  return `coalesce(${r}.recordedAt.epochMillis, 0) <= ${at} AND (${r}.supersededAt IS NULL OR ${r}.supersededAt.epochMillis > ${at})`;
}

/** Cypher expression: the type of link `r` without its PAST_ prefix. */
export function linkRole(r: string): string {
  return `CASE WHEN type(${r}) STARTS WITH 'PAST_' THEN substring(type(${r}), 5) ELSE type(${r}) END`;
}

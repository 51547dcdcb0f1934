/**
 * Stored, indexed sort keys. Lists order by `sortAt`, an integer (epoch milliseconds) kept on
 * every Article (its publication time), Claim (its article's), Event (when it occurred; none
 * for hypothetical events) and PriceMove (when it started), so a range index serves the order
 * and keyset paging seeks instead of sorting every match. Epoch milliseconds compare as
 * instants whatever offset a time was written with.
 */

/** `sortAt` of an article whose publication time is unknown (a citation without a date): the earliest JavaScript time, so it lists last. */
export const UNDATED_SORT_AT = -8_640_000_000_000_000;

/** Cypher expression: the sort key of an article published at `publishedAt` (a DateTime expression, or null). */
export function sortAtOf(publishedAt: string): string {
  return `coalesce(${publishedAt}.epochMillis, ${UNDATED_SORT_AT})`;
}

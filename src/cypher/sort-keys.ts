/**
 * Stored, indexed sort keys. Newest-first lists order by `sortAt`, an integer (epoch
 * milliseconds) kept on every Article (its publication time) and every Claim (its article's),
 * so a range index serves the order and keyset paging seeks instead of sorting every match.
 */

/** `sortAt` of an article whose publication time is unknown (a citation without a date): the earliest JavaScript time, so it lists last. */
export const UNDATED_SORT_AT = -8_640_000_000_000_000;

/** Cypher expression: the sort key of an article published at `publishedAt` (a DateTime expression, or null). */
export function sortAtOf(publishedAt: string): string {
  return `coalesce(${publishedAt}.epochMillis, ${UNDATED_SORT_AT})`;
}

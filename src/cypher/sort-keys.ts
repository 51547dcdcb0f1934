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

/**
 * Cypher expression: how long event or price move `n` lasts, epoch milliseconds (`spanMs`,
 * stored and indexed): an event's occurredAt to its endedAt (0 without one), a move's startAt
 * to its endAt; null for an undated (hypothetical) event. With `sortAt` it places the node's
 * whole span, so a timeline finds what runs into its window, reading its sortAt index back
 * only as far as the longest span (the top of the spanMs index).
 */
export function spanMsOf(n: string): string {
  return `CASE WHEN ${n}:Event THEN coalesce(${n}.endedAt, ${n}.occurredAt).epochMillis - ${n}.occurredAt.epochMillis
               ELSE ${n}.endAt.epochMillis - ${n}.startAt.epochMillis END`;
}

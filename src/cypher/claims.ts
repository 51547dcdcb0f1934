/**
 * Relations that lead to their effect (CAUSES, CONTRIBUTES_TO, AMPLIFIES): the hops of chains
 * and explanations. PREVENTS opposes its effect; PRECEDES records order, not cause
 * (docs/meaning.md, "Relations").
 */
export const LEADS_TO_RELATIONS = ["CAUSES", "CONTRIBUTES_TO", "AMPLIFIES"] as const;

/** Relations that say only which came first: never a hop, neither leading to nor opposing the effect. */
export const TEMPORAL_RELATIONS = ["PRECEDES"] as const;

/** Which claims a list shows: those visible at `asOf`, plus retracted or superseded ones when asked. */
export interface ClaimVisibility {
  /** Cypher expression of the time to look at, an ISO date-time string; default `$asOf`. */
  readonly asOf?: string;
  /** Cypher boolean expression: also show claims retracted by then. */
  readonly includeRetracted?: string;
  /** Cypher boolean expression: also show claims superseded by then. */
  readonly includeSuperseded?: string;
  /**
   * Cypher boolean expression: the time is now (no `asOf` was asked). Then the rule reads the
   * claim's stored state (`supersededAt`, `retractedAt`: null while current and not retracted),
   * which gives the same answer as its history at now without reading it.
   */
  readonly now?: string;
}

/**
 * The one visibility rule of claims, used by every list: claim `c` was known at the time and,
 * unless included, was then part of its article's current version and not retracted.
 *
 * A claim's `periods` lists, in epoch milliseconds, when it became current and when it was
 * superseded, alternately: [recorded, superseded, current again, ...]. It is current at t when
 * an odd number of those instants are at or before t. Times are compared as instants: Neo4j
 * orders equal instants in different offsets apart.
 */
export function claimVisibleAt(c: string, options: ClaimVisibility = {}): string {
  const asOf = `datetime(${options.asOf ?? "$asOf"}).epochMillis`;
  const superseded = `size([t IN ${c}.periods WHERE t <= ${asOf}]) % 2 = 1`;
  const retracted = `(${c}.retractedAt IS NULL OR ${c}.retractedAt.epochMillis > ${asOf})`;
  const atTime = [
    `${c}.recordedAt.epochMillis <= ${asOf}`,
    options.includeSuperseded ? `(${options.includeSuperseded} OR ${superseded})` : superseded,
    options.includeRetracted ? `(${options.includeRetracted} OR ${retracted})` : retracted,
  ].join(" AND ");
  if (!options.now) return atTime;
  const now = [
    options.includeSuperseded ? `(${options.includeSuperseded} OR ${c}.supersededAt IS NULL)` : `${c}.supersededAt IS NULL`,
    options.includeRetracted ? `(${options.includeRetracted} OR ${c}.retractedAt IS NULL)` : `${c}.retractedAt IS NULL`,
  ].join(" AND ");
  return `((${options.now}) AND ${now} OR NOT (${options.now}) AND ${atTime})`;
}

/**
 * Cypher condition: claim `c` is current now (part of its article's current version, not
 * retracted), read from its stored state; claimVisibleAt at the present gives the same answer.
 */
export function claimIsCurrent(c: string): string {
  return `${c}.supersededAt IS NULL AND ${c}.retractedAt IS NULL`;
}

const LEADS_TO_LIST = `[${LEADS_TO_RELATIONS.map((relation) => `'${relation}'`).join(", ")}]`;

/** Cypher condition: claim `c`'s relation leads to its effect (not PREVENTS). */
export function leadsTo(c: string): string {
  return `${c}.relation IN ${LEADS_TO_LIST}`;
}

const TEMPORAL_LIST = `[${TEMPORAL_RELATIONS.map((relation) => `'${relation}'`).join(", ")}]`;

/** Cypher expression: the relation class of claim `c`, 'LEADS_TO', 'TEMPORAL' or 'OPPOSES' (RelationClass). */
export function relationClassOf(c: string): string {
  return `CASE WHEN ${leadsTo(c)} THEN 'LEADS_TO' WHEN ${c}.relation IN ${TEMPORAL_LIST} THEN 'TEMPORAL' ELSE 'OPPOSES' END`;
}

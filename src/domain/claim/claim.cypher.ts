import { LEADS_TO_RELATIONS } from "./claim.enums.js";

/**
 * Cypher condition: claim `c` was known at `$asOf` and, unless included, neither superseded
 * nor retracted by then. `$asOf` is an ISO date-time parameter. Times are compared as
 * instants (epoch milliseconds): Neo4j orders equal instants in different offsets apart.
 */
export function claimVisibleAt(c: string, options: { includeRetracted?: string; includeSuperseded?: string } = {}): string {
  const asOf = "datetime($asOf).epochMillis";
  const superseded = `(${c}.supersededAt IS NULL OR ${c}.supersededAt.epochMillis > ${asOf})`;
  const retracted = `(${c}.retractedAt IS NULL OR ${c}.retractedAt.epochMillis > ${asOf})`;
  return [
    `${c}.recordedAt.epochMillis <= ${asOf}`,
    options.includeSuperseded ? `(${options.includeSuperseded} OR ${superseded})` : superseded,
    options.includeRetracted ? `(${options.includeRetracted} OR ${retracted})` : retracted,
  ].join(" AND ");
}

const LEADS_TO_LIST = `[${LEADS_TO_RELATIONS.map((relation) => `'${relation}'`).join(", ")}]`;

/** Cypher condition: claim `c`'s relation leads to its effect (not PREVENTS). */
export function leadsTo(c: string): string {
  return `${c}.relation IN ${LEADS_TO_LIST}`;
}

/** Cypher expression: the relation class of claim `c`, 'LEADS_TO' or 'OPPOSES'. */
export function relationClassOf(c: string): string {
  return `CASE WHEN ${leadsTo(c)} THEN 'LEADS_TO' ELSE 'OPPOSES' END`;
}

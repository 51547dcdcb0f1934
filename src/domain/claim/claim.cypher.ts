/**
 * Cypher condition: claim `c` was known at `$asOf` and, unless included, neither superseded
 * nor retracted by then. `$asOf` is an ISO date-time parameter.
 */
export function claimVisibleAt(c: string, options: { includeRetracted?: string; includeSuperseded?: string } = {}): string {
  const superseded = `(${c}.supersededAt IS NULL OR ${c}.supersededAt > datetime($asOf))`;
  const retracted = `(${c}.retractedAt IS NULL OR ${c}.retractedAt > datetime($asOf))`;
  return [
    `${c}.recordedAt <= datetime($asOf)`,
    options.includeSuperseded ? `(${options.includeSuperseded} OR ${superseded})` : superseded,
    options.includeRetracted ? `(${options.includeRetracted} OR ${retracted})` : retracted,
  ].join(" AND ");
}

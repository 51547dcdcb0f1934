import neo4j, { isDate, isDateTime, isDuration, isInt, isLocalDateTime, isLocalTime, isNode, isRelationship, isTime } from "neo4j-driver";

/** A Cypher integer parameter: the driver sends plain JS numbers as floats, which LIMIT/SKIP reject. */
export const int = (value: number) => neo4j.int(Math.trunc(value));

/**
 * Converts driver values into plain JSON-like values: temporal types become ISO-8601 strings
 * (keeping their UTC offset), integers become numbers, nodes become their properties. Lists
 * and maps are converted in place (the driver's, fresh for each result), and returned.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Strings, numbers and booleans (most values) need no driver-type checks.
  if (typeof value !== "object") return value;
  // Lists and maps fresh from the driver are converted in place: large results (a traversal
  // level's hops) are not copied.
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const item: unknown = value[i];
      if (item !== null && typeof item === "object") value[i] = toPlain(item);
      else if (item === undefined) value[i] = null;
    }
    return value;
  }
  if (isInt(value)) return value.toNumber();
  if (isDateTime(value)) return dateTimeToIso(value as neo4j.DateTime);
  if (isDate(value) || isLocalDateTime(value) || isLocalTime(value) || isTime(value) || isDuration(value)) {
    return String(value);
  }
  if (isNode(value)) return toPlain(value.properties);
  if (isRelationship(value)) return toPlain(value.properties);
  // Frozen values (a Point) are copied.
  const map = Object.isFrozen(value) ? { ...(value as Record<string, unknown>) } : (value as Record<string, unknown>);
  for (const key of Object.keys(map)) {
    const inner = map[key];
    if (inner === undefined || (inner !== null && typeof inner === "object")) map[key] = toPlain(inner);
  }
  return map;
}

/** ISO-8601 with the stored offset and no trailing zeros: 2026-02-01T09:55:00-05:00, ...:53.825Z. */
function dateTimeToIso(value: neo4j.DateTime): string {
  return value
    .toString()
    .replace(/\[[^\]]*\]$/, "")
    .replace(/(\.\d*?)0+(?=[Z+-]|$)/, "$1")
    .replace(/\.(?=[Z+-]|$)/, "");
}

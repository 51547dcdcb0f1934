import { spanMsOf } from "../../../cypher/sort-keys.js";

/**
 * An event's or price move's fields from what articles state about it (docs/meaning.md,
 * "Figures stated per article"): field by field, the value of the most recently published
 * current statement (a REPORTS link) that gives it; a field no statement gives keeps its value.
 */

/** Cypher expression: the first non-null `field` among the statements `rs` (most recently published first). */
const first = (field: string) => `head([r IN rs WHERE r.${field} IS NOT NULL | r.${field}])`;

/**
 * Cypher: the fields of every event and price move `nodes` binds to `n` (a clause, one row per
 * node), from their current statements. A price move's changePct follows its open and close.
 */
export function statedFieldsOf(nodes: string): string {
  return `${nodes}
     WITH DISTINCT n
     CALL (n) {
       MATCH (a:Article)-[r:REPORTS]->(n)
       WITH r ORDER BY a.publishedAt DESC, a.url
       RETURN collect(r) AS rs
     }
     FOREACH (_ IN CASE WHEN n:Event THEN [1] ELSE [] END |
       SET n.title = coalesce(${first("title")}, n.title), n.kind = coalesce(${first("kind")}, n.kind),
           n.occurredAt = coalesce(${first("occurredAt")}, n.occurredAt), n.endedAt = coalesce(${first("endedAt")}, n.endedAt),
           n.amountUsd = coalesce(${first("amountUsd")}, n.amountUsd))
     FOREACH (_ IN CASE WHEN n:PriceMove THEN [1] ELSE [] END |
       SET n.startAt = coalesce(${first("startAt")}, n.startAt), n.endAt = coalesce(${first("endAt")}, n.endAt),
           n.open = coalesce(${first("open")}, n.open), n.high = coalesce(${first("high")}, n.high),
           n.low = coalesce(${first("low")}, n.low), n.close = coalesce(${first("close")}, n.close),
           n.description = coalesce(${first("description")}, n.description))
     SET n.sortAt = CASE WHEN n:Event THEN n.occurredAt.epochMillis ELSE n.startAt.epochMillis END,
         n.spanMs = ${spanMsOf("n")},
         n.changePct = CASE WHEN n:PriceMove AND n.open IS NOT NULL AND n.close IS NOT NULL
                            THEN round((n.close - n.open) / n.open * 10000) / 100 ELSE n.changePct END`;
}

/**
 * The fields of every event and price move that the articles `$articleIds` report (now, or in
 * a version they replace: PAST_REPORTS), and of the events `$citedEvents`.
 */
export const STATED_FIELDS = statedFieldsOf(`CALL () {
       UNWIND $articleIds AS uid
       MATCH (:Article { id: uid })-[:REPORTS|PAST_REPORTS]->(n)
       WHERE n:Event OR n:PriceMove
       RETURN n
       UNION
       UNWIND coalesce($citedEvents, []) AS key
       MATCH (n:Event { key: key })
       RETURN n
     }`);

import { PAIR_KEY_OF } from "./claim-pair.js";
import { ALIASED_LABELS } from "../db/migrations.js";
import { addAliases } from "./aliases.js";
import { leadsTo } from "./claims.js";
import { recomputeFor, recomputePairs, STRONG_LEADS_TO_FROM, STRONG_LEADS_TO_OF, SUMMARISE_LEADS_TO } from "./leads-to.js";
import { sortAtOf, spanMsOf } from "./sort-keys.js";

/**
 * A migration that runs until it has run once: `statement` (it starts with MATCH) only while
 * no Migration node has `name`, then that node is written, so later starts skip its scan.
 */
function once(name: string, statement: string): string[] {
  return [
    `OPTIONAL MATCH (done:Migration { name: '${name}' })
   WITH done WHERE done IS NULL
${statement}`,
    `MERGE (:Migration { name: '${name}' })`,
  ];
}

/**
 * Data written by earlier versions, brought to today's model; each statement touches only
 * what still needs it, so running them again changes nothing.
 */
export const DATA_MIGRATIONS: readonly string[] = [
  // Claims record the periods in which they were current (see claimVisibleAt), once: every
  // writer since records them, so later starts skip the scan of every claim.
  ...once(
    "claim-periods-1",
    `   MATCH (c:Claim) WHERE c.periods IS NULL
   CALL (c) {
     SET c.periods = [c.recordedAt.epochMillis] + CASE WHEN c.supersededAt IS NULL THEN [] ELSE [c.supersededAt.epochMillis] END
   } IN TRANSACTIONS OF 5000 ROWS`,
  ),
  // Every (cause, effect) pair of current leads-to claims has its derived LEADS_TO (see leads-to.ts), once.
  `MATCH (a:Article) WHERE EXISTS { (a)-[:MAKES]->() } AND NOT EXISTS { (:Migration { name: 'leads-to-1' }) }
   CALL (a) {
     ${recomputeFor("MATCH (a)-[:MAKES]->(touched:Claim)")}
   } IN TRANSACTIONS OF 200 ROWS`,
  `MERGE (:Migration { name: 'leads-to-1' })`,
  // LEADS_TO carries the summaries a search weighs hops by, once.
  ...once(
    "leads-to-2",
    `   MATCH ()-[r:LEADS_TO]->() WHERE r.factSources IS NULL
   CALL (r) {
     ${SUMMARISE_LEADS_TO}
   } IN TRANSACTIONS OF 5000 ROWS`,
  ),
  // Claims carry the key of their (cause, effect) pair, once.
  ...once(
    "claim-pair-1",
    `   MATCH (c:Claim) WHERE c.pair IS NULL
   CALL (c) {
     MATCH (x)<-[:CAUSE]-(c)-[:EFFECT]->(y)
     SET c.pair = ${PAIR_KEY_OF("x", "y")}
   } IN TRANSACTIONS OF 5000 ROWS`,
  ),
  // Denials and PREVENTS claims carry their pair's key as otherStancePair (indexed), once.
  ...once(
    "claim-other-stance-pair-1",
    `   MATCH (c:Claim) WHERE c.pair IS NOT NULL AND NOT (c.polarity = 'ASSERTED' AND ${leadsTo("c")})
   CALL (c) {
     SET c.otherStancePair = c.pair
   } IN TRANSACTIONS OF 5000 ROWS`,
  ),
  // LEADS_TO carries its pair's key (indexed), once.
  ...once(
    "leads-to-pair-1",
    `   MATCH (x)-[r:LEADS_TO]->(y) WHERE r.pair IS NULL
   CALL (x, r, y) {
     SET r.pair = ${PAIR_KEY_OF("x", "y")}
   } IN TRANSACTIONS OF 10000 ROWS`,
  ),
  // A LEADS_TO strong enough has its STRONG_LEADS_TO, once.
  ...once(
    "strong-leads-to-1",
    `   MATCH (x)-[r:LEADS_TO]->(y)
   CALL (x, r, y) {
     ${STRONG_LEADS_TO_OF}
   } IN TRANSACTIONS OF 10000 ROWS`,
  ),
  // STRONG_LEADS_TO carries the range of its claims' publication times, once.
  ...once(
    "strong-published-1",
    `   MATCH ()-[s:STRONG_LEADS_TO]->() WHERE s.firstPublished IS NULL
   CALL (s) {
     MATCH ()-[r:LEADS_TO { pair: s.pair }]->()
     ${STRONG_LEADS_TO_FROM}
   } IN TRANSACTIONS OF 10000 ROWS`,
  ),
  // Articles record when the graph learned of them (first cited or ingested), once: from their
  // first version, else from the first link citing them; one with neither stays unrecorded (known always).
  ...once(
    "article-recorded-1",
    `   MATCH (a:Article) WHERE a.recordedAt IS NULL
   CALL (a) {
     WITH a, COLLECT { MATCH (a)-[:HAS_VERSION]->(v:ArticleVersion) RETURN v.recordedAt } +
             COLLECT { MATCH (a)<-[r:CITES|PAST_CITES]-() RETURN r.recordedAt } AS times
     WITH a, [t IN times WHERE t IS NOT NULL] AS times
     WHERE size(times) > 0
     SET a.recordedAt = reduce(first = times[0], t IN times | CASE WHEN t < first THEN t ELSE first END)
   } IN TRANSACTIONS OF 5000 ROWS`,
  ),
  // Ingested articles have a current version record.
  `MATCH (a:Article) WHERE a.contentHash IS NOT NULL AND NOT EXISTS { (a)-[:HAS_VERSION]->() }
   CALL (a) {
     CREATE (a)-[:HAS_VERSION]->(:ArticleVersion { contentHash: a.contentHash, recordedAt: a.ingestedAt })
   } IN TRANSACTIONS OF 5000 ROWS`,

  // Articles and their claims carry their list sort key (see sort-keys.ts); an article without one was written before it.
  `MATCH (a:Article) WHERE a.sortAt IS NULL
   CALL (a) {
     SET a.sortAt = ${sortAtOf("a.publishedAt")}
     WITH a
     MATCH (a)-[:MAKES]->(c:Claim)
     SET c.sortAt = a.sortAt
   } IN TRANSACTIONS OF 500 ROWS`,

  // Events and price moves carry their timeline sort key, once.
  `MATCH (x:Event) WHERE x.occurredAt IS NOT NULL AND x.sortAt IS NULL
   CALL (x) { SET x.sortAt = x.occurredAt.epochMillis } IN TRANSACTIONS OF 5000 ROWS`,
  `MATCH (x:PriceMove) WHERE x.startAt IS NOT NULL AND x.sortAt IS NULL
   CALL (x) { SET x.sortAt = x.startAt.epochMillis } IN TRANSACTIONS OF 5000 ROWS`,
  // Dated events and price moves carry how long they last, for timelines by span, once.
  ...once(
    "span-ms-1",
    `   MATCH (x) WHERE (x:Event AND x.occurredAt IS NOT NULL OR x:PriceMove AND x.startAt IS NOT NULL) AND x.spanMs IS NULL
   CALL (x) { SET x.spanMs = ${spanMsOf("x")} } IN TRANSACTIONS OF 5000 ROWS`,
  ),
  // PRECEDES records order, not cause (docs/meaning.md): its claims leave their pairs' LEADS_TO
  // and, like every stance other than an asserted leads-to claim, carry otherStancePair, once.
  ...once(
    "precedes-is-order-1",
    `   MATCH (touched:Claim) WHERE touched.relation = 'PRECEDES'
   CALL (touched) {
     SET touched.otherStancePair = touched.pair
     WITH touched
     ${recomputePairs("MATCH (x)<-[:CAUSE|PAST_CAUSE]-(touched)-[:EFFECT|PAST_EFFECT]->(y)")}
   } IN TRANSACTIONS OF 500 ROWS`,
  ),
  // Nodes keep the keys and names they were given as aliases (see aliases.ts), once.
  ...once(
    "aliases-1",
    `   MATCH (x) WHERE (${ALIASED_LABELS.map((label) => `x:${label}`).join(" OR ")}) AND x.aliases IS NULL
   CALL (x) {
     ${addAliases("x", "[coalesce(x.key, x.symbol), coalesce(x.name, x.title, x.description)]")}
   } IN TRANSACTIONS OF 5000 ROWS`,
  ),
];

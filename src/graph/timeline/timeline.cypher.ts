import { claimVisibleAt } from "../../cypher/claims.js";
import { KIND_RANK, TimelineEntryKind } from "./timeline.types.js";

/**
 * Cypher for the timeline's entries. Every branch reads the filter from `$f`, current claims
 * from `$asOf`, and the range to seek from a `{from, to}` map parameter named by the caller.
 * Labels and ranks are fixed here; nothing from input is spliced into the text.
 */

// Neo4j orders equal instants by their offset (12:00Z sorts after 07:00-05:00), so the index
// seek is widened by a second and the inclusive window is tested exactly by WINDOW_CONTAINS_AT.
const seeks = (at: string, range: string) =>
  `${at} >= datetime(${range}.from) - duration('PT1S') AND ${at} <= datetime(${range}.to) + duration('PT1S')`;

const utc = (dateTime: string) => `datetime({ datetime: ${dateTime}, timezone: 'Z' })`;

/** Cypher condition: `at` lies in `$window` (inclusive), compared as instants whatever the offsets. */
export const WINDOW_CONTAINS_AT = `${utc("at")} >= ${utc("datetime($window.from)")} AND ${utc("at")} <= ${utc("datetime($window.to)")}`;

/** Event or price move `x` is a cause, effect or condition of a current claim advancing the narrative. */
const NAMED_BY_NARRATIVE_CLAIM = `EXISTS {
      MATCH (c:Claim)-[:CAUSE|EFFECT|IF]->(x)
      WHERE ${claimVisibleAt("c")} AND EXISTS { (c)-[:ADVANCES]->(:Narrative { key: $f.narrative }) } }`;

/** Event or price move `x` is reported by an article with the tag and by an article of the outlet (each test on its own). */
const REPORTED_BY_MATCHING_ARTICLES = `($f.tag IS NULL OR EXISTS { (x)<-[:REPORTS]-(:Article)-[:TAGGED]->(:Tag { name: $f.tag }) })
      AND ($f.source IS NULL OR EXISTS { (x)<-[:REPORTS]-(:Article)-[:PUBLISHED_BY]->(:Source { domain: $f.source }) })`;

/** Claim `x` names the asset, an event affecting it or a price move of it as cause, effect or condition. */
const CLAIM_ABOUT_ASSET = `EXISTS {
      MATCH (x)-[:CAUSE|EFFECT|IF]->(y)
      WHERE (y:Asset AND y.symbol = $f.asset)
         OR (y:Event AND EXISTS { (y)-[:AFFECTS]->(:Asset { symbol: $f.asset }) })
         OR (y:PriceMove AND EXISTS { (y)-[:OF]->(:Asset { symbol: $f.asset }) }) }`;

const BRANCHES: Readonly<Record<TimelineEntryKind, (range: string) => string>> = {
  // Events without occurredAt are hypothetical scenarios: the range comparison drops them.
  [TimelineEntryKind.EVENT]: (range) => `MATCH (x:Event)
    WHERE ${seeks("x.occurredAt", range)}
      AND ($f.asset IS NULL OR EXISTS { (x)-[:AFFECTS]->(:Asset { symbol: $f.asset }) })
      AND ($f.narrative IS NULL OR ${NAMED_BY_NARRATIVE_CLAIM})
      AND ${REPORTED_BY_MATCHING_ARTICLES}
    RETURN x.occurredAt AS at, ${KIND_RANK.EVENT} AS rank, x.key AS id, x AS node`,
  [TimelineEntryKind.PRICE_MOVE]: (range) => `MATCH (x:PriceMove)
    WHERE ${seeks("x.startAt", range)}
      AND ($f.asset IS NULL OR EXISTS { (x)-[:OF]->(:Asset { symbol: $f.asset }) })
      AND ($f.narrative IS NULL OR ${NAMED_BY_NARRATIVE_CLAIM})
      AND ${REPORTED_BY_MATCHING_ARTICLES}
    RETURN x.startAt AS at, ${KIND_RANK.PRICE_MOVE} AS rank, x.key AS id, x AS node`,
  [TimelineEntryKind.ARTICLE]: (range) => `MATCH (x:Article)
    WHERE ${seeks("x.publishedAt", range)}
      AND ($f.asset IS NULL OR EXISTS { (x)-[:MENTIONS]->(:Asset { symbol: $f.asset }) })
      AND ($f.narrative IS NULL
           OR EXISTS { (x)-[:ADVANCES]->(:Narrative { key: $f.narrative }) }
           OR EXISTS { MATCH (x)-[:MAKES]->(c:Claim)-[:ADVANCES]->(:Narrative { key: $f.narrative }) WHERE ${claimVisibleAt("c")} })
      AND ($f.tag IS NULL OR EXISTS { (x)-[:TAGGED]->(:Tag { name: $f.tag }) })
      AND ($f.source IS NULL OR EXISTS { (x)-[:PUBLISHED_BY]->(:Source { domain: $f.source }) })
    RETURN x.publishedAt AS at, ${KIND_RANK.ARTICLE} AS rank, x.id AS id, x AS node`,
  // A claim's id embeds its article's, so each claim has one MAKES article and one row.
  [TimelineEntryKind.CLAIM]: (range) => `MATCH (a:Article)-[:MAKES]->(x:Claim)
    WHERE ${seeks("a.publishedAt", range)} AND ${claimVisibleAt("x")}
      AND ($f.asset IS NULL OR ${CLAIM_ABOUT_ASSET})
      AND ($f.narrative IS NULL OR EXISTS { (x)-[:ADVANCES]->(:Narrative { key: $f.narrative }) })
      AND ($f.tag IS NULL OR EXISTS { (a)-[:TAGGED]->(:Tag { name: $f.tag }) })
      AND ($f.source IS NULL
           OR EXISTS { (a)-[:PUBLISHED_BY]->(:Source { domain: $f.source }) }
           OR EXISTS { (x)-[:ATTRIBUTED_TO]->(:Source { domain: $f.source }) })
    RETURN a.publishedAt AS at, ${KIND_RANK.CLAIM} AS rank, x.id AS id, x AS node`,
};

/**
 * A `CALL () { ... UNION ALL ... }` subquery yielding one row `{at, rank, id, node}` per entry
 * of the given kinds near the range `range` (a parameter such as `$window`); callers keep the
 * rows that WINDOW_CONTAINS_AT. The branches match disjoint labels, so no entry repeats.
 */
export function timelineEntries(kinds: readonly TimelineEntryKind[], range: string): string {
  return `CALL () {
    ${kinds.map((kind) => BRANCHES[kind](range)).join("\n    UNION ALL\n    ")}
  }`;
}

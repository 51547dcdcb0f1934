import { claimVisibleAt } from "../../cypher/claims.js";
import type { TimelineCriteria } from "./timeline.criteria.js";
import { KIND_RANK, TimelineEntryKind } from "./timeline.types.js";

/**
 * Cypher for the timeline's entries, built from the filters present (absent ones add
 * nothing, so each branch can start from the named asset, tag or source, or seek its time
 * index). Values stay parameters: the filter is `$f`, the instant bounds `$window`
 * (`{from, to}` ISO strings), the cursor `$after` (`{t, rank, id}`), the page size `$limit`.
 * Labels and ranks are fixed here; nothing from input is spliced into the text.
 */

/** The filters a branch tests, as present in the criteria. */
type Present = Pick<TimelineCriteria, "asset" | "narrative" | "tag" | "source">;

/** Where a branch's entries come from and how their time reads: `t` is epoch milliseconds. */
interface Branch {
  readonly patterns: readonly string[];
  readonly where: readonly string[];
  /** The entry's instant (a DateTime expression) and its epoch milliseconds. */
  readonly at: string;
  readonly t: string;
  /** Conditions bounding the time to the window (index-seekable). */
  readonly window: string;
  readonly id: string;
}

const WINDOW_MS = "datetime($window.from).epochMillis <= $T AND $T <= datetime($window.to).epochMillis";

/**
 * Events and moves keep their DateTime as given; Neo4j orders equal instants in different
 * offsets apart, so the index seek is widened by a second and the exact instant test follows.
 */
const dateTimeWindow = (at: string) =>
  `${at} >= datetime($window.from) - duration('PT1S') AND ${at} <= datetime($window.to) + duration('PT1S') AND ${WINDOW_MS.replaceAll("$T", `${at}.epochMillis`)}`;

/** Event or price move `x` is a cause, effect or condition of a current claim advancing the narrative. */
const NAMED_BY_NARRATIVE_CLAIM = `EXISTS {
      MATCH (c:Claim)-[:CAUSE|EFFECT|IF]->(x)
      WHERE ${claimVisibleAt("c")} AND EXISTS { (c)-[:ADVANCES]->(:Narrative { key: $f.narrative }) } }`;

/** Conditions shared by events and price moves: named by a narrative's claim, reported by an article with the tag and by one of the outlet. */
function reported(f: Present): string[] {
  const where: string[] = [];
  if (f.narrative) where.push(NAMED_BY_NARRATIVE_CLAIM);
  if (f.tag) where.push("EXISTS { (x)<-[:REPORTS]-(:Article)-[:TAGGED]->(:Tag { name: $f.tag }) }");
  if (f.source) where.push("EXISTS { (x)<-[:REPORTS]-(:Article)-[:PUBLISHED_BY]->(:Source { domain: $f.source }) }");
  return where;
}

const BRANCHES: Readonly<Record<TimelineEntryKind, (f: Present) => Branch>> = {
  // Events without occurredAt are hypothetical scenarios: the window test drops them.
  [TimelineEntryKind.EVENT]: (f) => ({
    patterns: ["(x:Event)", ...(f.asset ? ["(x)-[:AFFECTS]->(:Asset { symbol: $f.asset })"] : [])],
    where: reported(f),
    at: "x.occurredAt",
    t: "x.occurredAt.epochMillis",
    window: dateTimeWindow("x.occurredAt"),
    id: "x.key",
  }),
  [TimelineEntryKind.PRICE_MOVE]: (f) => ({
    patterns: ["(x:PriceMove)", ...(f.asset ? ["(x)-[:OF]->(:Asset { symbol: $f.asset })"] : [])],
    where: reported(f),
    at: "x.startAt",
    t: "x.startAt.epochMillis",
    window: dateTimeWindow("x.startAt"),
    id: "x.key",
  }),
  [TimelineEntryKind.ARTICLE]: (f) => ({
    patterns: [
      "(x:Article)",
      ...(f.asset ? ["(x)-[:MENTIONS]->(:Asset { symbol: $f.asset })"] : []),
      ...(f.tag ? ["(x)-[:TAGGED]->(:Tag { name: $f.tag })"] : []),
      ...(f.source ? ["(x)-[:PUBLISHED_BY]->(:Source { domain: $f.source })"] : []),
    ],
    where: f.narrative
      ? [`(EXISTS { (x)-[:ADVANCES]->(:Narrative { key: $f.narrative }) }
           OR EXISTS { MATCH (x)-[:MAKES]->(c:Claim)-[:ADVANCES]->(:Narrative { key: $f.narrative }) WHERE ${claimVisibleAt("c")} })`]
      : [],
    at: "x.publishedAt",
    t: "x.sortAt",
    window: WINDOW_MS.replaceAll("$T", "x.sortAt"),
    id: "x.id",
  }),
  // A claim's time is its article's publication (its stored sortAt); one MAKES article per claim.
  [TimelineEntryKind.CLAIM]: (f) => ({
    patterns: [
      "(a:Article)-[:MAKES]->(x:Claim)",
      ...(f.narrative ? ["(x)-[:ADVANCES]->(:Narrative { key: $f.narrative })"] : []),
      ...(f.tag ? ["(a)-[:TAGGED]->(:Tag { name: $f.tag })"] : []),
    ],
    where: [
      claimVisibleAt("x"),
      ...(f.asset
        ? [`EXISTS {
      MATCH (x)-[:CAUSE|EFFECT|IF]->(y)
      WHERE (y:Asset AND y.symbol = $f.asset)
         OR (y:Event AND EXISTS { (y)-[:AFFECTS]->(:Asset { symbol: $f.asset }) })
         OR (y:PriceMove AND EXISTS { (y)-[:OF]->(:Asset { symbol: $f.asset }) }) }`]
        : []),
      ...(f.source
        ? [`(EXISTS { (a)-[:PUBLISHED_BY]->(:Source { domain: $f.source }) } OR EXISTS { (x)-[:ATTRIBUTED_TO]->(:Source { domain: $f.source }) })`]
        : []),
    ],
    at: "a.publishedAt",
    t: "x.sortAt",
    window: WINDOW_MS.replaceAll("$T", "x.sortAt"),
    id: "x.id",
  }),
};

/**
 * Cypher condition: an entry of rank `rank` at `t` with id `id` comes after the cursor in
 * the timeline's order (time, then kind rank, then id, ascending). The rank is this branch's
 * constant, so the test reduces to one on time and id.
 */
function afterCursor(rank: number, t: string, id: string, cursorRank: number): string {
  if (rank > cursorRank) return `${t} >= $after.t`;
  if (rank < cursorRank) return `${t} > $after.t`;
  return `(${t} > $after.t OR (${t} = $after.t AND ${id} > $after.id))`;
}

const where = (conditions: readonly string[]) => (conditions.length ? `WHERE ${conditions.join("\n      AND ")}` : "");

/**
 * A `CALL () { ... UNION ALL ... }` subquery yielding the first `$limit` entries after the
 * cursor of each kind, as rows `{at, t, rank, id, node}`; the caller orders the union and
 * keeps `$limit`. Each branch pages on its own, so none reads past what a page can show.
 */
export function timelinePageEntries(criteria: TimelineCriteria, cursorRank: number | null): string {
  const branches = criteria.kinds.map((kind) => {
    const rank = KIND_RANK[kind];
    const b = BRANCHES[kind](criteria);
    const keyset = cursorRank === null ? [] : [afterCursor(rank, b.t, b.id, cursorRank)];
    return `MATCH ${b.patterns.join(", ")}
    ${where([b.window, ...b.where, ...keyset])}
    WITH x, ${b.at} AS at, ${b.t} AS t, ${b.id} AS id
    ORDER BY t, id
    LIMIT $limit
    RETURN at, t, ${rank} AS rank, id, x AS node`;
  });
  return `CALL () {
    ${branches.join("\n    UNION ALL\n    ")}
  }`;
}

/** A query counting every entry of the criteria in the window (the timeline's totalCount). */
export function timelineCount(criteria: TimelineCriteria): string {
  const branches = criteria.kinds.map((kind) => {
    const b = BRANCHES[kind](criteria);
    return `MATCH ${b.patterns.join(", ")}
    ${where([b.window, ...b.where])}
    RETURN count(*) AS n`;
  });
  return `CALL () {
    ${branches.join("\n    UNION ALL\n    ")}
  }
  RETURN sum(n) AS totalCount`;
}

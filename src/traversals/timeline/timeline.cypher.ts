import { claimVisibleAt } from "../../cypher/claims.js";
import { projectNode } from "../../cypher/projection.js";
import { MAX_PAGE_SIZE } from "../../graphql/connection.args.js";
import type { TimelineCriteria } from "./timeline.criteria.js";
import { KIND_RANK, TimelineEntryKind } from "./timeline.type.js";

/**
 * Cypher for the timeline's entries, built from the filters present (absent ones add
 * nothing, so each branch can start from the named asset, tag or source, or seek its time
 * index). Values stay parameters: the filter is `$f`, the instant bounds `$window`
 * (`{from, to}` ISO strings), the cursor `$after` (`{t, rank, id}`), the page size `$limit`.
 * Labels and ranks are fixed here; nothing from input is spliced into the text.
 */

/** The filters a branch tests, as present in the criteria. */
type Present = Pick<TimelineCriteria, "asset" | "narrative" | "tag" | "source">;

/**
 * Where a branch's entries come from. Every entry's time is `x.sortAt` (epoch milliseconds,
 * stored and indexed, see cypher/sort-keys.ts): an event's occurrence, a move's start, an
 * article's publication, a claim's article's.
 */
interface Branch {
  /** The label whose sortAt index a walk follows. */
  readonly label: "Event" | "PriceMove" | "Article" | "Claim";
  readonly patterns: readonly string[];
  readonly where: readonly string[];
  /** A filter that is one subquery binding `x` to start from, or one test to put to each entry a walk passes. */
  readonly startOrTest?: { readonly start: string; readonly test: string };
  /** What every listed entry has (without a window): a time, or for articles a publication date. */
  readonly dated: string;
  /** The entry's instant as given (a DateTime expression): its start for an event or a move. */
  readonly at: string;
  /** An event or a move: in a window when its span overlaps it (`spanMs`), read back from the window's start as far as `$spans.<key>`. */
  readonly span?: "event" | "move";
  readonly id: string;
}

/** `x.sortAt` lies in the window (inclusive), compared as instants; index-seekable. Hypothetical events (no time) have no sortAt and drop out. */
const IN_WINDOW = "x.sortAt >= datetime($window.from).epochMillis AND x.sortAt <= datetime($window.to).epochMillis";

/**
 * An event's or move's span (sortAt to sortAt + spanMs) overlaps the window, inclusive: it
 * starts by the window's end and ends at or after its start. Index-seekable, the seek reaching
 * back from the window's start by the longest span of the label (`$spans.<span>`, read from
 * the top of the spanMs index by the repository), so what started before the window and runs
 * into it is found without reading every earlier entry.
 */
const SPAN_IN_WINDOW = (span: "event" | "move") =>
  `x.sortAt >= datetime($window.from).epochMillis - $spans.${span} AND x.sortAt <= datetime($window.to).epochMillis
       AND x.sortAt + coalesce(x.spanMs, 0) >= datetime($window.from).epochMillis`;

/** The claims about the asset, each once: it, an event affecting it or a move of it is the cause, effect or a condition. */
const CLAIMS_ABOUT_ASSET = {
  start: `CALL () {
      MATCH (:Asset { symbol: $f.asset })<-[:CAUSE|EFFECT|IF]-(x:Claim) RETURN x
      UNION
      MATCH (:Asset { symbol: $f.asset })<-[:AFFECTS|OF]-()<-[:CAUSE|EFFECT|IF]-(x:Claim) RETURN x
    }`,
  test: `EXISTS {
      MATCH (x)-[:CAUSE|EFFECT|IF]->(y)
      WHERE (y:Asset AND y.symbol = $f.asset)
         OR (y:Event AND EXISTS { (y)-[:AFFECTS]->(:Asset { symbol: $f.asset }) })
         OR (y:PriceMove AND EXISTS { (y)-[:OF]->(:Asset { symbol: $f.asset }) }) }`,
};

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
    label: "Event",
    patterns: ["(x:Event)", ...(f.asset ? ["(x)-[:AFFECTS]->(:Asset { symbol: $f.asset })"] : [])],
    // A node merged into another (mergeNodes) is that other now.
    where: [...reported(f), "x.mergedInto IS NULL"],
    dated: "x.sortAt IS NOT NULL",
    at: "x.occurredAt",
    id: "x.key",
    span: "event",
  }),
  [TimelineEntryKind.PRICE_MOVE]: (f) => ({
    label: "PriceMove",
    patterns: ["(x:PriceMove)", ...(f.asset ? ["(x)-[:OF]->(:Asset { symbol: $f.asset })"] : [])],
    where: [...reported(f), "x.mergedInto IS NULL"],
    dated: "x.sortAt IS NOT NULL",
    at: "x.startAt",
    id: "x.key",
    span: "move",
  }),
  [TimelineEntryKind.ARTICLE]: (f) => ({
    label: "Article",
    patterns: [
      "(x:Article)",
      ...(f.asset ? ["(x)-[:MENTIONS]->(:Asset { symbol: $f.asset })"] : []),
      ...(f.tag ? ["(x)-[:TAGGED]->(:Tag { name: $f.tag })"] : []),
      ...(f.source ? ["(x)-[:PUBLISHED_BY]->(:Source { domain: $f.source })"] : []),
    ],
    where: f.narrative
      ? [
          `(EXISTS { (x)-[:ADVANCES]->(:Narrative { key: $f.narrative }) }
           OR EXISTS { MATCH (x)-[:MAKES]->(c:Claim)-[:ADVANCES]->(:Narrative { key: $f.narrative }) WHERE ${claimVisibleAt("c")} })`,
        ]
      : [],
    dated: "x.publishedAt IS NOT NULL",
    at: "x.publishedAt",
    id: "x.id",
  }),
  // A claim's time is its article's publication (its stored sortAt); one MAKES article per claim.
  [TimelineEntryKind.CLAIM]: (f) => ({
    label: "Claim",
    patterns: [
      "(a:Article)-[:MAKES]->(x:Claim)",
      ...(f.narrative ? ["(x)-[:ADVANCES]->(:Narrative { key: $f.narrative })"] : []),
      ...(f.tag ? ["(a)-[:TAGGED]->(:Tag { name: $f.tag })"] : []),
    ],
    where: [
      claimVisibleAt("x"),
      ...(f.source
        ? [
            `(EXISTS { (a)-[:PUBLISHED_BY]->(:Source { domain: $f.source }) } OR EXISTS { (x)-[:ATTRIBUTED_TO]->(:Source { domain: $f.source }) })`,
          ]
        : []),
    ],
    ...(f.asset ? { startOrTest: CLAIMS_ABOUT_ASSET } : {}),
    dated: "x.sortAt IS NOT NULL",
    at: "a.publishedAt",
    id: "x.id",
  }),
};

/**
 * Cypher condition: an entry of rank `rank` at `t` with id `id` comes after the cursor in
 * the timeline's order (time, then kind rank, then id, ascending). The rank is this branch's
 * constant, so the test reduces to one on time and id.
 */
function afterCursor(rank: number, id: string, cursorRank: number): string {
  if (rank > cursorRank) return "x.sortAt >= $after.t";
  if (rank < cursorRank) return "x.sortAt > $after.t";
  return `x.sortAt >= $after.t AND (x.sortAt > $after.t OR ${id} > $after.id)`;
}

/**
 * Each branch's cut: the largest page plus one, written into the query (a code constant, not
 * input) because the planner only walks an index in order and stops early for a LIMIT it knows;
 * with `LIMIT $limit` it plans for an unknown count and sorts everything. The union is then cut at `$limit`.
 */
const BRANCH_LIMIT = MAX_PAGE_SIZE + 1;

/**
 * A branch's MATCH: from the filters' nodes (the planner picks the most selective), or, for a
 * walk, along the label's sortAt index with the filters tested on the way.
 */
function from(b: Branch, walk: boolean): string {
  if (!walk) return `${b.startOrTest?.start ?? ""}\n    MATCH ${b.patterns.join(", ")}`;
  return `MATCH ${b.patterns[0]} USING INDEX x:${b.label}(sortAt)`;
}

/** A branch's conditions: the window (or only dated entries when there is none), its filters, and for a walk the filter tests. */
function conditions(b: Branch, walk: boolean, windowed: boolean): string[] {
  const inWindow = b.span ? SPAN_IN_WINDOW(b.span) : IN_WINDOW;
  const time = windowed ? [inWindow] : walk ? ["x.sortAt IS NOT NULL", b.dated] : [b.dated];
  const tests = walk
    ? [...b.patterns.slice(1).map((pattern) => `EXISTS { ${pattern} }`), ...(b.startOrTest ? [b.startOrTest.test] : [])]
    : [];
  return [...new Set([...time, ...tests, ...b.where])];
}

const where = (conditions: readonly string[]) => (conditions.length ? `WHERE ${conditions.join("\n      AND ")}` : "");

/**
 * A `CALL () { ... UNION ALL ... }` subquery yielding the first `$limit` entries after the
 * cursor of each kind (at most BRANCH_LIMIT), as rows `{at, t, rank, id, node}`; the caller
 * orders the union and keeps `$limit`. Each branch pages on its own, so none reads past what a page can show. With
 * `walk` (a hub asset, see cypher/asset-reach.ts) each branch follows its label's sortAt index
 * in order and stops when its page is full.
 */
function timelinePageEntries(criteria: TimelineCriteria, cursorRank: number | null, walk: boolean): string {
  const windowed = criteria.from !== null || criteria.to !== null;
  const branches = criteria.kinds.map((kind) => {
    const rank = KIND_RANK[kind];
    const b = BRANCHES[kind](criteria);
    const keyset = cursorRank === null ? [] : [afterCursor(rank, b.id, cursorRank)];
    return `${from(b, walk)}
    ${where([...conditions(b, walk, windowed), ...keyset])}
    WITH x, ${b.at} AS at, ${b.id} AS id
    ORDER BY x.sortAt, id
    LIMIT ${BRANCH_LIMIT}
    RETURN at, x.sortAt AS t, ${rank} AS rank, id, x AS node`;
  });
  return `CALL () {
    ${branches.join("\n    UNION ALL\n    ")}
  }`;
}

/** One page of the timeline: the entries of timelinePageEntries in order, the first `$limit`, each node projected. */
export function timelinePage(criteria: TimelineCriteria, cursorRank: number | null, walk: boolean): string {
  return `${timelinePageEntries(criteria, cursorRank, walk)}
     WITH at, t, rank, id, node ORDER BY t, rank, id LIMIT $limit
     RETURN at, t, rank, id, ${projectNode("node")} AS node`;
}

/** A query counting every entry of the criteria in the window (the timeline's totalCount). */
export function timelineCount(criteria: TimelineCriteria): string {
  const windowed = criteria.from !== null || criteria.to !== null;
  const branches = criteria.kinds.map((kind) => {
    const b = BRANCHES[kind](criteria);
    return `${from(b, false)}
    ${where(conditions(b, false, windowed))}
    RETURN count(*) AS n`;
  });
  return `CALL () {
    ${branches.join("\n    UNION ALL\n    ")}
  }
  RETURN sum(n) AS totalCount`;
}

/** The longest span of any event and of any price move (epoch ms, 0 when none), each from the top of its spanMs index. */
export const LONGEST_SPANS = `RETURN
     coalesce(head(COLLECT { MATCH (x:Event) WHERE x.spanMs >= 0 RETURN x.spanMs ORDER BY x.spanMs DESC LIMIT 1 }), 0) AS event,
     coalesce(head(COLLECT { MATCH (x:PriceMove) WHERE x.spanMs >= 0 RETURN x.spanMs ORDER BY x.spanMs DESC LIMIT 1 }), 0) AS move`;

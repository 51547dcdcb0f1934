import { claimVisibleAt, leadsTo } from "../../cypher/claims.js";
import { PAIR_KEY_OF } from "../../cypher/claim-pair.js";
import { CAUSAL_LABELS, keyOf, lookupNode } from "../../cypher/labels.js";
import { linkHeldAt, linkTypes } from "../../cypher/link-history.js";
import type { Direction, Floor, HopSource } from "./hop.js";

// The Cypher of a traversal's reads; hops.repository.ts runs it and decodes its rows.

/** Cypher expression: when causal node `n` happened (see ReachedNode.time). */
const TIME_OF = (n: string) =>
  `CASE WHEN ${n}:Event THEN ${n}.occurredAt.epochMillis WHEN ${n}:PriceMove THEN ${n}.startAt.epochMillis END`;

/** Cypher expression: when causal node `n` was over (see ReachedNode.end). */
const END_OF = (n: string) =>
  `CASE WHEN ${n}:Event THEN coalesce(${n}.endedAt, ${n}.occurredAt).epochMillis WHEN ${n}:PriceMove THEN coalesce(${n}.endAt, ${n}.startAt).epochMillis END`;

/** Cypher map expression: a MetNode of node `n`. */
const NODE_REF = (n: string) =>
  `{ id: elementId(${n}), label: head(labels(${n})), key: ${keyOf(n)}, time: ${TIME_OF(n)}, end: ${END_OF(n)} }`;

/** Cypher condition: node `v` is an event that occurred, or a price move that started, after `$notAfter` (if set). */
export const HAPPENED_AFTER =
  "($notAfter IS NOT NULL AND coalesce((v:Event AND v.occurredAt.epochMillis > $notAfter) OR (v:PriceMove AND v.startAt.epochMillis > $notAfter), false))";

/**
 * The pattern of one hop from `u` in `direction`, binding the other end to `v` and its
 * LEADS_TO (or, for summaries, what carries them) to `r`. `strong`: only the hops with a
 * STRONG_LEADS_TO whose summaries clear the floor (a condition over its variable), for a level
 * whose floor leaves out every hop below STRONG_FROM (docs/traversals.md#hops-and-summaries).
 */
function hopPattern(source: HopSource, direction: Direction, strong: ((rel: string) => string) | null): string {
  if (source.kind !== "asOf") {
    const hop = (type: string, r: string) => (direction === "forward" ? `(u)-[${r}:${type}]->(v)` : `(u)<-[${r}:${type}]-(v)`);
    let match = `MATCH ${hop("LEADS_TO", "r")}`;
    if (strong && source.kind === "summary") match = `MATCH ${hop("STRONG_LEADS_TO", "r")}`;
    if (strong && source.kind === "current") {
      match = `MATCH ${hop("STRONG_LEADS_TO", "s")}
      WHERE ${strong("s")} AND ($window IS NULL OR coalesce(s.lastPublished >= $window.from AND s.firstPublished <= $window.to, true))
      MATCH ()-[r:LEADS_TO { pair: s.pair }]->()`;
    }
    // Summaries are read from the STRONG_LEADS_TO itself: its floor test comes first.
    const clears = strong && source.kind === "summary" ? `${strong("r")} AND ` : "";
    return `${match}
      WHERE ${clears}r.maxConfidence >= $minConfidence AND NOT ${HAPPENED_AFTER}
        AND ($window IS NULL OR any(published IN r.publishedAt WHERE published >= $window.from AND published <= $window.to))`;
  }
  // The cause and effect each claim held at $asOf, current or since dropped by a later version.
  const [cause, effect] = [`[rc:${linkTypes(["CAUSE"], true)}]`, `[re:${linkTypes(["EFFECT"], true)}]`];
  const claim = direction === "forward" ? `(u)<-${cause}-(c:Claim)-${effect}->(v)` : `(u)<-${effect}-(c:Claim)-${cause}->(v)`;
  return `MATCH ${claim}
    WHERE c.polarity = 'ASSERTED' AND ${leadsTo("c")} AND c.confidence >= $minConfidence AND ${claimVisibleAt("c")} AND NOT ${HAPPENED_AFTER}
      AND ${linkHeldAt("rc", "$asOf")} AND ${linkHeldAt("re", "$asOf")}`;
}

/** The claim lists of a hop, as parallel lists, in the order a hop tuple carries them (none for summaries). */
const CLAIM_LISTS = ["ids", "confidences", "domains", "conditional", "published"] as const;

/**
 * The fields of one hop as expandHops returns it: a list, because lists cost Neo4j less to
 * build than maps; decodeHop (hops.repository.ts) reads it by these names.
 */
export function hopTupleFields(source: HopSource): readonly string[] {
  return ["node", "time", "end", "onward", "best", ...(source.kind === "summary" ? ["sources"] : CLAIM_LISTS)];
}

/**
 * Binds, per hop (u, v), with the `carry` columns: `best` (the best confidence a chain may
 * use), `count` (distinct outlets of all its claims, or claims where the outlets are not
 * summarised: at least the outlets of any chain through it) and the payload: the claims as
 * parallel lists, from LEADS_TO's properties (with `windowed`, only the claims published in
 * `$window`) or from the matched claims, or the summary's `sources`.
 */
function hopClaims(source: HopSource, carry: string, windowed: boolean): string {
  if (source.kind === "summary") {
    const [best, sources] = source.includeConditional ? ["r.maxConfidence", "r.sources"] : ["r.factConfidence", "r.factSources"];
    return `WITH u, v, ${best} AS best, ${sources} AS sources, ${sources} AS count${carry} WHERE best > 0`;
  }
  if (source.kind === "current" && windowed) {
    // The positions of the claims published in the window; best and count stay the whole hop's (upper bounds).
    return `WITH u, v, r, [i IN range(0, size(r.publishedAt) - 1) WHERE r.publishedAt[i] >= $window.from AND r.publishedAt[i] <= $window.to] AS within${carry}
       WITH u, v, [i IN within | r.claimIds[i]] AS ids, [i IN within | r.confidences[i]] AS confidences, [i IN within | r.domains[i]] AS domains,
            [i IN within | r.conditional[i]] AS conditional, [i IN within | r.publishedAt[i]] AS published, r.maxConfidence AS best, r.sources AS count${carry}`;
  }
  if (source.kind === "current") {
    return `WITH u, v, r.claimIds AS ids, r.confidences AS confidences, r.domains AS domains, r.conditional AS conditional,
         r.publishedAt AS published, r.maxConfidence AS best, r.sources AS count${carry}`;
  }
  return `MATCH (a:Article)-[:MAKES]->(c)
    OPTIONAL MATCH (a)-[p:${linkTypes(["PUBLISHED_BY"], true)}]->(s:Source) WHERE ${linkHeldAt("p", "$asOf")}
    WITH u, v, collect(c.id) AS ids, collect(c.confidence) AS confidences, collect(coalesce(s.domain, '')) AS domains,
         collect(c.modality = 'CONDITIONAL') AS conditional, collect(coalesce(a.publishedAt.epochMillis, 0)) AS published,
         max(c.confidence) AS best, count(c) AS count${carry}`;
}

/**
 * Cypher expression: hopBound (hop.ts) for frontier entry `f` (its Reach) and the hop's `best`
 * and `count`.
 */
const BOUND = (floor: Floor, best = "best", count = "count") =>
  floor.by === "confidence"
    ? `f.confidence * ${best}`
    : `f.confidence * ${best} * (1 + 0.5 * ((CASE WHEN ${count} < f.sources THEN ${count} ELSE f.sources END) - 1))`;

/** Cypher condition: STRONG_LEADS_TO `s`'s summaries, as the source weighs them, clear the floor for frontier entry `f`. */
function strongClearsFloor(floor: Floor, source: HopSource, s: string): string {
  const fact = source.kind === "summary" && !source.includeConditional;
  return `${BOUND(floor, fact ? `${s}.factConfidence` : `${s}.maxConfidence`, fact ? `${s}.factSources` : `${s}.sources`)} >= $floor`;
}

/**
 * One level's query (see ReadLevel, hop.ts): per frontier node `u` ($frontier: its id and
 * Reach), its hops as tuples of hopTupleFields, the highest bound among those the floor left
 * out (`weakest`), and what the level fetches (`fetch`, with a floor). `strong`: read
 * STRONG_LEADS_TO only; `within`: keep hops into $within.
 */
export function levelQuery(options: {
  source: HopSource;
  direction: Direction;
  floor: Floor | null;
  strong: boolean;
  within: boolean;
  windowed: boolean;
}): string {
  const { source, direction, floor, strong, within } = options;
  const degree = (n: string) => (direction === "forward" ? `COUNT { (${n})-[:LEADS_TO]->() }` : `COUNT { (${n})<-[:LEADS_TO]-() }`);
  const payload = hopTupleFields(source).slice(5);
  const keep = floor
    ? `${BOUND(floor)} AS bound, ${strong ? "" : "fetch <= $floorAbove OR "}${BOUND(floor)} >= $floor AS strong`
    : "null AS bound, true AS strong";
  const tuple = `[elementId(v), ${TIME_OF("v")}, ${END_OF("v")}, ${within ? "0" : degree("v")}, best, ${payload.join(", ")}]`;
  return `UNWIND $frontier AS f
     MATCH (u) WHERE elementId(u) = f.id
     ${floor ? `WITH u, f, ${degree("u")} AS degree WITH collect([u, f]) AS frontier, sum(degree) AS fetch UNWIND frontier AS entry WITH entry[0] AS u, entry[1] AS f, fetch` : ""}
     ${hopPattern(source, direction, strong && floor ? (s) => strongClearsFloor(floor, source, s) : null)}
     ${within ? "AND elementId(v) IN $within" : ""}
     ${hopClaims(source, floor ? ", f, fetch" : "", options.windowed)}
     WITH u, v, best, ${payload.join(", ")}, ${floor ? "fetch" : "0 AS fetch"}, ${keep}
     WITH u, fetch, collect(CASE WHEN strong THEN ${tuple} END) AS hops, max(CASE WHEN NOT strong THEN bound END) AS weakest
     RETURN elementId(u) AS u, hops, weakest, fetch`;
}

/** The claims of hops by their pairs of node ids ($pairs, via the pair key: never a hub's relationships), and the nodes $nodes as MetNodes. */
export const PATH_DETAILS = `CALL () {
       UNWIND $pairs AS pair
       MATCH (u) WHERE elementId(u) = pair.from
       MATCH (v) WHERE elementId(v) = pair.to
       WITH pair, ${PAIR_KEY_OF("u", "v")} AS key
       MATCH ()-[r:LEADS_TO { pair: key }]->()
       RETURN collect({ from: pair.from, to: pair.to, ids: r.claimIds, confidences: r.confidences, domains: r.domains,
                        conditional: r.conditional, published: r.publishedAt }) AS hops
     }
     CALL () {
       UNWIND $nodes AS id
       MATCH (n) WHERE elementId(n) = id
       RETURN collect(${NODE_REF("n")}) AS nodes
     }
     RETURN hops, nodes`;

/** The nodes $refs (label and key) as MetNodes with their LEADS_TO degrees. */
export const FIND_NODES = `UNWIND $refs AS req
     ${lookupNode("req", CAUSAL_LABELS)}
     RETURN req.label + ':' + req.key AS ref, ${NODE_REF("node")} AS node,
            COUNT { (node)-[:LEADS_TO]->() } AS outDegree, COUNT { (node)<-[:LEADS_TO]-() } AS inDegree`;

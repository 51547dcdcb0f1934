import type { CypherRunner } from "../../db/cypher-runner.js";
import { claimVisibleAt, leadsTo } from "../../cypher/claims.js";
import { linkHeldAt, linkTypes } from "../../cypher/link-history.js";
import { CAUSAL_LABELS, KEY_PROPERTY, lookupNode, type LabelKey } from "../../cypher/labels.js";
import { STRONG_FROM } from "../../cypher/leads-to.js";
import { PAIR_KEY_OF } from "../../cypher/claim-pair.js";

/** One claim behind a hop, as a search weighs it. */
export interface HopClaim {
  readonly id: string;
  readonly confidence: number;
  /** Publishing domain of the claim's article ("" if unknown). */
  readonly domain: string;
  readonly conditional: boolean;
  /** Publication of the claim's article, epoch ms. */
  readonly publishedAt: number;
}

/** Every current claim that `from` leads to `to`: one hop, whatever the number of outlets. */
export interface Hop {
  readonly from: string;
  readonly to: string;
  /**
   * Its claims (on a level read with HopLimits.publishedWithin, only those published in the
   * window); absent when the hop was read from LEADS_TO's summaries instead (see HopSource).
   */
  readonly claims?: readonly HopClaim[];
  /** Its weight from LEADS_TO's summaries, for the source's claim filter: present exactly when claims are not. */
  readonly summary?: { readonly confidence: number; readonly sources: number; readonly includeConditional: boolean };
}

/** A node reached while expanding: its id for the search, and when it happened. */
export interface ReachedNode {
  readonly id: string;
  /** An event's occurredAt or a price move's startAt, epoch ms; null for other nodes and undated events. */
  readonly time: number | null;
  /** When it was over: an event's endedAt (else its occurredAt) or a price move's endAt (else its startAt), epoch ms; null where time is. */
  readonly end: number | null;
}

/** A node as an answer names it: also its label and key, for loading it. */
export interface MetNode extends LabelKey, ReachedNode {
  /** Its LEADS_TO out and in degrees, where the lookup read them (findNodes). */
  readonly outDegree?: number;
  readonly inDegree?: number;
}

/**
 * Where hops come from: the derived LEADS_TO (now) with its claims; LEADS_TO's summaries only
 * (now, for the plain claim filter: every claim, conditional ones only if asked, no other
 * test), which spares reading the claim lists of every hop in reach; or the claims as known
 * at `asOf`.
 */
export type HopSource =
  | { readonly kind: "current" }
  | { readonly kind: "summary"; readonly includeConditional: boolean }
  | { readonly kind: "asOf"; readonly asOf: string };

export type Direction = "forward" | "backward";

/** Cypher expression: the key of causal node `n`. */
const KEY_OF = (n: string) => `CASE ${CAUSAL_LABELS.map((label) => `WHEN ${n}:${label} THEN ${n}.${KEY_PROPERTY[label]}`).join(" ")} END`;

/** Cypher expression: when causal node `n` happened (see ReachedNode.time). */
const TIME_OF = (n: string) => `CASE WHEN ${n}:Event THEN ${n}.occurredAt.epochMillis WHEN ${n}:PriceMove THEN ${n}.startAt.epochMillis END`;

/** Cypher expression: when causal node `n` was over (see ReachedNode.end). */
const END_OF = (n: string) =>
  `CASE WHEN ${n}:Event THEN coalesce(${n}.endedAt, ${n}.occurredAt).epochMillis WHEN ${n}:PriceMove THEN coalesce(${n}.endAt, ${n}.startAt).epochMillis END`;

const NODE_REF = (n: string) => `{ id: elementId(${n}), label: head(labels(${n})), key: ${KEY_OF(n)}, time: ${TIME_OF(n)}, end: ${END_OF(n)} }`;

/** Further limits on the hops an expansion fetches. */
export interface HopLimits {
  readonly minConfidence: number;
  /** Leave out hops to nodes (events, price moves) that happened after this instant, epoch ms. */
  readonly notAfter?: number;
  /** Only hops with a claim whose article was published in this window, epoch ms, and of their claims only those. */
  readonly publishedWithin?: { readonly from: number; readonly to: number };
}

/** Cypher condition: node `v` is an event that occurred, or a price move that started, after `$notAfter` (if set). */
export const HAPPENED_AFTER =
  "($notAfter IS NOT NULL AND coalesce((v:Event AND v.occurredAt.epochMillis > $notAfter) OR (v:PriceMove AND v.startAt.epochMillis > $notAfter), false))";

/**
 * The pattern of one hop from `u` in `direction`, binding the other end to `v` and its
 * LEADS_TO (or, for summaries, what carries them) to `r`. `strong`: for a level whose floor
 * leaves out every hop below STRONG_FROM, only the hops with a STRONG_LEADS_TO whose summaries
 * clear the floor (`strong`, a condition over a STRONG_LEADS_TO given its variable): it carries
 * the summaries; the claim lists come from its pair's LEADS_TO, found by the pair key, for the
 * hops whose publication times overlap the window, if any.
 */
function hopPattern(source: HopSource, direction: Direction, strong: ((rel: string) => string) | null): string {
  if (source.kind !== "asOf") {
    const hop = (type: string, r: string) => (direction === "forward" ? `(u)-[${r}:${type}]->(v)` : `(u)<-[${r}:${type}]-(v)`);
    const match = !strong
      ? `MATCH ${hop("LEADS_TO", "r")}`
      : source.kind === "summary"
        ? `MATCH ${hop("STRONG_LEADS_TO", "r")}`
        : `MATCH ${hop("STRONG_LEADS_TO", "s")}
      WHERE ${strong("s")} AND ($window IS NULL OR coalesce(s.lastPublished >= $window.from AND s.firstPublished <= $window.to, true))
      MATCH ()-[r:LEADS_TO { pair: s.pair }]->()`;
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

/** The claim lists a hop row carries (none for summaries). */
const CLAIM_LISTS = ["ids", "confidences", "domains", "conditional", "published"] as const;

/**
 * Binds, per hop (u, v), with the `carry` columns: `best` (the best confidence a chain may
 * use), `count` (distinct outlets of all its claims, or claims where the outlets are not
 * summarised: at least the outlets of any chain through it) and the payload: the claims as
 * parallel lists, from LEADS_TO's properties (with `windowed`, only the claims published in
 * `$window`) or from the matched claims, or the summary's `sources`.
 */
function hopClaims(source: HopSource, carry: string, windowed: boolean): { bind: string; payload: readonly string[] } {
  if (source.kind === "summary") {
    const [best, sources] = source.includeConditional ? ["r.maxConfidence", "r.sources"] : ["r.factConfidence", "r.factSources"];
    return { bind: `WITH u, v, ${best} AS best, ${sources} AS sources, ${sources} AS count${carry} WHERE best > 0`, payload: ["sources"] };
  }
  if (source.kind === "current" && windowed) {
    // The positions of the claims published in the window; best and count stay the whole hop's (upper bounds).
    return {
      bind: `WITH u, v, r, [i IN range(0, size(r.publishedAt) - 1) WHERE r.publishedAt[i] >= $window.from AND r.publishedAt[i] <= $window.to] AS within${carry}
       WITH u, v, [i IN within | r.claimIds[i]] AS ids, [i IN within | r.confidences[i]] AS confidences, [i IN within | r.domains[i]] AS domains,
            [i IN within | r.conditional[i]] AS conditional, [i IN within | r.publishedAt[i]] AS published, r.maxConfidence AS best, r.sources AS count${carry}`,
      payload: CLAIM_LISTS,
    };
  }
  if (source.kind === "current") {
    return {
      bind: `WITH u, v, r.claimIds AS ids, r.confidences AS confidences, r.domains AS domains, r.conditional AS conditional,
         r.publishedAt AS published, r.maxConfidence AS best, r.sources AS count${carry}`,
      payload: CLAIM_LISTS,
    };
  }
  return {
    bind: `MATCH (a:Article)-[:MAKES]->(c)
    OPTIONAL MATCH (a)-[p:${linkTypes(["PUBLISHED_BY"], true)}]->(s:Source) WHERE ${linkHeldAt("p", "$asOf")}
    WITH u, v, collect(c.id) AS ids, collect(c.confidence) AS confidences, collect(coalesce(s.domain, '')) AS domains,
         collect(c.modality = 'CONDITIONAL') AS conditional, collect(coalesce(a.publishedAt.epochMillis, 0)) AS published,
         max(c.confidence) AS best, count(c) AS count${carry}`,
    payload: CLAIM_LISTS,
  };
}

/**
 * A floor under the hops a level fetches, so that a search from or through a node with tens
 * of thousands of hops reads only the strong ones: by "confidence", hops whose best claim is
 * below the floor are left out (no chain through them has that confidence); by "score", hops
 * whose best confidence × (1 + 0.5 × (outlets − 1)) is below it, with the distinct outlets of
 * all its claims (or, read from the claims asOf a time, each claim counted as an outlet; no
 * chain through them scores that much, see explain/driver-search.ts); each measured with what
 * the chains reaching the hop's node bring (see Reach). The floor applies only to a level that
 * would fetch more than FLOOR_ABOVE_HOPS hops: smaller levels are fetched whole.
 */
export interface Floor {
  readonly by: "confidence" | "score";
  readonly value: number;
}

/** Hops a level fetches whole, whatever the floor. */
export const FLOOR_ABOVE_HOPS = 500;

/**
 * The least bound that clears a floor: a little below it, because a bound and the chain it
 * bounds multiply the same confidences in another order, which may differ in the last bits,
 * and a chain exactly at the floor must never be left out.
 */
export const leastClearing = (floor: Floor) => floor.value - 1e-9;

/**
 * What the chains that reached a frontier node bring to a hop from it, at the most: the best
 * confidence among them (the product of their hops') and the most outlets behind all of their
 * hops (the fewest of any one hop, see FoundPath). A chain through the hop can reach no more
 * than confidence × the hop's best, with no more outlets than the smaller of sources and the
 * hop's, so a floor leaves out hops that no chain so far could carry over it.
 */
export interface Reach {
  readonly confidence: number;
  readonly sources: number;
}

/** Reach of a node no chain has come through yet (a start or target): it limits nothing. */
export const UNREACHED: Reach = { confidence: 1, sources: Number.MAX_SAFE_INTEGER };

/**
 * Cypher expression: the most a chain through the hop (bound by hopClaims) from frontier entry
 * `f` (its Reach) can reach, by the floor's measure; `best` and `count` name the hop's.
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

/** One level's fetch: the hops, the nodes at their other ends, and the strongest hop the floor left out (null if none). */
export interface Expansion {
  readonly hops: Hop[];
  readonly nodes: ReachedNode[];
  /** Per node reached, its LEADS_TO degree in the same direction: what expanding it next would fetch (0 on a level kept `within`, which has no next). */
  readonly onward: ReadonlyMap<string, number>;
  readonly weakest: number | null;
  /** Whether the floor applied (the level was large): if not, it fetched every hop within the limits. */
  readonly floored: boolean;
}

/**
 * One round trip: every hop out of (forward) or into (backward) the nodes with the given ids,
 * with its claims, and the nodes at the other ends, within the limits (no hop whose every
 * claim is below minConfidence) and, on a level that would fetch more than FLOOR_ABOVE_HOPS
 * hops, above the floor (for the chains that reached each node: `reach`, in the order of
 * `ids`, each UNREACHED if absent). `within`, if given, keeps only hops whose other end is one
 * of those ids. The limits only narrow what is fetched; callers still weigh each hop's claims
 * (see path-search.ts).
 */
export async function expandHops(
  cypher: CypherRunner,
  params: {
    ids: readonly string[];
    reach?: readonly Reach[];
    direction: Direction;
    source: HopSource;
    limits: HopLimits;
    floor?: Floor | null;
    within?: readonly string[];
    /** What the level would fetch (the sum of the nodes' LEADS_TO degrees in the direction), where the caller knows it. */
    fetch?: number;
  },
): Promise<Expansion> {
  if (params.ids.length === 0) return { hops: [], nodes: [], onward: new Map(), weakest: null, floored: false };
  const floor = params.floor ?? null;
  // A large level under a floor of at least STRONG_FROM: every hop it may keep has a
  // STRONG_LEADS_TO (its bound is at most the one STRONG_LEADS_TO is kept by), so it reads those
  // alone, and what it leaves unread is below STRONG_FROM.
  // (Summaries carry no publication times: a level that needs them reads LEADS_TO.)
  const strong =
    floor !== null && floor.value >= STRONG_FROM && (params.fetch ?? 0) > FLOOR_ABOVE_HOPS &&
    (params.source.kind === "current" || (params.source.kind === "summary" && !params.limits.publishedWithin));
  const degree = (n: string) => (params.direction === "forward" ? `COUNT { (${n})-[:LEADS_TO]->() }` : `COUNT { (${n})<-[:LEADS_TO]-() }`);
  const { bind, payload } = hopClaims(params.source, floor ? ", f, fetch" : "", params.limits.publishedWithin !== undefined);
  // Each hop as a list, [v's id, v's time, v's end, v's onward degree, best, ...payload]: lists cost Neo4j less to build than maps.
  const rows = await cypher.read<{ u: string; hops: unknown[][]; weakest: number | null; fetch: number }>(
    `UNWIND $frontier AS f
     MATCH (u) WHERE elementId(u) = f.id
     ${floor ? `WITH u, f, ${degree("u")} AS degree WITH collect([u, f]) AS frontier, sum(degree) AS fetch UNWIND frontier AS entry WITH entry[0] AS u, entry[1] AS f, fetch` : ""}
     ${hopPattern(params.source, params.direction, strong && floor ? (s) => strongClearsFloor(floor, params.source, s) : null)}
     ${params.within ? "AND elementId(v) IN $within" : ""}
     ${bind}
     WITH u, v, best, ${payload.join(", ")}, ${floor ? "fetch" : "0 AS fetch"},
          ${floor ? `${BOUND(floor)} AS bound, ${strong ? "" : "fetch <= $floorAbove OR "}${BOUND(floor)} >= $floor AS strong` : "null AS bound, true AS strong"}
     WITH u, fetch, collect(CASE WHEN strong THEN [elementId(v), ${TIME_OF("v")}, ${END_OF("v")}, ${params.within ? "0" : degree("v")}, best, ${payload.join(", ")}] END) AS hops,
          max(CASE WHEN NOT strong THEN bound END) AS weakest
     RETURN elementId(u) AS u, hops, weakest, fetch`,
    {
      frontier: params.ids.map((id, i) => ({ id, ...(params.reach?.[i] ?? UNREACHED) })),
      minConfidence: params.limits.minConfidence,
      notAfter: params.limits.notAfter ?? null,
      window: params.limits.publishedWithin ?? null,
      asOf: params.source.kind === "asOf" ? params.source.asOf : null,
      floor: floor ? leastClearing(floor) : null,
      floorAbove: FLOOR_ABOVE_HOPS,
      within: params.within ?? null,
    },
  );
  const hops: Hop[] = [];
  const nodes: ReachedNode[] = [];
  const onward = new Map<string, number>();
  let weakest: number | null = null;
  for (const row of rows) {
    if (row.weakest !== null) weakest = Math.max(weakest ?? 0, row.weakest);
    // [v's id, time, end, onward degree, best, ...payload in CLAIM_LISTS order] (see the query's RETURN).
    for (const hop of row.hops) {
      const id = hop[0] as string;
      const [from, to] = params.direction === "forward" ? [row.u, id] : [id, row.u];
      const source = params.source;
      hops.push(
        source.kind === "summary"
          ? { from, to, summary: { confidence: hop[4] as number, sources: hop[5] as number, includeConditional: source.includeConditional } }
          : { from, to, claims: claimsOf({ ids: hop[5], confidences: hop[6], domains: hop[7], conditional: hop[8], published: hop[9] } as ClaimLists) },
      );
      nodes.push({ id, time: hop[1] as number | null, end: hop[2] as number | null });
      onward.set(id, hop[3] as number);
    }
  }
  // Hops left unread are below the floor (at least STRONG_FROM): the next floor may keep them.
  if (strong) weakest = Math.max(weakest ?? 0, floor!.value);
  return { hops, nodes, onward, weakest, floored: strong || rows.some((row) => row.fetch > FLOOR_ABOVE_HOPS) };
}

/** A hop's claims as the parallel lists Cypher returns them in. */
type ClaimLists = {
  ids: string[];
  confidences: number[];
  domains: string[];
  conditional: boolean[];
  published: number[];
};

function claimsOf(lists: ClaimLists): HopClaim[] {
  return lists.ids.map((id, i) => ({
    id,
    confidence: lists.confidences[i]!,
    domain: lists.domains[i] ?? "",
    conditional: lists.conditional[i] ?? false,
    publishedAt: lists.published[i] ?? 0,
  }));
}

/**
 * What an answer needs of the chains a search kept, in one round trip: the claims of the hops
 * it read from summaries (pairs of node ids, from their LEADS_TO; pairs without one now are
 * left out), by "from>to", and the label and key of the nodes it names, by id.
 */
export async function readPathDetails(
  cypher: CypherRunner,
  params: { pairs: readonly { from: string; to: string }[]; nodes: readonly string[] },
): Promise<{ claims: Map<string, HopClaim[]>; nodes: Map<string, MetNode> }> {
  if (params.pairs.length === 0 && params.nodes.length === 0) return { claims: new Map(), nodes: new Map() };
  const [row] = await cypher.read<{ hops: ({ from: string; to: string } & ClaimLists)[]; nodes: MetNode[] }>(
    `CALL () {
       UNWIND $pairs AS pair
       MATCH (u) WHERE elementId(u) = pair.from
       MATCH (v) WHERE elementId(v) = pair.to
       // By the pair's key (indexed): never the relationships of a hub.
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
     RETURN hops, nodes`,
    { pairs: params.pairs.map(({ from, to }) => ({ from, to })), nodes: [...new Set(params.nodes)] },
  );
  return {
    claims: new Map((row?.hops ?? []).map((hop) => [`${hop.from}>${hop.to}`, claimsOf(hop)])),
    nodes: new Map((row?.nodes ?? []).map((node) => [node.id, node])),
  };
}

/** The ids (and LEADS_TO degrees) of nodes by label and key, in one round trip; absent ones are left out. */
export async function findNodes(cypher: CypherRunner, refs: readonly LabelKey[]): Promise<Map<string, MetNode>> {
  const rows = await cypher.read<{ ref: string; node: MetNode; outDegree: number; inDegree: number }>(
    `UNWIND $refs AS req
     ${lookupNode("req", CAUSAL_LABELS)}
     RETURN req.label + ':' + req.key AS ref, ${NODE_REF("node")} AS node,
            COUNT { (node)-[:LEADS_TO]->() } AS outDegree, COUNT { (node)<-[:LEADS_TO]-() } AS inDegree`,
    { refs: refs.map(({ label, key }) => ({ label, key })) },
  );
  return new Map(rows.map((row) => [row.ref, { ...row.node, outDegree: row.outDegree, inDegree: row.inDegree }]));
}

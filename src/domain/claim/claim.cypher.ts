import type { NestedConnectionSpec } from "../../cypher/connection-loader.js";
import { claimVisibleAt, leadsTo, type ClaimVisibility } from "../../cypher/claims.js";
import { KEY_PROPERTY, type LabelKey } from "../../cypher/labels.js";
import { linkHeldAt, linkRole, linkTypes } from "../../cypher/link-history.js";
import type { NeighbourSpec } from "../../cypher/neighbours.js";
import type { ListQuery } from "../../cypher/newest-first.js";
import { projectNode, type NodeSelection } from "../../cypher/projection.js";
import type { ClaimCriteria } from "./claim.criteria.js";

/** A pattern to the node `ref` names; its label comes from the closed set of node kinds, its key stays a parameter. */
const toNode = (ref: LabelKey, param: string) => `(:${ref.label} { ${KEY_PROPERTY[ref.label]}: ${param} })`;

/**
 * A claim's link of one of `types` as a list asked at `at` matches it: now, a current link;
 * asOf an earlier time, a link held then (`$asOf`), current or since dropped. `r` names the
 * relationship; `held` is the condition on it (none now).
 */
function claimLink(types: readonly string[], r: string, at: boolean): { rel: string; held: string | null } {
  return { rel: `[${r}:${linkTypes(types, at)}]`, held: at ? linkHeldAt(r, "$asOf") : null };
}

const whereHeld = (held: string | null) => (held ? `WHERE ${held}` : "");

/** The claims about the asset `$c.asset`, each once: it, an event affecting it or a move of it is the cause, effect or a condition. */
function claimsAboutAsset(at: boolean): string {
  const { rel, held } = claimLink(["CAUSE", "EFFECT", "IF"], "r", at);
  // What an event affects and what a move is of, as held then too (a merge moves them, see node/merge.cypher.ts).
  const of = claimLink(["AFFECTS", "OF"], "s", at);
  const both = [held, of.held].filter(Boolean).join(" AND ");
  return `CALL () {
       MATCH (:Asset { symbol: $c.asset })<-${rel}-(item:Claim) ${whereHeld(held)} RETURN item
       UNION
       MATCH (:Asset { symbol: $c.asset })<-${of.rel}-()<-${rel}-(item:Claim) ${whereHeld(both || null)} RETURN item
     }`;
}

/** The claims of the outlet `$c.source`, each once: made in its articles or attributed to it. */
function claimsOfSource(at: boolean): string {
  const published = claimLink(["PUBLISHED_BY"], "p", at);
  const attributed = claimLink(["ATTRIBUTED_TO"], "t", at);
  return `CALL () {
       MATCH (:Source { domain: $c.source })<-${published.rel}-(:Article)-[:MAKES]->(item:Claim) ${whereHeld(published.held)} RETURN item
       UNION
       MATCH (:Source { domain: $c.source })<-${attributed.rel}-(item:Claim) ${whereHeld(attributed.held)} RETURN item
     }`;
}

/**
 * The list query for the filters present; absent filters add nothing, values stay parameters
 * (`$c`). `at`: the list is asked asOf an earlier time, so the filters match the links the
 * claims held then. With an asset filter and no narrower start, `walk` chooses between walking
 * the sort index (a hub asset) and starting from the asset's claims (a long-tail one).
 */
export function claimList(c: ClaimCriteria, walk: boolean, at: boolean): ListQuery {
  const patterns = ["(a:Article)-[:MAKES]->(item:Claim)"];
  const held: string[] = [];
  const linkTo = (types: string[], r: string, node: string) => {
    const link = claimLink(types, r, at);
    patterns.push(`(item)-${link.rel}->${node}`);
    if (link.held) held.push(link.held);
  };
  if (c.cause) linkTo(["CAUSE"], "byCause", toNode(c.cause, "$c.cause.key"));
  if (c.effect) linkTo(["EFFECT"], "byEffect", toNode(c.effect, "$c.effect.key"));
  if (c.narrative) linkTo(["ADVANCES"], "byNarrative", "(:Narrative { key: $c.narrative })");
  const narrower = Boolean(c.cause || c.effect || c.narrative);
  const match = patterns.join(", ");
  const where = (test: { asset: boolean; source: boolean }) => [...whereOf(c, test, at), ...held];
  if (c.asset && !narrower) {
    const fromAsset: ListQuery = { start: claimsAboutAsset(at), match, where: where({ asset: false, source: true }) };
    return walk ? { match, where: where({ asset: true, source: true }), walkSortIndexOf: "Claim", countAs: fromAsset } : fromAsset;
  }
  if (c.source && !narrower) return { start: claimsOfSource(at), match, where: where({ asset: Boolean(c.asset), source: false }) };
  return { match, where: where({ asset: Boolean(c.asset), source: true }) };
}

/** Conditions of the claim filters present; the asset and source tests only where the list does not start from them. */
function whereOf(c: ClaimCriteria, test: { asset: boolean; source: boolean }, at: boolean): string[] {
  const where = [
    claimVisibleAt("item", { includeRetracted: "$c.includeRetracted", includeSuperseded: "$c.includeSuperseded", now: "$now" }),
  ];
  if (c.polarity) where.push("item.polarity = $c.polarity");
  if (c.modality) where.push("item.modality = $c.modality");
  if (c.minConfidence !== null) where.push("item.confidence >= $c.minConfidence");
  // A claim's sortAt is its article's publication (sort-keys.ts): the window is a range of the list's own index.
  if (c.from !== null) where.push("item.sortAt >= $c.from");
  if (c.to !== null) where.push("item.sortAt <= $c.to");
  // About the asset: it, an event affecting it or a move of it is the cause, effect or a condition.
  if (c.asset && test.asset) {
    const { rel, held } = claimLink(["CAUSE", "EFFECT", "IF"], "r", at);
    const of = claimLink(["AFFECTS", "OF"], "s", at);
    where.push(`EXISTS {
          MATCH (item)-${rel}->(x)
          WHERE ${held ? `${held} AND ` : ""}((x:Asset AND x.symbol = $c.asset) OR EXISTS { MATCH (x)-${of.rel}->(:Asset { symbol: $c.asset }) ${whereHeld(of.held)} }) }`);
  }
  if (c.source && test.source) {
    const published = claimLink(["PUBLISHED_BY"], "p", at);
    const attributed = claimLink(["ATTRIBUTED_TO"], "t", at);
    where.push(`(EXISTS { MATCH (a)-${published.rel}->(:Source { domain: $c.source }) ${whereHeld(published.held)} }
         OR EXISTS { MATCH (item)-${attributed.rel}->(:Source { domain: $c.source }) ${whereHeld(attributed.held)} })`);
  }
  return where;
}

/** Retracts the claim `$uid` (once: a repeat keeps the first time and reason) and says whether it already was. */
export const RETRACT_CLAIM = `MATCH (c:Claim { id: $uid })
       WITH c, c.retractedAt IS NOT NULL AS already
       SET c.retractedAt = coalesce(c.retractedAt, datetime($now)),
           c.retractionReason = coalesce(c.retractionReason, $reason)
       RETURN c.id AS id, already`;

/** The pattern and condition of a claim's links in a request's role: current ones, or, in a batch with asOf, those held then. */
function endpointsMatch(past: boolean): string {
  if (!past) return "MATCH (c:Claim { id: req.uid })-[r:CAUSE|EFFECT|IF]->(n) WHERE type(r) = req.role";
  return `MATCH (c:Claim { id: req.uid })-[r:${linkTypes(["CAUSE", "EFFECT", "IF"], true)}]->(n)
         WHERE ${linkRole("r")} = req.role
           AND CASE WHEN req.asOf IS NULL THEN NOT type(r) STARTS WITH 'PAST_' ELSE ${linkHeldAt("r", "req.asOf")} END`;
}

/**
 * The nodes each request's claim (`$requests`) links to in its role, each node projected once
 * (`select`); `past`: some request asks for the links held at a time.
 */
export function endpointsQuery(select: NodeSelection | undefined, past: boolean): string {
  return `UNWIND $requests AS req
         ${endpointsMatch(past)}
         WITH req, n ORDER BY elementId(n)
         WITH collect({ index: req.index, node: elementId(n) }) AS links, collect(DISTINCT n) AS nodes
         RETURN links, [n IN nodes | { ref: elementId(n), node: ${projectNode("n", select)} }] AS nodes`;
}

/** claimVisibleAt options reading a loader request's `req.options` (a ClaimVisibilityOptions, see claim-visibility.args.ts). */
export const VISIBILITY_OF_REQUEST: ClaimVisibility = {
  asOf: "req.options.asOf",
  includeRetracted: "req.options.includeRetracted",
  includeSuperseded: "req.options.includeSuperseded",
  now: "req.options.now",
};

/** A claim's current links along `pattern` (from `(parent)` to `(n)`), in `orderBy` order. */
export const byClaim = (pattern: string, orderBy: string) => ({ parent: "Claim" as const, pattern, orderBy });

/** A claim's links of `type` to nodes labelled `target` that it held at `req.options.asOf`, current or since dropped. */
export const heldByClaim = (type: string, target: string, orderBy: string) => ({
  parent: "Claim" as const,
  pattern: `(parent)-[r:${linkTypes([type], true)}]->(n:${target})`,
  where: linkHeldAt("r", "req.options.asOf"),
  orderBy,
});

export const ATTRIBUTED_TO_OF_CLAIM: NeighbourSpec = byClaim("(parent)-[:ATTRIBUTED_TO]->(n:Source)", "n.domain");
export const NARRATIVES_OF_CLAIM: NeighbourSpec = byClaim("(parent)-[:ADVANCES]->(n:Narrative)", "n.key");
export const ATTRIBUTED_TO_OF_CLAIM_AT: NeighbourSpec = heldByClaim("ATTRIBUTED_TO", "Source", "n.domain");
export const NARRATIVES_OF_CLAIM_AT: NeighbourSpec = heldByClaim("ADVANCES", "Narrative", "n.key");

/** Claims about a node visible by `req.options`, in the role `req.variant` (CAUSE, EFFECT, CONDITION or ANY). */
export const CLAIMS_ABOUT: NestedConnectionSpec = {
  parents: ["Asset", "Entity", "MacroFactor", "Event", "PriceMove", "Narrative"],
  // Asked asOf an earlier time, the links the claims held then, current or since dropped.
  items: `MATCH (item:Claim)-[r:${linkTypes(["CAUSE", "EFFECT", "IF", "ADVANCES"], true)}]->(node)
              WHERE CASE WHEN req.options.now THEN NOT type(r) STARTS WITH 'PAST_' ELSE ${linkHeldAt("r", "req.options.asOf")} END
                AND ${claimVisibleAt("item", VISIBILITY_OF_REQUEST)}
                AND (req.variant = 'ANY' OR (req.variant = 'CONDITION' AND ${linkRole("r")} = 'IF') OR ${linkRole("r")} = req.variant)
              RETURN item`,
};

/**
 * For each `$requests` entry (`{ index, pair, asOf }`, asOf an ISO date-time or null for now):
 * the claims contesting the pair's leads-to stance, visible then (denials of a leads-to
 * relation, and asserted PREVENTS), made by outlets that do not assert it themselves (a
 * publisher of none of the asserted leads-to claims of the pair visible then), most confident
 * first. Both sides are found by the pair's indexed keys (claim-pair.ts).
 */
export const CONTESTING_CLAIMS = `UNWIND $requests AS req
     CALL (req) {
       OPTIONAL MATCH (c:Claim { pair: req.pair })<-[:MAKES]-(:Article)-[:PUBLISHED_BY]->(s:Source)
       WHERE c.polarity = 'ASSERTED' AND ${leadsTo("c")} AND ${claimVisibleAt("c", { asOf: "coalesce(req.asOf, toString(datetime()))" })}
       RETURN collect(DISTINCT s.domain) AS asserting
     }
     CALL (req, asserting) {
       MATCH (o:Claim { otherStancePair: req.pair })
       WHERE ((o.polarity = 'DENIED' AND ${leadsTo("o")}) OR (o.polarity = 'ASSERTED' AND o.relation = 'PREVENTS'))
         AND ${claimVisibleAt("o", { asOf: "coalesce(req.asOf, toString(datetime()))" })}
         AND NOT EXISTS { (o)<-[:MAKES]-(:Article)-[:PUBLISHED_BY]->(os:Source) WHERE os.domain IN asserting }
       WITH o ORDER BY o.confidence DESC, o.id
       RETURN collect(${projectNode("o")}) AS claims
     }
     RETURN req.index AS index, claims`;

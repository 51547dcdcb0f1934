import type { CypherRunner } from "../../db/cypher-runner.js";
import { KEY_PROPERTY, type LabelKey } from "../../cypher/labels.js";
import { isHubAsset } from "../../cypher/asset-reach.js";
import type { ClaimEvent } from "../../events/events.js";
import { readRetractionEvent } from "../../events/live-events.repository.js";
import { findNewestFirstPage, type ListQuery } from "../../cypher/newest-first.js";
import type { ConnectionShape } from "../../graphql/connection.js";
import type { PageRequest } from "../../graphql/pagination.js";
import { claimVisibleAt } from "../../cypher/claims.js";
import { withoutRelated, type NodeRow, type NodeSelection } from "../../cypher/projection.js";
import { linkHeldAt, linkTypes } from "../../cypher/link-history.js";
import { recomputeLeadsTo } from "../../cypher/leads-to.js";
import { claimAt, type Claim } from "./claim.type.js";
import { toClaim } from "./claim.mapper.js";

/** Claim filter values in canonical form. */
export interface ClaimCriteria {
  asset: string | null;
  cause: LabelKey | null;
  effect: LabelKey | null;
  polarity: string | null;
  modality: string | null;
  minConfidence: number | null;
  source: string | null;
  narrative: string | null;
  includeRetracted: boolean;
  includeSuperseded: boolean;
}

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
  return `CALL () {
       MATCH (:Asset { symbol: $c.asset })<-${rel}-(item:Claim) ${whereHeld(held)} RETURN item
       UNION
       MATCH (:Asset { symbol: $c.asset })<-[:AFFECTS|OF]-()<-${rel}-(item:Claim) ${whereHeld(held)} RETURN item
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
function claimList(c: ClaimCriteria, walk: boolean, at: boolean): ListQuery {
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
  const where = [claimVisibleAt("item", { includeRetracted: "$c.includeRetracted", includeSuperseded: "$c.includeSuperseded", now: "$now" })];
  if (c.polarity) where.push("item.polarity = $c.polarity");
  if (c.modality) where.push("item.modality = $c.modality");
  if (c.minConfidence !== null) where.push("item.confidence >= $c.minConfidence");
  // About the asset: it, an event affecting it or a move of it is the cause, effect or a condition.
  if (c.asset && test.asset) {
    const { rel, held } = claimLink(["CAUSE", "EFFECT", "IF"], "r", at);
    where.push(`EXISTS {
          MATCH (item)-${rel}->(x)
          WHERE ${held ? `${held} AND ` : ""}((x:Asset AND x.symbol = $c.asset) OR EXISTS { (x)-[:AFFECTS|OF]->(:Asset { symbol: $c.asset }) }) }`);
  }
  if (c.source && test.source) {
    const published = claimLink(["PUBLISHED_BY"], "p", at);
    const attributed = claimLink(["ATTRIBUTED_TO"], "t", at);
    where.push(`(EXISTS { MATCH (a)-${published.rel}->(:Source { domain: $c.source }) ${whereHeld(published.held)} }
         OR EXISTS { MATCH (item)-${attributed.rel}->(:Source { domain: $c.source }) ${whereHeld(attributed.held)} })`);
  }
  return where;
}

/**
 * Claims as known at `asOf` (null: now), newest article first: one page, the total only if
 * selected; `select` names the properties to read. Asked asOf an earlier time, the claims carry
 * it, so their links read are those held then.
 */
export async function findClaimsPage(
  cypher: CypherRunner,
  criteria: ClaimCriteria,
  asOf: string | null,
  page: PageRequest,
  select?: NodeSelection,
): Promise<ConnectionShape<Claim>> {
  const c = { ...criteria, cause: criteria.cause && { key: criteria.cause.key }, effect: criteria.effect && { key: criteria.effect.key } };
  const walk = criteria.asset !== null && (await isHubAsset(cypher, criteria.asset));
  const params = { c, asOf: asOf ?? new Date().toISOString(), now: asOf === null };
  const at = asOf !== null;
  const toClaimAt = (row: NodeRow) => claimAt(toClaim(row), asOf);
  return findNewestFirstPage<Claim>(cypher, claimList(criteria, walk, at), params, page, toClaimAt, at ? withoutRelated(select) : select);
}

/** What retracting did: the claim's id, and its event when this call retracted it (a repeat announces nothing). */
export interface Retraction {
  readonly id: string;
  readonly event: ClaimEvent | null;
}

/** Marks a claim retracted (once); null when there is no such claim. */
export async function retractClaim(cypher: CypherRunner, uid: string, reason: string, now: string): Promise<Retraction | null> {
  return cypher.write(async (tx) => {
    const [row] = await tx.run<{ id: string; already: boolean }>(
      `MATCH (c:Claim { id: $uid })
       WITH c, c.retractedAt IS NOT NULL AS already
       SET c.retractedAt = coalesce(c.retractedAt, datetime($now)),
           c.retractionReason = coalesce(c.retractionReason, $reason)
       RETURN c.id AS id, already`,
      { uid, reason, now },
    );
    if (!row) return null;
    await recomputeLeadsTo(tx, [row.id]);
    return { id: row.id, event: row.already ? null : await readRetractionEvent(tx, row.id) };
  });
}

import type { CypherRunner } from "../../db/cypher.js";
import { KEY_PROPERTY, type LabelKey } from "../../cypher/labels.js";
import { isHubAsset } from "../../cypher/asset-reach.js";
import type { ClaimEvent } from "../../events/events.js";
import { readRetractionEvent } from "../../events/live-events.repository.js";
import { findNewestFirstPage, type ListQuery } from "../../cypher/newest-first.js";
import type { ConnectionShape } from "../../graphql/connection.js";
import type { PageRequest } from "../../graphql/pagination.js";
import { claimVisibleAt } from "../../cypher/claims.js";
import type { NodeSelection } from "../../cypher/projection.js";
import { recomputeLeadsTo } from "../../cypher/leads-to.js";
import type { Claim } from "./claim.type.js";
import { toNodeOf } from "../node/node.mapper.js";

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

/** The claims about the asset `$c.asset`, each once: it, an event affecting it or a move of it is the cause, effect or a condition. */
const CLAIMS_ABOUT_ASSET = `CALL () {
       MATCH (:Asset { symbol: $c.asset })<-[:CAUSE|EFFECT|IF]-(item:Claim) RETURN item
       UNION
       MATCH (:Asset { symbol: $c.asset })<-[:AFFECTS|OF]-()<-[:CAUSE|EFFECT|IF]-(item:Claim) RETURN item
     }`;

/** The claims of the outlet `$c.source`, each once: made in its articles or attributed to it. */
const CLAIMS_OF_SOURCE = `CALL () {
       MATCH (:Source { domain: $c.source })<-[:PUBLISHED_BY]-(:Article)-[:MAKES]->(item:Claim) RETURN item
       UNION
       MATCH (:Source { domain: $c.source })<-[:ATTRIBUTED_TO]-(item:Claim) RETURN item
     }`;

/**
 * The list query for the filters present; absent filters add nothing, values stay parameters
 * (`$c`). With an asset filter and no narrower start, `walk` chooses between walking the sort
 * index (a hub asset) and starting from the asset's claims (a long-tail one).
 */
function claimList(c: ClaimCriteria, walk: boolean): ListQuery {
  const patterns = ["(a:Article)-[:MAKES]->(item:Claim)"];
  if (c.cause) patterns.push(`(item)-[:CAUSE]->${toNode(c.cause, "$c.cause.key")}`);
  if (c.effect) patterns.push(`(item)-[:EFFECT]->${toNode(c.effect, "$c.effect.key")}`);
  if (c.narrative) patterns.push("(item)-[:ADVANCES]->(:Narrative { key: $c.narrative })");
  const narrower = Boolean(c.cause || c.effect || c.narrative);
  const match = patterns.join(", ");
  if (c.asset && !narrower) {
    const fromAsset: ListQuery = { start: CLAIMS_ABOUT_ASSET, match, where: whereOf(c, { asset: false, source: true }) };
    return walk ? { match, where: whereOf(c, { asset: true, source: true }), walkSortIndexOf: "Claim", countAs: fromAsset } : fromAsset;
  }
  if (c.source && !narrower) return { start: CLAIMS_OF_SOURCE, match, where: whereOf(c, { asset: Boolean(c.asset), source: false }) };
  return { match, where: whereOf(c, { asset: Boolean(c.asset), source: true }) };
}

/** Conditions of the claim filters present; the asset and source tests only where the list does not start from them. */
function whereOf(c: ClaimCriteria, test: { asset: boolean; source: boolean }): string[] {
  const where = [claimVisibleAt("item", { includeRetracted: "$c.includeRetracted", includeSuperseded: "$c.includeSuperseded", now: "$now" })];
  if (c.polarity) where.push("item.polarity = $c.polarity");
  if (c.modality) where.push("item.modality = $c.modality");
  if (c.minConfidence !== null) where.push("item.confidence >= $c.minConfidence");
  // About the asset: it, an event affecting it or a move of it is the cause, effect or a condition.
  if (c.asset && test.asset) {
    where.push(`EXISTS {
          MATCH (item)-[:CAUSE|EFFECT|IF]->(x)
          WHERE (x:Asset AND x.symbol = $c.asset) OR EXISTS { (x)-[:AFFECTS|OF]->(:Asset { symbol: $c.asset }) } }`);
  }
  if (c.source && test.source) {
    where.push(`(EXISTS { (a)-[:PUBLISHED_BY]->(:Source { domain: $c.source }) }
         OR EXISTS { (item)-[:ATTRIBUTED_TO]->(:Source { domain: $c.source }) })`);
  }
  return where;
}

/**
 * Claims as known at `asOf` (null: now), newest article first: one page, the total only if
 * selected; `select` names the properties to read.
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
  return findNewestFirstPage<Claim>(cypher, claimList(criteria, walk), params, page, toNodeOf<Claim>, select);
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

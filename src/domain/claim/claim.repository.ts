import type { CypherRunner } from "../../db/cypher.js";
import { KEY_PROPERTY, type LabelKey } from "../../cypher/labels.js";
import { findNewestFirstPage, type ListQuery } from "../../cypher/newest-first.js";
import type { ConnectionShape } from "../../graphql/connection.js";
import type { PageRequest } from "../../graphql/pagination.js";
import { claimVisibleAt } from "../../cypher/claims.js";
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

/** The list query for the filters present; absent filters add nothing, values stay parameters (`$c`). */
function claimList(c: ClaimCriteria): ListQuery {
  const patterns = ["(a:Article)-[:MAKES]->(item:Claim)"];
  if (c.cause) patterns.push(`(item)-[:CAUSE]->${toNode(c.cause, "$c.cause.key")}`);
  if (c.effect) patterns.push(`(item)-[:EFFECT]->${toNode(c.effect, "$c.effect.key")}`);
  if (c.narrative) patterns.push("(item)-[:ADVANCES]->(:Narrative { key: $c.narrative })");
  const where = [claimVisibleAt("item", { includeRetracted: "$c.includeRetracted", includeSuperseded: "$c.includeSuperseded" })];
  if (c.polarity) where.push("item.polarity = $c.polarity");
  if (c.modality) where.push("item.modality = $c.modality");
  if (c.minConfidence !== null) where.push("item.confidence >= $c.minConfidence");
  // About the asset: it, an event affecting it or a move of it is the cause, effect or a condition.
  if (c.asset) {
    where.push(`EXISTS {
          MATCH (item)-[:CAUSE|EFFECT|IF]->(x)
          WHERE (x:Asset AND x.symbol = $c.asset) OR EXISTS { (x)-[:AFFECTS|OF]->(:Asset { symbol: $c.asset }) } }`);
  }
  if (c.source) {
    where.push(`(EXISTS { (a)-[:PUBLISHED_BY]->(:Source { domain: $c.source }) }
         OR EXISTS { (item)-[:ATTRIBUTED_TO]->(:Source { domain: $c.source }) })`);
  }
  return { match: patterns.join(", "), where };
}

/** Claims as known at `asOf`, newest article first: one page, the total only if selected. */
export function findClaimsPage(cypher: CypherRunner, criteria: ClaimCriteria, asOf: string, page: PageRequest): Promise<ConnectionShape<Claim>> {
  const c = { ...criteria, cause: criteria.cause && { key: criteria.cause.key }, effect: criteria.effect && { key: criteria.effect.key } };
  return findNewestFirstPage<Claim>(cypher, claimList(criteria), { c, asOf }, page, toNodeOf<Claim>);
}

/** Marks a claim retracted (once); returns its id, or null when there is no such claim. */
export async function retractClaim(cypher: CypherRunner, uid: string, reason: string, now: string): Promise<string | null> {
  return cypher.write(async (tx) => {
    const [row] = await tx.run<{ id: string }>(
      `MATCH (c:Claim { id: $uid })
       SET c.retractedAt = coalesce(c.retractedAt, datetime($now)),
           c.retractionReason = coalesce(c.retractionReason, $reason)
       RETURN c.id AS id`,
      { uid, reason, now },
    );
    if (row) await recomputeLeadsTo(tx, [row.id]);
    return row?.id ?? null;
  });
}

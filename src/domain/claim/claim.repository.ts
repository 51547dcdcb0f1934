import type { CypherRunner } from "../../db/cypher.js";
import { KEY_PROPERTY, type LabelKey } from "../../cypher/labels.js";
import { findNewestFirstPage } from "../../cypher/newest-first.js";
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

const refParam = (ref: LabelKey | null) => (ref ? { label: ref.label, key: ref.key, property: KEY_PROPERTY[ref.label] } : null);

const MATCH_CLAIMS = `MATCH (a:Article)-[:MAKES]->(item:Claim)
  WHERE ${claimVisibleAt("item", { includeRetracted: "$c.includeRetracted", includeSuperseded: "$c.includeSuperseded" })}
    AND ($c.polarity IS NULL OR item.polarity = $c.polarity)
    AND ($c.modality IS NULL OR item.modality = $c.modality)
    AND ($c.minConfidence IS NULL OR item.confidence >= $c.minConfidence)
    AND ($c.cause IS NULL OR EXISTS { MATCH (item)-[:CAUSE]->(x) WHERE $c.cause.label IN labels(x) AND x[$c.cause.property] = $c.cause.key })
    AND ($c.effect IS NULL OR EXISTS { MATCH (item)-[:EFFECT]->(x) WHERE $c.effect.label IN labels(x) AND x[$c.effect.property] = $c.effect.key })
    AND ($c.asset IS NULL OR EXISTS {
          MATCH (item)-[:CAUSE|EFFECT|IF]->(x)
          WHERE (x:Asset AND x.symbol = $c.asset) OR EXISTS { (x)-[:AFFECTS|OF]->(:Asset { symbol: $c.asset }) } })
    AND ($c.source IS NULL
         OR EXISTS { (a)-[:PUBLISHED_BY]->(:Source { domain: $c.source }) }
         OR EXISTS { (item)-[:ATTRIBUTED_TO]->(:Source { domain: $c.source }) })
    AND ($c.narrative IS NULL OR EXISTS { (item)-[:ADVANCES]->(:Narrative { key: $c.narrative }) })`;

/** Claims as known at `asOf`, newest article first, one page and the total, in one query. */
export function findClaimsPage(cypher: CypherRunner, criteria: ClaimCriteria, asOf: string, page: PageRequest): Promise<ConnectionShape<Claim>> {
  const c = { ...criteria, cause: refParam(criteria.cause), effect: refParam(criteria.effect) };
  return findNewestFirstPage<Claim>(cypher, { match: MATCH_CLAIMS, time: "a.publishedAt.epochMillis" }, { c, asOf }, page, toNodeOf<Claim>);
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

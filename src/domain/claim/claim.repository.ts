import type { CypherRunner } from "../../db/cypher.js";
import { int } from "../../db/values.js";
import type { LabelKey } from "../../graph/labels.js";
import { KEY_PROPERTY } from "../../graph/labels.js";
import { projectNode } from "../../graph/projection.js";
import type { PageRequest } from "../../graphql/pagination.js";
import { toNodeOf, type NodeRow } from "../node/node.mapper.js";
import { claimVisibleAt } from "./claim.cypher.js";
import type { Claim } from "./claim.type.js";

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

const MATCH_CLAIMS = `MATCH (a:Article)-[:MAKES]->(c:Claim)
  WHERE ${claimVisibleAt("c", { includeRetracted: "$c.includeRetracted", includeSuperseded: "$c.includeSuperseded" })}
    AND ($c.polarity IS NULL OR c.polarity = $c.polarity)
    AND ($c.modality IS NULL OR c.modality = $c.modality)
    AND ($c.minConfidence IS NULL OR c.confidence >= $c.minConfidence)
    AND ($c.cause IS NULL OR EXISTS { MATCH (c)-[:CAUSE]->(x) WHERE $c.cause.label IN labels(x) AND x[$c.cause.property] = $c.cause.key })
    AND ($c.effect IS NULL OR EXISTS { MATCH (c)-[:EFFECT]->(x) WHERE $c.effect.label IN labels(x) AND x[$c.effect.property] = $c.effect.key })
    AND ($c.asset IS NULL OR EXISTS {
          MATCH (c)-[:CAUSE|EFFECT|IF]->(x)
          WHERE (x:Asset AND x.symbol = $c.asset) OR EXISTS { (x)-[:AFFECTS|OF]->(:Asset { symbol: $c.asset }) } })
    AND ($c.source IS NULL
         OR EXISTS { (a)-[:PUBLISHED_BY]->(:Source { domain: $c.source }) }
         OR EXISTS { (c)-[:ATTRIBUTED_TO]->(:Source { domain: $c.source }) })
    AND ($c.narrative IS NULL OR EXISTS { (c)-[:ADVANCES]->(:Narrative { key: $c.narrative }) })`;

/** Claims as known at `asOf`, newest article first, one page and the total, in one query. */
export async function findClaimsPage(
  cypher: CypherRunner,
  criteria: ClaimCriteria,
  asOf: string,
  page: PageRequest,
): Promise<{ items: { t: number; node: Claim }[]; totalCount: number }> {
  const [t, id] = page.after ?? [null, null];
  const [row] = await cypher.read<{ totalCount: number; items: { t: number; node: NodeRow }[] }>(
    `CALL { ${MATCH_CLAIMS} RETURN count(c) AS totalCount }
     CALL {
       ${MATCH_CLAIMS}
       WITH c, a.publishedAt.epochMillis AS t
       WHERE $t IS NULL OR t < $t OR (t = $t AND c.id < $id)
       ORDER BY t DESC, c.id DESC
       LIMIT $limit
       RETURN collect({ t: t, node: ${projectNode("c")} }) AS items
     }
     RETURN totalCount, items`,
    { c: { ...criteria, cause: refParam(criteria.cause), effect: refParam(criteria.effect) }, asOf, t, id, limit: int(page.first + 1) },
  );
  return {
    totalCount: row?.totalCount ?? 0,
    items: (row?.items ?? []).map((item) => ({ t: item.t, node: toNodeOf<Claim>(item.node) })),
  };
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
    return row?.id ?? null;
  });
}

import type { NodeRow } from "../../cypher/projection.js";
import { toGlobalId } from "../../graphql/global-id.js";
import { articleUidOfClaim } from "../shared/article-id.js";
import { toCausalNode } from "../event/causal-node.mapper.js";
import { optionalText, text, type NodeMappers } from "../shared/row-values.js";
import type { CausalRelation, Modality, Polarity } from "./claim.enums.js";
import { Claim } from "./claim.type.js";

export const toClaim = (r: NodeRow): Claim =>
  Object.assign(new Claim(), {
    id: toGlobalId("Claim", text(r.id)),
    uid: text(r.id),
    key: text(r.key),
    text: text(r.text),
    relation: text(r.relation) as CausalRelation,
    polarity: text(r.polarity) as Polarity,
    modality: text(r.modality) as Modality,
    confidence: Number(r.confidence),
    recordedAt: text(r.recordedAt),
    supersededAt: optionalText(r.supersededAt),
    retractedAt: optionalText(r.retractedAt),
    retractionReason: optionalText(r.retractionReason),
    articleUid: articleUidOfClaim(text(r.id)),
    // The cause and effect a projection read along with the claim (projection.ts, RELATED_NODES).
    related: r.related ? causalNodes(r.related as Record<string, NodeRow | null>) : undefined,
  });

export const CLAIM_MAPPERS: NodeMappers<Claim> = { Claim: toClaim };

function causalNodes(related: Record<string, NodeRow | null>): Record<string, object | null> {
  return Object.fromEntries(Object.entries(related).map(([name, row]) => [name, row ? toCausalNode(row) : null]));
}

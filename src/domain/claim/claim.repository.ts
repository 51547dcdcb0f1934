import type { CypherRunner } from "../../db/cypher-runner.js";
import { isHubAsset } from "../../cypher/asset-reach.js";
import type { ClaimEvent } from "../../events/events.js";
import { readRetractionEvent } from "../../events/live-events.repository.js";
import { findNewestFirstPage } from "../../cypher/newest-first.js";
import type { ConnectionShape } from "../../graphql/connection.js";
import type { PageRequest } from "../../graphql/pagination.js";
import { withoutRelated, type NodeRow, type NodeSelection } from "../../cypher/projection.js";
import { recomputeLeadsTo } from "../../cypher/leads-to.js";
import { claimAt, type Claim } from "./claim.type.js";
import { toClaim } from "./claim.mapper.js";
import { claimList, RETRACT_CLAIM } from "./claim.cypher.js";
import type { ClaimCriteria } from "./claim.criteria.js";

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
    const [row] = await tx.run<{ id: string; already: boolean }>(RETRACT_CLAIM, { uid, reason, now });
    if (!row) return null;
    await recomputeLeadsTo(tx, [row.id]);
    return { id: row.id, event: row.already ? null : await readRetractionEvent(tx, row.id) };
  });
}

import type { CypherRunner } from "../../db/cypher-runner.js";
import { int } from "../../db/values.js";
import type { NodeRow } from "../../domain/node/node.mapper.js";
import { AMOUNT_TOLERANCE } from "../../domain/shared/figures.js";
import { auditQuery, type AuditScope } from "./audit.cypher.js";

export type { AuditScope };

export type AuditRow = {
  claim: NodeRow;
  status: string;
  domains: string[];
  opposing: NodeRow[];
  /** Every current statement of an amount for the events the claim names whose amounts are disputed. */
  statedFigures: { event: NodeRow; article: NodeRow; amountUsd: number }[];
};

type AuditSummary = {
  total: number;
  corroborated: number;
  singleSource: number;
  uncited: number;
  conflicting: number;
  figuresDisputed: number;
};

export type AuditRows = {
  claims: AuditRow[];
  /** Null when only a page was audited (see auditClaims). */
  summary: AuditSummary | null;
};

/**
 * Audits current claims in scope in one query: who else makes the same claim (same
 * cause, effect, polarity and relation class), which other outlet says the opposite, and
 * whether the figures stated for the events it names disagree (beside the status, not in it).
 *
 * A (cause, effect) pair's stances are read once per pair, by its indexed pair key. The asserted leads-to stance of a pair is its LEADS_TO relationship (its claim ids and
 * publishing domains, kept in step with the claims; found by its indexed pair key), so only the other stances (denials,
 * PREVENTS) read claims, articles and publishers. Opposing claims are read as nodes only for
 * the claims listed.
 *
 * With `wholeScope` every claim in scope is audited, for the summary and the status filter;
 * without, only the first `limit` in list order (newest article first, then URL and claim key)
 * are, and the summary is null.
 */
export async function auditClaims(cypher: CypherRunner, scope: AuditScope, limit: number, wholeScope: boolean): Promise<AuditRows> {
  const [row] = await cypher.read<AuditRows>(auditQuery(scope, wholeScope), {
    scope,
    tolerance: AMOUNT_TOLERANCE,
    limit: int(limit),
    wholeScope,
  });
  return row ?? { claims: [], summary: { total: 0, corroborated: 0, singleSource: 0, uncited: 0, conflicting: 0, figuresDisputed: 0 } };
}

import type { WriteTransaction } from "../../../db/cypher.js";
import { ARTICLE_STATEMENT, CONTENT_STATEMENTS } from "./ingest.statements.js";
import type { NormalizedArticle } from "./normalized.js";

export interface WriteOutcome {
  /** Content hash the article had before this write; null if it had never been ingested. */
  previousHash: string | null;
  claimsCreated: number;
  claimsSuperseded: number;
  claimsRestored: number;
}

/**
 * Writes the article as its current version; the caller's transaction makes it all-or-nothing.
 * When the stored version already has this content (a concurrent twin got there first),
 * nothing past the article's lock is written.
 */
export async function writeArticle(tx: WriteTransaction, input: NormalizedArticle, now: string): Promise<WriteOutcome> {
  const [row] = await tx.run<{ previousHash: string | null }>(ARTICLE_STATEMENT.query, ARTICLE_STATEMENT.params(input, now));
  const outcome: WriteOutcome = { previousHash: row?.previousHash ?? null, claimsCreated: 0, claimsSuperseded: 0, claimsRestored: 0 };
  if (outcome.previousHash === input.article.contentHash) return outcome;
  for (const statement of CONTENT_STATEMENTS) {
    const nodesBefore = tx.counters.nodesCreated;
    const rows = await tx.run(statement.query, statement.params(input, now));
    if (statement.name === "claims") {
      // The claims statement creates claim nodes only.
      outcome.claimsCreated = tx.counters.nodesCreated - nodesBefore;
      outcome.claimsSuperseded = Number(rows[0]?.superseded ?? 0);
      outcome.claimsRestored = Number(rows[0]?.restored ?? 0);
    }
  }
  return outcome;
}

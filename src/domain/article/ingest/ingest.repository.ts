import type { WriteTransaction } from "../../../db/cypher-runner.js";
import { ARTICLE_STATEMENT, CONTENT_STATEMENTS, type WriteBatch } from "./ingest.cypher.js";
import type { NormalizedArticle } from "./normalized.js";

/**
 * What writing one article did with its content: made it the current version; kept it as
 * history (older than the current one by updatedAt); nothing, as it is among the versions
 * already (with neverRewind) or is the current one.
 */
type VersionOutcome = "current" | "history" | "known" | "unchanged";

/** What writing one article did. */
export interface WriteOutcome {
  readonly uid: string;
  /** Content hash the article had before this write; null if it had never been ingested. */
  readonly previousHash: string | null;
  /** True when this content became the current version: its links and claims were written. */
  readonly changed: boolean;
  readonly outcome: VersionOutcome;
  readonly claimsCreated: number;
  readonly claimsSuperseded: number;
  readonly claimsRestored: number;
}

/**
 * Writes many articles, each as its current version, with one batched statement per step
 * whatever their number; the caller's transaction makes it all-or-nothing. Articles whose
 * stored version already has their content (a concurrent twin, or a re-run) are left as they
 * are. The articles must have distinct URLs.
 */
export async function writeArticles(
  tx: WriteTransaction,
  articles: readonly NormalizedArticle[],
  now: string,
  options: { neverRewind?: boolean } = {},
): Promise<WriteOutcome[]> {
  const batch: WriteBatch = { articles, replacing: new Set(), now, neverRewind: options.neverRewind };
  const heads = await tx.run<{ uid: string; existed: boolean; previousHash: string | null; outcome: VersionOutcome }>(
    ARTICLE_STATEMENT.query,
    ARTICLE_STATEMENT.params(batch)!,
  );
  const head = new Map(heads.map((row) => [row.uid, row]));
  const changed = articles.filter((a) => head.get(a.article.uid)?.outcome === "current");
  const counts = new Map<string, { superseded: number; restored: number; created: number }>();
  if (changed.length > 0) {
    const replacing = new Set(changed.filter((a) => head.get(a.article.uid)?.existed).map((a) => a.article.uid));
    const changedBatch: WriteBatch = { articles: changed, replacing, now };
    for (const statement of CONTENT_STATEMENTS) {
      const params = statement.params(changedBatch);
      if (!params) continue;
      const rows = await tx.run(statement.query, params);
      if (statement.name === "claims" || statement.name === "newClaims") {
        for (const row of rows)
          counts.set(String(row.uid), { superseded: Number(row.superseded), restored: Number(row.restored), created: Number(row.created) });
      }
    }
  }
  return articles.map((a) => {
    const uid = a.article.uid;
    const c = counts.get(uid);
    return {
      uid,
      previousHash: head.get(uid)?.previousHash ?? null,
      changed: c !== undefined,
      outcome: head.get(uid)?.outcome ?? "unchanged",
      claimsCreated: c?.created ?? 0,
      claimsSuperseded: c?.superseded ?? 0,
      claimsRestored: c?.restored ?? 0,
    };
  });
}

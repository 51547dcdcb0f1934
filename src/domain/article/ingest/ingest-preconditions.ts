import type { WriteTransaction } from "../../../db/cypher.js";
import { lookupNode } from "../../../cypher/labels.js";
import type { FieldRef } from "./normalized.js";

export interface ExistingArticle {
  /** Content hash of the last full ingest; null when the article is only known as a citation. */
  contentHash: string | null;
}

/**
 * Inside the ingest transaction, before any write: the article as stored (if at all) and
 * which of the input's outside references the graph lacks.
 */
export async function readIngestPreconditions(
  tx: WriteTransaction,
  url: string,
  externalRefs: readonly FieldRef[],
): Promise<{ existing: ExistingArticle | null; missing: FieldRef[] }> {
  const refs = externalRefs.map(({ label, key }, index) => ({ label, key, index }));
  const [row] = await tx.run<{ exists: boolean; contentHash: string | null; found: number[] }>(
    `OPTIONAL MATCH (a:Article { url: $url })
     CALL {
       UNWIND $refs AS ref
       ${lookupNode("ref")}
       RETURN collect(DISTINCT ref.index) AS found
     }
     RETURN a IS NOT NULL AS exists, a.contentHash AS contentHash, found`,
    { url, refs },
  );
  const found = new Set(row?.found ?? []);
  return {
    existing: row?.exists ? { contentHash: row.contentHash } : null,
    missing: externalRefs.filter((_, index) => !found.has(index)),
  };
}

import type { WriteTransaction } from "../db/cypher-runner.js";
import type { ArticleIngestedEvent, ClaimEvent, GraphEvent } from "./events.js";
import { CLAIM_EVENTS, INGEST_EVENTS, RETRACTION_EVENT } from "./live-events.cypher.js";

/**
 * The events of an article write, read in its transaction just after it: the article, and
 * the claims that became current in it (new, or restored by going back to an earlier
 * version), visible now (not retracted). `nowMillis` is the write's time, which those claims' periods end with.
 */
export async function readIngestEvents(tx: WriteTransaction, articleUid: string, nowMillis: number): Promise<GraphEvent[]> {
  const [row] = await tx.run<{ article: ArticleIngestedEvent["article"]; claims: ClaimEvent["claim"][] }>(INGEST_EVENTS, {
    uid: articleUid,
    nowMillis,
    now: new Date(nowMillis).toISOString(),
  });
  if (!row) return [];
  return [{ type: "articleIngested", article: row.article }, ...row.claims.map((claim): ClaimEvent => ({ type: "claimAdded", claim }))];
}

/** The event of a claim just retracted, read in the retraction's transaction. */
export async function readRetractionEvent(tx: WriteTransaction, claimUid: string): Promise<ClaimEvent | null> {
  const [row] = await tx.run<{ claim: ClaimEvent["claim"] }>(RETRACTION_EVENT, { uid: claimUid });
  return row ? { type: "claimRetracted", claim: row.claim } : null;
}

/** claimAdded events for claims whose links a write changed (a merge): those visible now, read in its transaction. */
export async function readClaimEvents(tx: WriteTransaction, claimUids: readonly string[], now: string): Promise<ClaimEvent[]> {
  if (claimUids.length === 0) return [];
  const rows = await tx.run<{ claim: ClaimEvent["claim"] }>(CLAIM_EVENTS, { uids: claimUids, now });
  return rows.map((row) => ({ type: "claimAdded", claim: row.claim }));
}

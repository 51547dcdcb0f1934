import { REF_OF } from "../cypher/claim-pair.js";
import { claimVisibleAt } from "../cypher/claims.js";
import type { WriteTransaction } from "../db/cypher-runner.js";
import type { ArticleIngestedEvent, ClaimEvent, GraphEvent } from "./events.js";

/** Cypher map: what a claim event carries about claim `c` of an article published by `source`. */
const CLAIM_EVENT_FIELDS = (c: string, source: string) => `{
  uid: ${c}.id, polarity: ${c}.polarity, modality: ${c}.modality, confidence: ${c}.confidence,
  cause: head([(${c})-[:CAUSE]->(x) | ${REF_OF("x")}]),
  effect: head([(${c})-[:EFFECT]->(y) | ${REF_OF("y")}]),
  assets: [(${c})-[:CAUSE|EFFECT|IF]->(x:Asset) | x.symbol] + [(${c})-[:CAUSE|EFFECT|IF]->()-[:AFFECTS|OF]->(x:Asset) | x.symbol],
  narratives: [(${c})-[:ADVANCES]->(n:Narrative) | n.key],
  sources: [d IN [${source}] WHERE d IS NOT NULL] + [(${c})-[:ATTRIBUTED_TO]->(o:Source) | o.domain]
}`;

/**
 * The events of an article write, read in its transaction just after it: the article, and
 * the claims that became current in it (new, or restored by going back to an earlier
 * version), visible now (not retracted). `nowMillis` is the write's time, which those claims' periods end with.
 */
export async function readIngestEvents(tx: WriteTransaction, articleUid: string, nowMillis: number): Promise<GraphEvent[]> {
  const [row] = await tx.run<{ article: ArticleIngestedEvent["article"]; claims: ClaimEvent["claim"][] }>(
    `MATCH (a:Article { id: $uid })
     OPTIONAL MATCH (a)-[:PUBLISHED_BY]->(s:Source)
     WITH a, s.domain AS source
     CALL (a, source) {
       OPTIONAL MATCH (a)-[:MAKES]->(c:Claim)
       WHERE ${claimVisibleAt("c", { asOf: "$now" })} AND last(c.periods) = $nowMillis
       WITH c ORDER BY c.key
       RETURN collect(${CLAIM_EVENT_FIELDS("c", "source")}) AS claims
     }
     RETURN {
       uid: a.id, source: source,
       assets: [(a)-[:MENTIONS]->(x:Asset) | x.symbol],
       tags: [(a)-[:TAGGED]->(t:Tag) | t.name],
       narratives: [(a)-[:ADVANCES]->(n:Narrative) | n.key] + [(a)-[:MAKES]->(c:Claim)-[:ADVANCES]->(n:Narrative) WHERE ${claimVisibleAt("c", { asOf: "$now" })} | n.key],
       sentiment: a.sentiment,
       publishedAt: CASE WHEN a.publishedAt IS NULL THEN null ELSE toString(a.publishedAt) END
     } AS article, claims`,
    { uid: articleUid, nowMillis, now: new Date(nowMillis).toISOString() },
  );
  if (!row) return [];
  return [{ type: "articleIngested", article: row.article }, ...row.claims.map((claim): ClaimEvent => ({ type: "claimAdded", claim }))];
}

/** The event of a claim just retracted, read in the retraction's transaction. */
export async function readRetractionEvent(tx: WriteTransaction, claimUid: string): Promise<ClaimEvent | null> {
  const [row] = await tx.run<{ claim: ClaimEvent["claim"] }>(
    `MATCH (a:Article)-[:MAKES]->(c:Claim { id: $uid })
     OPTIONAL MATCH (a)-[:PUBLISHED_BY]->(s:Source)
     WITH c, s.domain AS source
     RETURN ${CLAIM_EVENT_FIELDS("c", "source")} AS claim`,
    { uid: claimUid },
  );
  return row ? { type: "claimRetracted", claim: row.claim } : null;
}

import { REF_OF } from "../cypher/claim-pair.js";
import { claimVisibleAt } from "../cypher/claims.js";

/** Cypher map: what a claim event carries about claim `c` of an article published by `source`. */
const CLAIM_EVENT_FIELDS = (c: string, source: string) => `{
  uid: ${c}.id, polarity: ${c}.polarity, modality: ${c}.modality, confidence: ${c}.confidence, publishedAt: ${c}.sortAt,
  cause: head([(${c})-[:CAUSE]->(x) | ${REF_OF("x")}]),
  effect: head([(${c})-[:EFFECT]->(y) | ${REF_OF("y")}]),
  assets: [(${c})-[:CAUSE|EFFECT|IF]->(x:Asset) | x.symbol] + [(${c})-[:CAUSE|EFFECT|IF]->()-[:AFFECTS|OF]->(x:Asset) | x.symbol],
  narratives: [(${c})-[:ADVANCES]->(n:Narrative) | n.key],
  sources: [d IN [${source}] WHERE d IS NOT NULL] + [(${c})-[:ATTRIBUTED_TO]->(o:Source) | o.domain]
}`;

/**
 * The article `$uid` as its ingest event carries it, and the claims that became current in its
 * write at `$now` (`$nowMillis`, which their periods end with), visible then.
 */
export const INGEST_EVENTS = `MATCH (a:Article { id: $uid })
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
     } AS article, claims`;

/** The event of the claim `$uid`, as a retraction announces it. */
export const RETRACTION_EVENT = `MATCH (a:Article)-[:MAKES]->(c:Claim { id: $uid })
     OPTIONAL MATCH (a)-[:PUBLISHED_BY]->(s:Source)
     WITH c, s.domain AS source
     RETURN ${CLAIM_EVENT_FIELDS("c", "source")} AS claim`;

/** The claims `$uids` that are visible now (not retracted, current), as claimAdded events carry them. */
export const CLAIM_EVENTS = `UNWIND $uids AS uid
     MATCH (a:Article)-[:MAKES]->(c:Claim { id: uid })
     WHERE ${claimVisibleAt("c", { asOf: "$now" })}
     OPTIONAL MATCH (a)-[:PUBLISHED_BY]->(s:Source)
     WITH c, s.domain AS source ORDER BY c.id
     RETURN ${CLAIM_EVENT_FIELDS("c", "source")} AS claim`;

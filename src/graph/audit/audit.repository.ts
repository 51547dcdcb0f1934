import type { CypherRunner } from "../../db/cypher.js";
import { int } from "../../db/values.js";
import { PAIR_KEY_OF } from "../../cypher/claim-pair.js";
import { claimVisibleAt, relationClassOf } from "../../cypher/claims.js";
import type { NodeRow } from "../../domain/node/node.mapper.js";
import { projectNode } from "../../cypher/projection.js";
import { AMOUNT_TOLERANCE } from "./audit.types.js";

export interface AuditScope {
  articleUrl: string | null;
  source: string | null;
  asset: string | null;
  status: string | null;
}

export type AuditRow = {
  claim: NodeRow;
  status: string;
  domains: string[];
  opposing: NodeRow[];
  amounts: { event: NodeRow; article: NodeRow; amountUsd: number; otherAmountUsd: number }[];
};

export type AuditRows = {
  claims: AuditRow[];
  summary: { total: number; corroborated: number; singleSource: number; uncited: number; conflicting: number };
};

/**
 * The current claims in scope as `a` (article) and `c` (claim), starting from what the scope
 * names (the article, the outlet's articles and attributions, the asset's claims) rather
 * than from every claim; absent filters add nothing.
 */
function claimsInScope(scope: AuditScope): string {
  const starts: string[] = [];
  if (scope.articleUrl) starts.push("MATCH (:Article { url: $scope.articleUrl })-[:MAKES]->(c:Claim) RETURN c");
  else if (scope.source) {
    starts.push(
      "MATCH (:Source { domain: $scope.source })<-[:PUBLISHED_BY]-(:Article)-[:MAKES]->(c:Claim) RETURN c",
      "MATCH (:Source { domain: $scope.source })<-[:ATTRIBUTED_TO]-(c:Claim) RETURN c",
    );
  } else if (scope.asset) {
    starts.push(
      "MATCH (:Asset { symbol: $scope.asset })<-[:CAUSE|EFFECT|IF]-(c:Claim) RETURN c",
      "MATCH (:Asset { symbol: $scope.asset })<-[:AFFECTS|OF]-()<-[:CAUSE|EFFECT|IF]-(c:Claim) RETURN c",
    );
  }
  const where = [claimVisibleAt("c")];
  if (scope.articleUrl && scope.source) {
    where.push(`(EXISTS { (a)-[:PUBLISHED_BY]->(:Source { domain: $scope.source }) }
            OR EXISTS { (c)-[:ATTRIBUTED_TO]->(:Source { domain: $scope.source }) })`);
  }
  if (scope.asset && (scope.articleUrl || scope.source)) {
    where.push(`EXISTS {
             MATCH (c)-[:CAUSE|EFFECT|IF]->(x)
             WHERE (x:Asset AND x.symbol = $scope.asset) OR EXISTS { (x)-[:AFFECTS|OF]->(:Asset { symbol: $scope.asset }) } }`);
  }
  const start = starts.length ? `CALL () { ${starts.join(" UNION ")} }
     ` : "";
  return `${start}MATCH (a:Article)-[:MAKES]->(c:Claim)
     WHERE ${where.join("\n       AND ")}`;
}

/**
 * Audits every current claim in scope in one query: who else makes the same claim (same
 * cause, effect, polarity and relation class), who says the opposite, and whose figures for
 * the events it names disagree; then the status. The claims about a (cause, effect) pair are
 * read once per pair, by its pair key, and grouped by stance (polarity and relation class), so
 * auditing many claims about one pair costs about as much as auditing one.
 */
export async function auditClaims(cypher: CypherRunner, scope: AuditScope, limit: number, asOf: string): Promise<AuditRows> {
  const [row] = await cypher.read<AuditRows>(
    `${claimsInScope(scope)}
     MATCH (cause)<-[:CAUSE]-(c)-[:EFFECT]->(effect)
     WITH cause, effect, collect({ a: a, c: c }) AS inScope
     CALL (cause, effect) {
       // The claims about the same pair: an index lookup by pair key, checked against the links.
       MATCH (o:Claim { pair: ${PAIR_KEY_OF("cause", "effect")} })
       WHERE EXISTS { (o)-[:CAUSE]->(cause) } AND EXISTS { (o)-[:EFFECT]->(effect) } AND ${claimVisibleAt("o")}
       MATCH (oa:Article)-[:MAKES]->(o)
       OPTIONAL MATCH (oa)-[:PUBLISHED_BY]->(os:Source)
       WITH o.polarity AS polarity, ${relationClassOf("o")} AS class, collect(DISTINCT os.domain) AS domains, collect(o) AS claims
       RETURN collect({ polarity: polarity, class: class, domains: domains, claims: claims }) AS stances
     }
     UNWIND inScope AS entry
     WITH entry.a AS a, entry.c AS c, stances
     WITH a, c, stances, c.polarity AS polarity, ${relationClassOf("c")} AS class
     // The same stance corroborates. "X causes Y" is contradicted by "X does not cause Y" and by
     // "X prevents Y"; denials of different classes ("X does not cause Y", "X does not prevent
     // Y") and "X causes Y" with "X does not prevent Y" agree without corroborating.
     WITH a, c,
          reduce(found = [], s IN stances | CASE WHEN s.polarity = polarity AND s.class = class THEN s.domains ELSE found END) AS domains,
          // Opposing claims by stance (never empty lists); flattened only for the claims listed.
          [s IN stances WHERE (s.class = class AND s.polarity <> polarity)
                           OR (s.class <> class AND s.polarity = 'ASSERTED' AND polarity = 'ASSERTED') | s.claims] AS opposing
     CALL (a, c) {
       MATCH (c)-[:CAUSE|EFFECT|IF]->(e:Event)<-[mine:REPORTS]-(a)
       MATCH (e)<-[theirs:REPORTS]-(other:Article)
       WHERE other <> a AND mine.amountUsd IS NOT NULL AND theirs.amountUsd IS NOT NULL
         AND abs(mine.amountUsd - theirs.amountUsd) > $tolerance * CASE WHEN mine.amountUsd > theirs.amountUsd THEN mine.amountUsd ELSE theirs.amountUsd END
       RETURN collect({ event: ${projectNode("e")}, article: ${projectNode("other")}, amountUsd: mine.amountUsd, otherAmountUsd: theirs.amountUsd }) AS amounts
     }
     WITH a, c, domains, opposing, amounts,
          CASE
            WHEN size(opposing) > 0 OR size(amounts) > 0 THEN 'CONFLICTING'
            WHEN size(domains) >= 2 THEN 'CORROBORATED'
            WHEN EXISTS { (c)-[:ATTRIBUTED_TO|SUPPORTED_BY]->() } THEN 'SINGLE_SOURCE'
            ELSE 'UNCITED'
          END AS status
     ORDER BY a.publishedAt DESC, a.url, c.key
     WITH collect({ c: c, status: status, domains: domains, opposing: opposing, amounts: amounts }) AS audited
     WITH audited, [x IN audited WHERE $scope.status IS NULL OR x.status = $scope.status] AS selected
     UNWIND (CASE selected WHEN [] THEN [null] ELSE selected[0..$limit] END) AS x
     WITH audited, x, x.c AS claim
     WITH audited, collect(CASE WHEN x IS NULL THEN null ELSE {
            claim: ${projectNode("claim")}, status: x.status, domains: x.domains, amounts: x.amounts,
            opposing: [o IN reduce(flat = [], bucket IN x.opposing | flat + bucket) | ${projectNode("o")}] } END) AS claims
     RETURN claims, {
       total: size(audited),
       corroborated: size([x IN audited WHERE x.status = 'CORROBORATED']),
       singleSource: size([x IN audited WHERE x.status = 'SINGLE_SOURCE']),
       uncited: size([x IN audited WHERE x.status = 'UNCITED']),
       conflicting: size([x IN audited WHERE x.status = 'CONFLICTING'])
     } AS summary`,
    { scope, asOf, tolerance: AMOUNT_TOLERANCE, limit: int(limit) },
  );
  return row ?? { claims: [], summary: { total: 0, corroborated: 0, singleSource: 0, uncited: 0, conflicting: 0 } };
}

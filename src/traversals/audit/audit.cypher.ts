import { claimIsCurrent, relationClassOf } from "../../cypher/claims.js";
import { projectNode } from "../../cypher/projection.js";

/** What an audit is asked about: each given filter narrows it (canonical values). */
export interface AuditScope {
  articleUrl: string | null;
  source: string | null;
  asset: string | null;
  status: string | null;
}

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
  const where = [claimIsCurrent("c"), "c.pair IS NOT NULL"];
  if (scope.articleUrl && scope.source) {
    where.push(`(EXISTS { (a)-[:PUBLISHED_BY]->(:Source { domain: $scope.source }) }
            OR EXISTS { (c)-[:ATTRIBUTED_TO]->(:Source { domain: $scope.source }) })`);
  }
  if (scope.asset && (scope.articleUrl || scope.source)) {
    where.push(`EXISTS {
             MATCH (c)-[:CAUSE|EFFECT|IF]->(x)
             WHERE (x:Asset AND x.symbol = $scope.asset) OR EXISTS { (x)-[:AFFECTS|OF]->(:Asset { symbol: $scope.asset }) } }`);
  }
  const start = starts.length
    ? `CALL () { ${starts.join(" UNION ")} }
     `
    : "";
  return `${start}MATCH (a:Article)-[:MAKES]->(c:Claim)
     WHERE ${where.join("\n       AND ")}`;
}

/**
 * The audit of the current claims in scope in one query (see auditClaims, audit.repository.ts):
 * parameters $scope, $tolerance, $limit and $wholeScope; one row of `claims` and `summary`.
 */
export function auditQuery(scope: AuditScope, wholeScope: boolean): string {
  return `${claimsInScope(scope)}
     ${wholeScope ? "" : "WITH a, c ORDER BY a.publishedAt DESC, a.url, c.key LIMIT $limit"}
     WITH a, collect(c) AS claims
     // Events the article reports with a figure that another article's report of them disagrees with.
     CALL (a) {
       OPTIONAL MATCH (a)-[mine:REPORTS]->(e:Event)<-[theirs:REPORTS]-(other:Article)
       WHERE other <> a AND mine.amountUsd IS NOT NULL AND theirs.amountUsd IS NOT NULL
         AND abs(mine.amountUsd - theirs.amountUsd) > $tolerance * CASE WHEN mine.amountUsd > theirs.amountUsd THEN mine.amountUsd ELSE theirs.amountUsd END
       WITH e, other, mine, theirs WHERE e IS NOT NULL
       RETURN collect({ e: e, event: ${projectNode("e")}, article: ${projectNode("other")}, amountUsd: mine.amountUsd, otherAmountUsd: theirs.amountUsd }) AS disagreements
     }
     UNWIND claims AS c
     WITH a, c, CASE WHEN disagreements = [] THEN []
                     ELSE [d IN disagreements WHERE EXISTS { (c)-[:CAUSE|EFFECT|IF]->(named) WHERE named = d.e } | d { .event, .article, .amountUsd, .otherAmountUsd }]
                END AS amounts
     WITH c.pair AS pair, collect({ a: a, c: c, amounts: amounts }) AS inScope
     CALL (pair, inScope) {
       OPTIONAL MATCH ()-[r:LEADS_TO { pair: pair }]->()
       // The other stances: claims about the pair that are not asserted leads-to claims, by an
       // index holding only those (otherStancePair, see claim-pair.ts).
       CALL (pair) {
         OPTIONAL MATCH (o:Claim { otherStancePair: pair })
         WHERE ${claimIsCurrent("o")}
         OPTIONAL MATCH (oa:Article)-[:MAKES]->(o)
         OPTIONAL MATCH (oa)-[:PUBLISHED_BY]->(os:Source)
         WITH o, os WHERE o IS NOT NULL
         WITH o.polarity AS polarity, ${relationClassOf("o")} AS class, collect(DISTINCT os.domain) AS domains, collect(DISTINCT o.id) AS claims
         RETURN collect({ polarity: polarity, class: class, domains: domains, claims: claims }) AS others
       }
       RETURN others + CASE WHEN r IS NULL THEN [] ELSE [{
         polarity: 'ASSERTED', class: 'LEADS_TO', claims: r.claimIds,
         domains: reduce(seen = [], d IN r.domains | CASE WHEN d = '' OR d IN seen THEN seen ELSE seen + d END) }] END AS stances
     }
     UNWIND inScope AS entry
     WITH entry.a AS a, entry.c AS c, entry.amounts AS amounts, stances
     WITH a, c, amounts, stances, c.polarity AS polarity, ${relationClassOf("c")} AS class
     // The same stance corroborates. "X causes Y" is contradicted by "X does not cause Y" and by
     // "X prevents Y"; denials of different classes ("X does not cause Y", "X does not prevent
     // Y") and "X causes Y" with "X does not prevent Y" agree without corroborating. "X came
     // before Y" (TEMPORAL) meets only its own class: order neither supports nor contradicts cause.
     WITH a, c, amounts,
          reduce(found = [], s IN stances | CASE WHEN s.polarity = polarity AND s.class = class THEN s.domains ELSE found END) AS domains,
          // Ids of the opposing claims by stance (never empty lists); read as nodes only for the claims listed.
          [s IN stances WHERE (s.class = class AND s.polarity <> polarity)
                           OR (s.class <> class AND s.polarity = 'ASSERTED' AND polarity = 'ASSERTED'
                               AND NOT 'TEMPORAL' IN [s.class, class]) | s.claims] AS opposing
     WITH a, c, domains, opposing, amounts,
          CASE
            WHEN size(opposing) > 0 OR size(amounts) > 0 THEN 'CONFLICTING'
            WHEN size(domains) >= 2 THEN 'CORROBORATED'
            WHEN EXISTS { (c)-[:ATTRIBUTED_TO|SUPPORTED_BY]->() } THEN 'SINGLE_SOURCE'
            ELSE 'UNCITED'
          END AS status
     ORDER BY a.publishedAt DESC, a.url, c.key
     WITH collect({ c: c, status: status, domains: domains, opposing: opposing, amounts: amounts }) AS audited
     CALL (audited) {
       UNWIND [entry IN audited WHERE $scope.status IS NULL OR entry.status = $scope.status][0..$limit] AS listed
       CALL (listed) {
         UNWIND reduce(flat = [], ids IN listed.opposing | flat + ids) AS id
         MATCH (o:Claim { id: id })
         RETURN collect(${projectNode("o")}) AS opposing
       }
       WITH listed, listed.c AS claim, opposing
       RETURN collect({ claim: ${projectNode("claim")}, status: listed.status, domains: listed.domains, amounts: listed.amounts, opposing: opposing }) AS claims
     }
     RETURN claims, CASE WHEN $wholeScope THEN {
       total: size(audited),
       corroborated: size([x IN audited WHERE x.status = 'CORROBORATED']),
       singleSource: size([x IN audited WHERE x.status = 'SINGLE_SOURCE']),
       uncited: size([x IN audited WHERE x.status = 'UNCITED']),
       conflicting: size([x IN audited WHERE x.status = 'CONFLICTING'])
     } END AS summary`;
}

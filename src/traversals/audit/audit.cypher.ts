import { claimIsCurrent, relationClassOf } from "../../cypher/claims.js";
import { KEY_PROPERTY, type LabelKey } from "../../cypher/labels.js";
import { projectNode } from "../../cypher/projection.js";

/** What an audit is asked about: each given filter narrows it (canonical values). */
export interface AuditScope {
  articleUrl: string | null;
  source: string | null;
  asset: string | null;
  status: string | null;
  cause: LabelKey | null;
  effect: LabelKey | null;
  /** Both cause and effect given: their pair key (claim-pair.ts), an index lookup. */
  pair: string | null;
  event: string | null;
  narrative: string | null;
  /** The article's publication window, epoch ms (a claim's sortAt is its article's publication). */
  from: number | null;
  to: number | null;
}

/** A filter of the scope: the claims it starts from (one or more UNION parts binding `c`), and its test of `a` and `c`. */
interface ScopeFilter {
  readonly start: readonly string[];
  readonly test: string;
}

const refNode = (ref: LabelKey, param: string) => `(:${ref.label} { ${KEY_PROPERTY[ref.label]}: ${param} })`;

/** The scope's filters that are present, the narrowest first (the audit starts from the first). */
function filtersOf(scope: AuditScope): ScopeFilter[] {
  const filters: ScopeFilter[] = [];
  if (scope.articleUrl) {
    filters.push({
      start: ["MATCH (:Article { url: $scope.articleUrl })-[:MAKES]->(c:Claim) RETURN c"],
      test: "a.url = $scope.articleUrl",
    });
  }
  if (scope.pair) filters.push({ start: ["MATCH (c:Claim { pair: $scope.pair }) RETURN c"], test: "c.pair = $scope.pair" });
  if (scope.event) {
    filters.push({
      start: ["MATCH (:Event { key: $scope.event })<-[:CAUSE|EFFECT|IF]-(c:Claim) RETURN c"],
      test: "EXISTS { (c)-[:CAUSE|EFFECT|IF]->(:Event { key: $scope.event }) }",
    });
  }
  for (const [ref, rel, param] of [
    [scope.cause, "CAUSE", "$scope.cause.key"],
    [scope.effect, "EFFECT", "$scope.effect.key"],
  ] as const) {
    if (ref)
      filters.push({
        start: [`MATCH ${refNode(ref, param)}<-[:${rel}]-(c:Claim) RETURN c`],
        test: `EXISTS { (c)-[:${rel}]->${refNode(ref, param)} }`,
      });
  }
  if (scope.narrative) {
    filters.push({
      start: ["MATCH (:Narrative { key: $scope.narrative })<-[:ADVANCES]-(c:Claim) RETURN c"],
      test: "EXISTS { (c)-[:ADVANCES]->(:Narrative { key: $scope.narrative }) }",
    });
  }
  if (scope.source) {
    filters.push({
      start: [
        "MATCH (:Source { domain: $scope.source })<-[:PUBLISHED_BY]-(:Article)-[:MAKES]->(c:Claim) RETURN c",
        "MATCH (:Source { domain: $scope.source })<-[:ATTRIBUTED_TO]-(c:Claim) RETURN c",
      ],
      test: `(EXISTS { (a)-[:PUBLISHED_BY]->(:Source { domain: $scope.source }) }
            OR EXISTS { (c)-[:ATTRIBUTED_TO]->(:Source { domain: $scope.source }) })`,
    });
  }
  if (scope.asset) {
    filters.push({
      start: [
        "MATCH (:Asset { symbol: $scope.asset })<-[:CAUSE|EFFECT|IF]-(c:Claim) RETURN c",
        "MATCH (:Asset { symbol: $scope.asset })<-[:AFFECTS|OF]-()<-[:CAUSE|EFFECT|IF]-(c:Claim) RETURN c",
      ],
      test: `EXISTS {
             MATCH (c)-[:CAUSE|EFFECT|IF]->(x)
             WHERE (x:Asset AND x.symbol = $scope.asset) OR EXISTS { (x)-[:AFFECTS|OF]->(:Asset { symbol: $scope.asset }) } }`,
    });
  }
  if (scope.from !== null || scope.to !== null) {
    const window = [
      ...(scope.from !== null ? ["c.sortAt >= $scope.from"] : []),
      ...(scope.to !== null ? ["c.sortAt <= $scope.to"] : []),
    ].join(" AND ");
    filters.push({ start: [`MATCH (c:Claim) WHERE ${window} RETURN c`], test: window });
  }
  return filters;
}

/**
 * The current claims in scope as `a` (article) and `c` (claim), starting from what the
 * narrowest filter names (the article, the pair's index, the event, the cause or effect, the
 * narrative, the outlet's articles and attributions, the asset's claims, the publication
 * window's index) rather than from every claim; the other filters are tests.
 */
function claimsInScope(scope: AuditScope): string {
  const [first, ...rest] = filtersOf(scope);
  const where = [claimIsCurrent("c"), "c.pair IS NOT NULL", ...rest.map((filter) => filter.test)];
  const start = first
    ? `CALL () { ${first.start.join(" UNION ")} }
     `
    : "";
  return `${start}MATCH (a:Article)-[:MAKES]->(c:Claim)
     WHERE ${where.join("\n       AND ")}`;
}

/**
 * Every current claim in scope audited, in list order (newest article first, then URL and
 * claim key), as rows `a, c, status, domains` (its stance's publishing domains), `opposing`
 * (ids of opposing claims by stance), `disputed` (events it names with disputed figures) and
 * `domain` (its publisher's). With `limit`, only the first `$limit` claims are audited.
 */
function auditedClaims(scope: AuditScope, limit: boolean): string {
  return `${claimsInScope(scope)}
     ${limit ? "WITH a, c ORDER BY a.publishedAt DESC, a.url, c.key LIMIT $limit" : ""}
     // Figures are not stances: the events the claim names whose current statements give
     // amounts more than $tolerance of the larger apart (disputed figures, beside the status).
     CALL (c) {
       OPTIONAL MATCH (c)-[:CAUSE|EFFECT|IF]->(e:Event)<-[r:REPORTS]-(:Article)
       WHERE r.amountUsd IS NOT NULL
       WITH e, min(r.amountUsd) AS low, max(r.amountUsd) AS high
       WHERE e IS NOT NULL AND high - low > $tolerance * CASE WHEN abs(high) > abs(low) THEN abs(high) ELSE abs(low) END
       RETURN collect(e) AS disputed
     }
     WITH c.pair AS pair, collect({ a: a, c: c, disputed: disputed }) AS inScope
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
     WITH entry.a AS a, entry.c AS c, entry.disputed AS disputed, stances
     OPTIONAL MATCH (a)-[:PUBLISHED_BY]->(publisher:Source)
     WITH a, c, disputed, stances, coalesce(publisher.domain, '') AS domain, c.polarity AS polarity, ${relationClassOf("c")} AS class
     // The same stance corroborates. "X causes Y" is contradicted by "X does not cause Y" and by
     // "X prevents Y"; denials of different classes ("X does not cause Y", "X does not prevent
     // Y") and "X causes Y" with "X does not prevent Y" agree without corroborating. "X came
     // before Y" (TEMPORAL) meets only its own class: order neither supports nor contradicts cause.
     // An outlet contradicting itself is no conflict: a stance opposes only when another outlet takes it.
     WITH a, c, disputed, domain,
          reduce(found = [], s IN stances | CASE WHEN s.polarity = polarity AND s.class = class THEN s.domains ELSE found END) AS domains,
          // Ids of the opposing claims by stance (never empty lists); read as nodes only for the claims listed.
          [s IN stances WHERE ((s.class = class AND s.polarity <> polarity)
                           OR (s.class <> class AND s.polarity = 'ASSERTED' AND polarity = 'ASSERTED'
                               AND NOT 'TEMPORAL' IN [s.class, class]))
                          AND any(d IN s.domains WHERE d <> domain) | s.claims] AS opposing
     WITH a, c, domains, opposing, disputed, domain,
          CASE
            WHEN size(opposing) > 0 THEN 'CONFLICTING'
            WHEN size(domains) >= 2 THEN 'CORROBORATED'
            WHEN EXISTS { (c)-[:ATTRIBUTED_TO|SUPPORTED_BY]->() } THEN 'SINGLE_SOURCE'
            ELSE 'UNCITED'
          END AS status
     ORDER BY a.publishedAt DESC, a.url, c.key`;
}

/**
 * The audit of the current claims in scope in one query (see auditClaims, audit.repository.ts):
 * parameters $scope, $tolerance, $limit and $wholeScope; one row of `claims` and `summary`.
 */
export function auditQuery(scope: AuditScope, wholeScope: boolean): string {
  return `${auditedClaims(scope, !wholeScope)}
     WITH collect({ c: c, status: status, domains: domains, opposing: opposing, disputed: disputed, domain: domain }) AS audited
     CALL (audited) {
       UNWIND [entry IN audited WHERE $scope.status IS NULL OR entry.status = $scope.status][0..$limit] AS listed
       CALL (listed) {
         UNWIND reduce(flat = [], ids IN listed.opposing | flat + ids) AS id
         MATCH (o:Claim { id: id })
         WHERE NOT EXISTS { (o)<-[:MAKES]-(:Article)-[:PUBLISHED_BY]->(:Source { domain: listed.domain }) }
         RETURN collect(${projectNode("o")}) AS opposing
       }
       CALL (listed) {
         UNWIND listed.disputed AS e
         MATCH (art:Article)-[r:REPORTS]->(e) WHERE r.amountUsd IS NOT NULL
         WITH e, art, r ORDER BY e.key, r.amountUsd, art.url
         RETURN collect({ event: ${projectNode("e")}, article: ${projectNode("art")}, amountUsd: r.amountUsd }) AS statedFigures
       }
       WITH listed, listed.c AS claim, opposing, statedFigures
       RETURN collect({ claim: ${projectNode("claim")}, status: listed.status, domains: listed.domains, statedFigures: statedFigures, opposing: opposing }) AS claims
     }
     RETURN claims, CASE WHEN $wholeScope THEN {
       total: size(audited),
       corroborated: size([x IN audited WHERE x.status = 'CORROBORATED']),
       singleSource: size([x IN audited WHERE x.status = 'SINGLE_SOURCE']),
       uncited: size([x IN audited WHERE x.status = 'UNCITED']),
       conflicting: size([x IN audited WHERE x.status = 'CONFLICTING']),
       figuresDisputed: size([x IN audited WHERE size(x.disputed) > 0])
     } END AS summary`;
}

/**
 * The audit as rows to export, one per current claim in scope in list order (parameters $scope
 * and $tolerance; the status filter applies): the claim, its article and publisher, the outlets
 * it credits and the articles it cites, its status, independent domains, the articles of the
 * other outlets' claims opposing it, and the disputed figures' events. Neo4j streams the rows
 * once sorted, so a client reads them as they come.
 */
export function auditExportQuery(scope: AuditScope): string {
  return `${auditedClaims(scope, false)}
     WITH a, c, domain, status, domains, opposing, disputed
     WHERE $scope.status IS NULL OR status = $scope.status
     RETURN c.id AS uid, c.key AS key, c.text AS text, c.relation AS relation, c.polarity AS polarity,
            c.modality AS modality, c.confidence AS confidence,
            a.url AS articleUrl, toString(a.publishedAt) AS publishedAt, domain AS publisher,
            [(c)-[:ATTRIBUTED_TO]->(s:Source) | s.domain] AS attributedTo,
            [(c)-[:SUPPORTED_BY]->(cited:Article) | cited.url] AS citedUrls,
            status, domains AS independentDomains,
            COLLECT {
              UNWIND reduce(flat = [], ids IN opposing | flat + ids) AS id
              MATCH (o:Claim { id: id })<-[:MAKES]-(oa:Article)
              WHERE NOT EXISTS { (oa)-[:PUBLISHED_BY]->(:Source { domain: domain }) }
              RETURN DISTINCT oa.url
            } AS conflictsWith,
            [e IN disputed | e.key] AS figuresDisputedEvents`;
}

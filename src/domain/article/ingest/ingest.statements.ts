import { articleLinks, ARTICLE_LINK_TYPES, CLAIM_LINK_TYPES, reconcileLinks, versionedLink } from "./versioned-links.js";
import type { NormalizedArticle } from "./normalized.js";
import { lookupNode } from "../../../cypher/labels.js";

export interface Statement {
  readonly name: string;
  readonly query: string;
  readonly params: (input: NormalizedArticle, now: string) => Record<string, unknown>;
}

/**
 * The article node and its version record. Locks the article first, so concurrent ingests of
 * one URL take turns; then, only when the content differs from the stored version, closes the
 * current ArticleVersion (copying the content it had into it) and opens the new one.
 */
export const ARTICLE_STATEMENT: Statement = {
  name: "article",
  query: `MERGE (a:Article { url: $article.url })
    SET a.id = coalesce(a.id, $article.uid)
    WITH a, a.contentHash AS previousHash,
         a { .title, .summary, .body, .publishedAt, .author, .sentiment, .score, .threatLevel, .riskLevel } AS previous
    CALL (a, previousHash, previous) {
      WITH a, previous WHERE previousHash IS NULL OR previousHash <> $article.contentHash
      CALL (a, previous) {
        MATCH (a)-[:HAS_VERSION]->(v:ArticleVersion) WHERE v.supersededAt IS NULL
        SET v += previous, v.supersededAt = datetime($now)
      }
      CREATE (a)-[:HAS_VERSION]->(:ArticleVersion { contentHash: $article.contentHash, recordedAt: datetime($now) })
      SET a.title = $article.title, a.summary = $article.summary, a.body = $article.body,
          a.publishedAt = datetime($article.publishedAt), a.author = $article.author,
          a.sentiment = $article.sentiment, a.score = $article.score, a.threatLevel = $article.threatLevel,
          a.riskLevel = $article.riskLevel, a.contentHash = $article.contentHash, a.ingestedAt = datetime($now)
    }
    RETURN previousHash`,
  params: (input, now) => ({ article: input.article, now }),
};

/** After the article statement, in dependency order; each is one batched UNWIND/MERGE. */
export const CONTENT_STATEMENTS: readonly Statement[] = [
  {
    name: "sources",
    query: `UNWIND $sources AS s
      MERGE (x:Source { domain: s.domain })
      ON CREATE SET x.name = s.name, x.kind = s.kind
      ON MATCH SET x.name = CASE WHEN x.name = x.domain THEN s.name ELSE x.name END, x.kind = coalesce(x.kind, s.kind)`,
    params: (input) => ({ sources: input.sources }),
  },
  {
    name: "cites",
    query: `UNWIND $cites AS c
      MERGE (x:Article { url: c.url })
      ON CREATE SET x.id = c.uid, x.title = c.title, x.summary = c.summary, x.publishedAt = datetime(c.publishedAt)
      WITH x, c
      // A citation names the publisher only of an article the graph has none for yet.
      WHERE NOT EXISTS { (x)-[:PUBLISHED_BY]->() }
      MATCH (s:Source { domain: c.sourceDomain })
      MERGE (x)-[:PUBLISHED_BY]->(s)`,
    params: (input) => ({ cites: input.cites }),
  },
  {
    name: "things",
    query: `CALL () { UNWIND $tags AS name MERGE (:Tag { name: name }) }
      CALL () {
        UNWIND $assets AS row
        MERGE (x:Asset { symbol: row.symbol }) ON CREATE SET x.name = row.name, x.assetClass = row.assetClass
      }
      CALL () { UNWIND $entities AS row MERGE (x:Entity { key: row.key }) ON CREATE SET x.name = row.name, x.kind = row.kind }
      CALL () {
        UNWIND $macroFactors AS row
        MERGE (x:MacroFactor { key: row.key })
        ON CREATE SET x.name = row.name, x.kind = row.kind, x.description = row.description
      }
      CALL () { UNWIND $narratives AS row MERGE (x:Narrative { key: row.key }) ON CREATE SET x.name = row.name, x.description = row.description }
      CALL () {
        UNWIND $events AS e
        MERGE (x:Event { key: e.key })
        ON CREATE SET x.kind = e.kind, x.title = e.title, x.occurredAt = datetime(e.occurredAt),
                      x.endedAt = datetime(e.endedAt), x.amountUsd = e.amountUsd
      }`,
    params: (input) => ({
      tags: input.tags,
      assets: input.assets,
      entities: input.entities,
      macroFactors: input.macroFactors,
      narratives: input.narratives,
      events: input.events,
    }),
  },
  {
    name: "citedReports",
    query: `UNWIND $reports AS report
      MATCH (c:Article { id: report.citeUid }), (x:Event { key: report.event })
      MERGE (c)-[r:REPORTS]->(x)
      SET r.amountUsd = report.amountUsd`,
    params: (input) => ({ reports: input.citedReports }),
  },
  {
    name: "priceMoves",
    query: `UNWIND $moves AS m
      MATCH (asset:Asset { symbol: m.symbol })
      MERGE (x:PriceMove { key: m.key })
      ON CREATE SET x.startAt = datetime(m.startAt), x.endAt = datetime(m.endAt), x.open = m.open, x.high = m.high,
                    x.low = m.low, x.close = m.close, x.changePct = m.changePct, x.description = m.description
      MERGE (x)-[:OF]->(asset)`,
    params: (input) => ({ moves: input.priceMoves }),
  },
  {
    name: "eventLinks",
    query: `UNWIND $links AS link
      MATCH (from:Event { key: link.from })
      ${lookupNode("link")}
      MERGE (from)-[:AFFECTS]->(node)`,
    params: (input) => ({ links: input.eventLinks }),
  },
  {
    name: "levelsAndIndicators",
    query: `CALL () {
        UNWIND $levels AS l
        MATCH (asset:Asset { symbol: l.symbol })
        MERGE (x:PriceLevel { key: l.key })
        SET x.price = l.price, x.kind = l.kind, x.note = l.note
        MERGE (x)-[:OF]->(asset)
      }
      CALL () {
        UNWIND $indicators AS r
        MATCH (asset:Asset { symbol: r.symbol })
        MERGE (x:Indicator { key: r.key })
        SET x.metric = r.metric, x.value = r.value, x.reading = r.reading, x.at = datetime(r.at)
        MERGE (x)-[:OF]->(asset)
      }`,
    params: (input) => ({ levels: input.levels, indicators: input.indicators }),
  },
  {
    name: "articleLinks",
    query: `MATCH (a:Article { id: $uid })
      WITH a, $links AS links
      ${reconcileLinks("a", ARTICLE_LINK_TYPES, "links")}`,
    params: (input, now) => ({ uid: input.article.uid, links: articleLinks(input), now }),
  },
  {
    name: "claims",
    query: `MATCH (a:Article { id: $uid })
      // Claims of the stored version that this one does not make are superseded: kept, no longer current.
      CALL (a) {
        OPTIONAL MATCH (a)-[:MAKES]->(old:Claim)
        WHERE old.supersededAt IS NULL AND NOT old.id IN $claimUids
        SET old.supersededAt = datetime($now), old.periods = coalesce(old.periods, [old.recordedAt.epochMillis]) + $nowMillis
        RETURN count(old) AS superseded
      }
      // Claims it makes keep their node (id, retraction, history) and take this version's content;
      // one superseded before becomes current again.
      CALL (a) {
        UNWIND $claims AS c
        MERGE (x:Claim { id: c.uid })
        ON CREATE SET x.recordedAt = datetime($now), x.periods = [$nowMillis]
        WITH a, x, c, x.supersededAt IS NOT NULL AS restored
        SET x.periods = CASE WHEN restored THEN x.periods + $nowMillis ELSE x.periods END, x.supersededAt = null,
            x.key = c.key, x.text = c.text, x.relation = c.relation, x.polarity = c.polarity,
            x.modality = c.modality, x.confidence = c.confidence
        MERGE (a)-[:MAKES]->(x)
        RETURN count(CASE WHEN restored THEN 1 END) AS restored
      }
      RETURN superseded, restored`,
    params: (input, now) => ({
      uid: input.article.uid,
      claims: input.claims,
      claimUids: input.claims.map((c) => c.uid),
      now,
      nowMillis: Date.parse(now),
    }),
  },
  {
    name: "claimLinks",
    query: `UNWIND $claims AS c
      MATCH (x:Claim { id: c.uid })
      WITH x, c.links AS links
      ${reconcileLinks("x", CLAIM_LINK_TYPES, "links")}`,
    params: (input, now) => ({
      claims: input.claims.map((claim) => ({
        uid: claim.uid,
        links: input.claimLinks.filter((link) => link.from === claim.uid).map((link) => versionedLink(link.role, link.label, link.key)),
      })),
      now,
    }),
  },
];

import type { WriteTransaction } from "../../../db/cypher.js";
import { lookupNode } from "../../../graph/labels.js";
import type { FieldRef, NormalizedArticle } from "./normalized.js";

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

interface Statement {
  readonly name: string;
  readonly query: string;
  readonly params: (input: NormalizedArticle, now: string) => Record<string, unknown>;
}

/** Statements of one ingest, in dependency order; each is one batched UNWIND/MERGE. */
const STATEMENTS: readonly Statement[] = [
  {
    name: "sources",
    query: `UNWIND $sources AS s
      MERGE (x:Source { domain: s.domain })
      ON CREATE SET x.name = s.name, x.kind = s.kind
      ON MATCH SET x.name = CASE WHEN x.name = x.domain THEN s.name ELSE x.name END, x.kind = coalesce(x.kind, s.kind)`,
    params: (input) => ({ sources: input.sources }),
  },
  {
    name: "article",
    query: `MERGE (a:Article { url: $article.url })
      ON CREATE SET a.id = $article.uid
      WITH a, a.contentHash AS previousHash
      SET a.title = $article.title, a.summary = $article.summary, a.body = $article.body,
          a.publishedAt = datetime($article.publishedAt), a.author = $article.author,
          a.sentiment = $article.sentiment, a.score = $article.score, a.threatLevel = $article.threatLevel,
          a.riskLevel = $article.riskLevel, a.contentHash = $article.contentHash, a.ingestedAt = datetime($now)
      WITH a, previousHash
      MATCH (s:Source { domain: $article.sourceDomain })
      MERGE (a)-[:PUBLISHED_BY]->(s)
      WITH a, s, previousHash
      // The article's own ingest decides its one publisher, over whatever a citation said.
      CALL (a, s) { MATCH (a)-[other:PUBLISHED_BY]->(x) WHERE x <> s DELETE other }
      WITH a, previousHash
      // A changed article replaces its claims: the old ones stay, marked superseded.
      OPTIONAL MATCH (a)-[:MAKES]->(old:Claim)
      WHERE old.supersededAt IS NULL AND NOT old.id IN $claimUids
      WITH previousHash, collect(old) AS replaced
      FOREACH (old IN replaced | SET old.supersededAt = datetime($now))
      RETURN previousHash, size(replaced) AS superseded`,
    params: (input, now) => ({ article: input.article, claimUids: input.claims.map((c) => c.uid), now }),
  },
  {
    name: "cites",
    query: `MATCH (a:Article { id: $uid })
      UNWIND $cites AS c
      MERGE (x:Article { url: c.url })
      ON CREATE SET x.id = c.uid, x.title = c.title, x.summary = c.summary, x.publishedAt = datetime(c.publishedAt)
      MERGE (a)-[:CITES]->(x)
      WITH x, c
      // A citation names the publisher only of an article the graph has none for yet.
      WHERE NOT EXISTS { (x)-[:PUBLISHED_BY]->() }
      MATCH (s:Source { domain: c.sourceDomain })
      MERGE (x)-[:PUBLISHED_BY]->(s)`,
    params: (input) => ({ uid: input.article.uid, cites: input.cites }),
  },
  {
    name: "mentions",
    query: `MATCH (a:Article { id: $uid })
      CALL (a) { UNWIND $tags AS name MERGE (t:Tag { name: name }) MERGE (a)-[:TAGGED]->(t) }
      CALL (a) {
        UNWIND $assets AS row
        MERGE (x:Asset { symbol: row.symbol }) ON CREATE SET x.name = row.name, x.assetClass = row.assetClass
        MERGE (a)-[:MENTIONS]->(x)
      }
      CALL (a) {
        UNWIND $entities AS row
        MERGE (x:Entity { key: row.key }) ON CREATE SET x.name = row.name, x.kind = row.kind
        MERGE (a)-[:MENTIONS]->(x)
      }
      CALL (a) {
        UNWIND $macroFactors AS row
        MERGE (x:MacroFactor { key: row.key })
        ON CREATE SET x.name = row.name, x.kind = row.kind, x.description = row.description
        MERGE (a)-[:MENTIONS]->(x)
      }
      CALL (a) {
        UNWIND $narratives AS row
        MERGE (x:Narrative { key: row.key }) ON CREATE SET x.name = row.name, x.description = row.description
        MERGE (a)-[:ADVANCES]->(x)
      }`,
    params: (input) => ({
      uid: input.article.uid,
      tags: input.tags,
      assets: input.assets,
      entities: input.entities,
      macroFactors: input.macroFactors,
      narratives: input.narratives,
    }),
  },
  {
    name: "events",
    query: `MATCH (a:Article { id: $uid })
      UNWIND $events AS e
      MERGE (x:Event { key: e.key })
      ON CREATE SET x.kind = e.kind, x.title = e.title, x.occurredAt = datetime(e.occurredAt),
                    x.endedAt = datetime(e.endedAt), x.amountUsd = e.amountUsd
      MERGE (a)-[r:REPORTS]->(x)
      SET r.amountUsd = e.amountUsd`,
    params: (input) => ({ uid: input.article.uid, events: input.events }),
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
    query: `MATCH (a:Article { id: $uid })
      UNWIND $moves AS m
      MATCH (asset:Asset { symbol: m.symbol })
      MERGE (x:PriceMove { key: m.key })
      ON CREATE SET x.startAt = datetime(m.startAt), x.endAt = datetime(m.endAt), x.open = m.open, x.high = m.high,
                    x.low = m.low, x.close = m.close, x.changePct = m.changePct, x.description = m.description
      MERGE (x)-[:OF]->(asset)
      MERGE (a)-[:REPORTS]->(x)`,
    params: (input) => ({ uid: input.article.uid, moves: input.priceMoves }),
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
    query: `MATCH (a:Article { id: $uid })
      CALL (a) {
        UNWIND $levels AS l
        MATCH (asset:Asset { symbol: l.symbol })
        MERGE (x:PriceLevel { key: l.key })
        SET x.price = l.price, x.kind = l.kind, x.note = l.note
        MERGE (a)-[:STATES]->(x)
        MERGE (x)-[:OF]->(asset)
      }
      CALL (a) {
        UNWIND $indicators AS r
        MATCH (asset:Asset { symbol: r.symbol })
        MERGE (x:Indicator { key: r.key })
        SET x.metric = r.metric, x.value = r.value, x.reading = r.reading, x.at = datetime(r.at)
        MERGE (a)-[:STATES]->(x)
        MERGE (x)-[:OF]->(asset)
      }`,
    params: (input) => ({ uid: input.article.uid, levels: input.levels, indicators: input.indicators }),
  },
  {
    name: "claims",
    query: `MATCH (a:Article { id: $uid })
      UNWIND $claims AS c
      MERGE (x:Claim { id: c.uid })
      ON CREATE SET x.key = c.key, x.text = c.text, x.relation = c.relation, x.polarity = c.polarity,
                    x.modality = c.modality, x.confidence = c.confidence, x.recordedAt = datetime($now)
      MERGE (a)-[:MAKES]->(x)`,
    params: (input, now) => ({ uid: input.article.uid, claims: input.claims, now }),
  },
  {
    name: "claimLinks",
    query: `UNWIND $links AS link
      MATCH (c:Claim { id: link.from })
      ${lookupNode("link")}
      FOREACH (_ IN CASE link.role WHEN 'CAUSE' THEN [1] ELSE [] END | MERGE (c)-[:CAUSE]->(node))
      FOREACH (_ IN CASE link.role WHEN 'EFFECT' THEN [1] ELSE [] END | MERGE (c)-[:EFFECT]->(node))
      FOREACH (_ IN CASE link.role WHEN 'IF' THEN [1] ELSE [] END | MERGE (c)-[:IF]->(node))
      FOREACH (_ IN CASE link.role WHEN 'ATTRIBUTED_TO' THEN [1] ELSE [] END | MERGE (c)-[:ATTRIBUTED_TO]->(node))
      FOREACH (_ IN CASE link.role WHEN 'SUPPORTED_BY' THEN [1] ELSE [] END | MERGE (c)-[:SUPPORTED_BY]->(node))
      FOREACH (_ IN CASE link.role WHEN 'ADVANCES' THEN [1] ELSE [] END | MERGE (c)-[:ADVANCES]->(node))`,
    params: (input) => ({ links: input.claimLinks }),
  },
];

export interface WriteOutcome {
  /** Content hash the article had before this write; null if it had never been ingested. */
  previousHash: string | null;
  claimsCreated: number;
  claimsSuperseded: number;
}

/** Writes the whole article; the caller's transaction makes it all-or-nothing. */
export async function writeArticle(tx: WriteTransaction, input: NormalizedArticle, now: string): Promise<WriteOutcome> {
  const outcome: WriteOutcome = { previousHash: null, claimsCreated: 0, claimsSuperseded: 0 };
  for (const statement of STATEMENTS) {
    const nodesBefore = tx.counters.nodesCreated;
    const rows = await tx.run(statement.query, statement.params(input, now));
    if (statement.name === "article") {
      outcome.previousHash = (rows[0]?.previousHash as string | null) ?? null;
      outcome.claimsSuperseded = Number(rows[0]?.superseded ?? 0);
    }
    // The claims statement creates claim nodes only.
    if (statement.name === "claims") outcome.claimsCreated = tx.counters.nodesCreated - nodesBefore;
  }
  return outcome;
}

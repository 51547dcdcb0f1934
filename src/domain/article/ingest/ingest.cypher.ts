import type { Params } from "../../../db/cypher-runner.js";
import { otherStancePair, pairKey } from "../../../cypher/claim-pair.js";
import { lookupNode, type LabelKey } from "../../../cypher/labels.js";
import { LEADS_TO_RELATIONS } from "../../../cypher/claims.js";
import { APPEND_TO_LEADS_TO, RECOMPUTE_FOR_ARTICLES } from "../../../cypher/leads-to.js";
import { sortAtOf } from "../../../cypher/sort-keys.js";
import type { ClaimRow, NormalizedArticle } from "./normalized.js";
import { articleLinks, ARTICLE_LINK_TYPES, byTargetLabel, CLAIM_LINK_TYPES, claimLinks, type OwnedLink } from "./versioned-links.js";
import { addAliases } from "../../../cypher/aliases.js";
import { STATED_FIELDS } from "./stated-fields.cypher.js";
import { retireLinks, writeLinks } from "./versioned-links.cypher.js";

/** The articles one transaction writes, each new or changed, and which of them the graph knew before. */
export interface WriteBatch {
  readonly articles: readonly NormalizedArticle[];
  /** Internal ids of the articles the graph already held (their links and claims may be retired). */
  readonly replacing: ReadonlySet<string>;
  readonly now: string;
  /** Leave an article alone when its content is among its versions already (bulk re-runs never rewind one). */
  readonly neverRewind?: boolean;
}

export interface Statement {
  readonly name: string;
  readonly query: string;
  /** The statement's parameters; null when the batch gives it nothing to do. */
  readonly params: (batch: WriteBatch) => Params | null;
}

/** The articles of the batch the graph held before (`replacing`), or those it did not. */
const those = (batch: WriteBatch, replacing: boolean) => batch.articles.filter((a) => batch.replacing.has(a.article.uid) === replacing);

/** Params, or null when every list in them is empty. */
function unlessEmpty(params: Record<string, unknown>): Params | null {
  const lists = Object.values(params).filter((v) => Array.isArray(v) || (v !== null && typeof v === "object"));
  const empty = lists.every((v) => (Array.isArray(v) ? v.length === 0 : Object.keys(v as object).length === 0));
  return empty ? null : params;
}

function ownedArticleLinks(articles: readonly NormalizedArticle[]): OwnedLink[] {
  return articles.flatMap((a) => articleLinks(a).map((link): OwnedLink => ({ ...link, owner: a.article.uid })));
}

function ownedClaimLinks(articles: readonly NormalizedArticle[]): OwnedLink[] {
  return articles.flatMap((a) => [...claimLinks(a)].flatMap(([uid, links]) => links.map((link): OwnedLink => ({ ...link, owner: uid }))));
}

/** The article's claims, each with its pair key and other-stance pair key (see claim-pair.ts) from its cause and effect links. */
function withPairs(article: NormalizedArticle): (ClaimRow & { pair: string | null; otherStancePair: string | null })[] {
  const ends = new Map<string, { cause?: LabelKey; effect?: LabelKey }>();
  for (const link of article.claimLinks) {
    if (link.role !== "CAUSE" && link.role !== "EFFECT") continue;
    const claim = ends.get(link.from) ?? {};
    claim[link.role === "CAUSE" ? "cause" : "effect"] = { label: link.label, key: link.key };
    ends.set(link.from, claim);
  }
  return article.claims.map((claim) => {
    const { cause, effect } = ends.get(claim.uid) ?? {};
    const pair = cause && effect ? pairKey(cause, effect) : null;
    return { ...claim, pair, otherStancePair: otherStancePair(claim, pair) };
  });
}

/** One item per node and name: the first of each writes the node, each adds its name to the node's aliases. */
const named = (key: string, name: string | null) => `${key}\u0000${name ?? ""}`;

/** Every item of every article's list, the first of each key kept (MERGE would keep the first writer's too). */
function allOf<T>(batch: WriteBatch, list: (article: NormalizedArticle) => readonly T[], key: (item: T) => string): T[] {
  const items = new Map<string, T>();
  for (const article of batch.articles) for (const item of list(article)) if (!items.has(key(item))) items.set(key(item), item);
  return [...items.values()];
}

/**
 * The article nodes and their version records. Each article is locked first, so concurrent
 * ingests of one URL take turns; then, only when its content differs from the stored version:
 * a version at least as recent as the current one by the outlet's updatedAt closes the current
 * ArticleVersion (the content it had copied into it) and opens the new one; an older version
 * is kept as history (a version record that was never current) and changes nothing else; with
 * $neverRewind (bulk ingest), content already among the article's versions changes nothing.
 * Each row's `outcome`: current (written as the current version), history, known, unchanged.
 */
export const ARTICLE_STATEMENT: Statement = {
  name: "article",
  query: `UNWIND $articles AS article
    OPTIONAL MATCH (known:Article { url: article.url })
    WITH article, known IS NOT NULL AS existed
    MERGE (a:Article { url: article.url })
    SET a.id = coalesce(a.id, article.uid), a.recordedAt = coalesce(a.recordedAt, datetime($now))
    WITH a, article, existed, a.contentHash AS previousHash,
         a { .title, .summary, .body, .publishedAt, .updatedAt, .author, .sentiment, .score, .threatLevel, .riskLevel } AS previous,
         a.contentHash IS NOT NULL AND datetime(article.updatedAt) < coalesce(a.updatedAt, a.publishedAt) AS older,
         EXISTS { (a)-[:HAS_VERSION]->(:ArticleVersion { contentHash: article.contentHash }) } AS recorded
    WITH a, article, existed, previousHash, previous, older, recorded,
         CASE
           WHEN previousHash = article.contentHash THEN 'unchanged'
           WHEN $neverRewind AND recorded THEN 'known'
           WHEN older THEN 'history'
           ELSE 'current'
         END AS outcome
    CALL (a, article, previous, outcome) {
      WITH a, article, previous WHERE outcome = 'current'
      CALL (a, previous) {
        MATCH (a)-[:HAS_VERSION]->(v:ArticleVersion) WHERE v.supersededAt IS NULL
        SET v += previous, v.supersededAt = datetime($now)
      }
      CREATE (a)-[:HAS_VERSION]->(:ArticleVersion { contentHash: article.contentHash, recordedAt: datetime($now) })
      SET a.title = article.title, a.summary = article.summary, a.body = article.body,
          a.publishedAt = datetime(article.publishedAt), a.sortAt = ${sortAtOf("datetime(article.publishedAt)")},
          a.updatedAt = datetime(article.updatedAt), a.author = article.author,
          a.sentiment = article.sentiment, a.score = article.score, a.threatLevel = article.threatLevel,
          a.riskLevel = article.riskLevel, a.contentHash = article.contentHash, a.ingestedAt = datetime($now)
    }
    CALL (a, article, outcome, recorded) {
      // An older version: history that was never current (an empty period), once per content.
      WITH a, article WHERE outcome = 'history' AND NOT recorded
      CREATE (a)-[:HAS_VERSION]->(:ArticleVersion {
        contentHash: article.contentHash, recordedAt: datetime($now), supersededAt: datetime($now),
        title: article.title, summary: article.summary, body: article.body, publishedAt: datetime(article.publishedAt),
        updatedAt: datetime(article.updatedAt), author: article.author, sentiment: article.sentiment, score: article.score,
        threatLevel: article.threatLevel, riskLevel: article.riskLevel })
    }
    RETURN article.uid AS uid, existed, previousHash, outcome`,
  params: (batch) => ({ articles: batch.articles.map((a) => a.article), now: batch.now, neverRewind: batch.neverRewind ?? false }),
};

/** After the article statement, in dependency order; each is one batched UNWIND/MERGE over the whole batch. */
export const CONTENT_STATEMENTS: readonly Statement[] = [
  {
    name: "sources",
    query: `UNWIND $sources AS s
      MERGE (x:Source { domain: s.domain })
      ON CREATE SET x.name = s.name, x.kind = s.kind
      ON MATCH SET x.name = CASE WHEN x.name = x.domain THEN s.name ELSE x.name END, x.kind = coalesce(x.kind, s.kind)`,
    params: (batch) =>
      unlessEmpty({
        sources: allOf(
          batch,
          (a) => a.sources,
          (s) => s.domain,
        ),
      }),
  },
  {
    name: "cites",
    query: `UNWIND $cites AS c
      MERGE (x:Article { url: c.url })
      ON CREATE SET x.id = c.uid, x.title = c.title, x.summary = c.summary, x.publishedAt = datetime(c.publishedAt),
                    x.sortAt = ${sortAtOf("datetime(c.publishedAt)")}, x.recordedAt = datetime($now)
      WITH x, c
      // A citation names the publisher only of an article the graph has none for yet.
      WHERE NOT EXISTS { (x)-[:PUBLISHED_BY]->() }
      MATCH (s:Source { domain: c.sourceDomain })
      MERGE (x)-[:PUBLISHED_BY]->(s)`,
    params: (batch) =>
      unlessEmpty({
        cites: allOf(
          batch,
          (a) => a.cites,
          (c) => c.url,
        ),
        now: batch.now,
      }),
  },
  {
    name: "things",
    // Every node keeps the keys and names it was given (its aliases, see cypher/aliases.ts).
    query: `CALL () { UNWIND $tags AS name MERGE (:Tag { name: name }) }
      CALL () {
        UNWIND $assets AS row
        MERGE (x:Asset { symbol: row.symbol }) ON CREATE SET x.name = row.name, x.assetClass = row.assetClass
        ${addAliases("x", "[row.symbol, row.name]")}
      }
      CALL () {
        UNWIND $entities AS row
        MERGE (x:Entity { key: row.key }) ON CREATE SET x.name = row.name, x.kind = row.kind
        ${addAliases("x", "[row.key, row.name]")}
      }
      CALL () {
        UNWIND $macroFactors AS row
        MERGE (x:MacroFactor { key: row.key })
        ON CREATE SET x.name = row.name, x.kind = row.kind, x.description = row.description
        ${addAliases("x", "[row.key, row.name]")}
      }
      CALL () {
        UNWIND $narratives AS row
        MERGE (x:Narrative { key: row.key }) ON CREATE SET x.name = row.name, x.description = row.description
        ${addAliases("x", "[row.key, row.name]")}
      }
      CALL () {
        UNWIND $events AS e
        MERGE (x:Event { key: e.key })
        ON CREATE SET x.kind = e.kind, x.title = e.title, x.occurredAt = datetime(e.occurredAt),
                      x.sortAt = datetime(e.occurredAt).epochMillis,
                      x.endedAt = datetime(e.endedAt), x.amountUsd = e.amountUsd
        ${addAliases("x", "[e.key, e.title]")}
      }`,
    params: (batch) =>
      unlessEmpty({
        tags: allOf(
          batch,
          (a) => a.tags,
          (t) => t,
        ),
        assets: allOf(
          batch,
          (a) => a.assets,
          (x) => named(x.symbol, x.name),
        ),
        entities: allOf(
          batch,
          (a) => a.entities,
          (x) => named(x.key, x.name),
        ),
        macroFactors: allOf(
          batch,
          (a) => a.macroFactors,
          (x) => named(x.key, x.name),
        ),
        narratives: allOf(
          batch,
          (a) => a.narratives,
          (x) => named(x.key, x.name),
        ),
        events: allOf(
          batch,
          (a) => a.events,
          (x) => named(x.key, x.title),
        ),
      }),
  },
  {
    name: "citedReports",
    query: `UNWIND $reports AS report
      MATCH (c:Article { id: report.citeUid }), (x:Event { key: report.event })
      MERGE (c)-[r:REPORTS]->(x)
      SET r.amountUsd = report.amountUsd`,
    params: (batch) => unlessEmpty({ reports: batch.articles.flatMap((a) => a.citedReports) }),
  },
  {
    name: "priceMoves",
    query: `UNWIND $moves AS m
      MATCH (asset:Asset { symbol: m.symbol })
      MERGE (x:PriceMove { key: m.key })
      ON CREATE SET x.startAt = datetime(m.startAt), x.sortAt = datetime(m.startAt).epochMillis, x.endAt = datetime(m.endAt), x.open = m.open, x.high = m.high,
                    x.low = m.low, x.close = m.close, x.changePct = m.changePct, x.description = m.description
      MERGE (x)-[:OF]->(asset)
      ${addAliases("x", "[m.key, m.description]")}`,
    params: (batch) =>
      unlessEmpty({
        moves: allOf(
          batch,
          (a) => a.priceMoves,
          (m) => named(m.key, m.description),
        ),
      }),
  },
  {
    name: "eventLinks",
    query: `UNWIND $links AS link
      MATCH (from:Event { key: link.from })
      ${lookupNode("link")}
      MERGE (from)-[:AFFECTS]->(node)`,
    params: (batch) =>
      unlessEmpty({
        links: allOf(
          batch,
          (a) => a.eventLinks,
          (l) => `${l.from}|${l.label}|${l.key}`,
        ),
      }),
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
    params: (batch) =>
      unlessEmpty({ levels: batch.articles.flatMap((a) => a.levels), indicators: batch.articles.flatMap((a) => a.indicators) }),
  },
  {
    name: "retireArticleLinks",
    query: retireLinks("Article", ARTICLE_LINK_TYPES),
    params: (batch) =>
      unlessEmpty({ retire: those(batch, true).map((a) => ({ uid: a.article.uid, links: articleLinks(a) })), now: batch.now }),
  },
  {
    name: "articleLinks",
    query: writeLinks("Article", "MERGE"),
    params: (batch) => unlessEmpty({ links: byTargetLabel(ownedArticleLinks(those(batch, true))), now: batch.now }),
  },
  {
    name: "newArticleLinks",
    query: writeLinks("Article", "CREATE"),
    params: (batch) => unlessEmpty({ links: byTargetLabel(ownedArticleLinks(those(batch, false))), now: batch.now }),
  },
  {
    // Keys the batch's articles gave for existing nodes (resolution LINK): aliases of those nodes from now on.
    name: "aliases",
    query: `UNWIND $aliases AS a
      ${lookupNode("a")}
      MERGE (al:Alias { ref: a.label + ':' + a.alias })
      MERGE (al)-[:ALIAS_OF]->(node)
      ${addAliases("node", "[a.alias]")}`,
    params: (batch) => unlessEmpty({ aliases: batch.articles.flatMap((a) => a.aliases ?? []) }),
  },
  {
    // Events and moves the batch reports, now or in a version it replaces, or gives cited figures for: their fields again.
    name: "statedFields",
    query: STATED_FIELDS,
    params: (batch) =>
      unlessEmpty({
        articleIds: batch.articles.map((a) => a.article.uid),
        citedEvents: [...new Set(batch.articles.flatMap((a) => a.citedReports.map((r) => r.event)))],
      }),
  },
  {
    name: "claims",
    query: `UNWIND $articles AS article
      MATCH (a:Article { id: article.uid })
      // Claims of the stored version that this one does not make are superseded: kept, no longer current.
      CALL (a, article) {
        OPTIONAL MATCH (a)-[:MAKES]->(old:Claim)
        WHERE old.supersededAt IS NULL AND NOT old.id IN article.claimUids
        SET old.supersededAt = datetime($now), old.periods = coalesce(old.periods, [old.recordedAt.epochMillis]) + $nowMillis
        RETURN count(old) AS superseded
      }
      // Claims it makes keep their node (id, retraction, history) and take this version's content;
      // one superseded before becomes current again.
      CALL (a, article) {
        UNWIND article.claims AS c
        OPTIONAL MATCH (known:Claim { id: c.uid })
        WITH a, c, known IS NULL AS created
        MERGE (x:Claim { id: c.uid })
        ON CREATE SET x.recordedAt = datetime($now), x.periods = [$nowMillis]
        WITH a, x, c, created, x.supersededAt IS NOT NULL AS restored
        SET x.periods = CASE WHEN restored THEN x.periods + $nowMillis ELSE x.periods END, x.supersededAt = null,
            x.key = c.key, x.text = c.text, x.relation = c.relation, x.polarity = c.polarity,
            x.modality = c.modality, x.confidence = c.confidence, x.pair = c.pair,
            x.otherStancePair = c.otherStancePair
        MERGE (a)-[:MAKES]->(x)
        RETURN count(CASE WHEN restored THEN 1 END) AS restored, count(CASE WHEN created THEN 1 END) AS created
      }
      // Every claim of the article, current or not, lists by the article's publication time.
      CALL (a) {
        MATCH (a)-[:MAKES]->(k:Claim) WHERE k.sortAt IS NULL OR k.sortAt <> a.sortAt
        SET k.sortAt = a.sortAt
      }
      RETURN article.uid AS uid, superseded, restored, created`,
    params: (batch) =>
      unlessEmpty({
        articles: those(batch, true).map((a) => ({ uid: a.article.uid, claims: withPairs(a), claimUids: a.claims.map((c) => c.uid) })),
        now: batch.now,
        nowMillis: Date.parse(batch.now),
      }),
  },
  {
    // An article the graph did not hold has no claims yet: they are all created.
    name: "newClaims",
    query: `UNWIND $articles AS article
      MATCH (a:Article { id: article.uid })
      CALL (a, article) {
        UNWIND article.claims AS c
        CREATE (a)-[:MAKES]->(:Claim {
          id: c.uid, key: c.key, text: c.text, relation: c.relation, polarity: c.polarity, modality: c.modality,
          confidence: c.confidence, recordedAt: datetime($now), periods: [$nowMillis], sortAt: a.sortAt, pair: c.pair,
          otherStancePair: c.otherStancePair
        })
        RETURN count(*) AS created
      }
      RETURN article.uid AS uid, 0 AS superseded, 0 AS restored, created`,
    params: (batch) =>
      unlessEmpty({
        articles: those(batch, false).map((a) => ({ uid: a.article.uid, claims: withPairs(a) })),
        now: batch.now,
        nowMillis: Date.parse(batch.now),
      }),
  },
  {
    name: "retireClaimLinks",
    query: retireLinks("Claim", CLAIM_LINK_TYPES),
    params: (batch) =>
      unlessEmpty({
        retire: those(batch, true).flatMap((a) => [...claimLinks(a)].map(([uid, links]) => ({ uid, links }))),
        now: batch.now,
      }),
  },
  {
    name: "claimLinks",
    query: writeLinks("Claim", "MERGE"),
    params: (batch) => unlessEmpty({ links: byTargetLabel(ownedClaimLinks(those(batch, true))), now: batch.now }),
  },
  {
    name: "newClaimLinks",
    query: writeLinks("Claim", "CREATE"),
    params: (batch) => unlessEmpty({ links: byTargetLabel(ownedClaimLinks(those(batch, false))), now: batch.now }),
  },
  {
    // Last: the derived LEADS_TO of every pair the batch's claims name, now or before.
    name: "leadsTo",
    query: RECOMPUTE_FOR_ARTICLES,
    params: (batch) => unlessEmpty({ articleIds: those(batch, true).map((a) => a.article.uid) }),
  },
  {
    // Claims of new articles only add to their pairs.
    name: "newLeadsTo",
    query: APPEND_TO_LEADS_TO,
    params: (batch) =>
      unlessEmpty({
        claims: those(batch, false).flatMap((a) =>
          a.claims
            .filter((c) => c.polarity === "ASSERTED" && (LEADS_TO_RELATIONS as readonly string[]).includes(c.relation))
            .map((c) => ({
              id: c.uid,
              confidence: c.confidence,
              domain: a.article.sourceDomain,
              conditional: c.modality === "CONDITIONAL",
              publishedAt: Date.parse(a.article.publishedAt),
            })),
        ),
      }),
  },
];

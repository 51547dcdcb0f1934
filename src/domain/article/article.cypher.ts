import type { NestedConnectionSpec } from "../../cypher/connection-loader.js";
import { claimVisibleAt } from "../../cypher/claims.js";
import { linkHeldAt, pastType } from "../../cypher/link-history.js";
import type { NeighbourSpec } from "../../cypher/neighbours.js";
import type { ListQuery } from "../../cypher/newest-first.js";
import { projectNode } from "../../cypher/projection.js";
import { byClaim, heldByClaim, VISIBILITY_OF_REQUEST } from "../claim/claim.cypher.js";
import type { ArticleCriteria } from "./article.criteria.js";

/**
 * The list query for the filters present: relationship filters become patterns (so the
 * planner may start from the named source, asset or tag, or walk the sortAt index), the rest
 * conditions; absent filters add nothing. Values stay parameters (`$c`).
 */
export function articleList(c: ArticleCriteria): ListQuery {
  const patterns = ["(item:Article)"];
  const where: string[] = [];
  if (c.source) patterns.push("(item)-[:PUBLISHED_BY]->(:Source { domain: $c.source })");
  if (c.asset) patterns.push("(item)-[:MENTIONS]->(:Asset { symbol: $c.asset })");
  if (c.tag) patterns.push("(item)-[:TAGGED]->(:Tag { name: $c.tag })");
  // The narrative filter also takes articles whose current claims advance it.
  if (c.narrative) {
    where.push(`(EXISTS { (item)-[:ADVANCES]->(:Narrative { key: $c.narrative }) }
         OR EXISTS { MATCH (item)-[:MAKES]->(k:Claim)-[:ADVANCES]->(:Narrative { key: $c.narrative }) WHERE ${claimVisibleAt("k")} })`);
  }
  if (c.sentiment) where.push("item.sentiment = $c.sentiment");
  if (c.from) where.push("item.sortAt >= datetime($c.from).epochMillis");
  if (c.to) where.push("item.sortAt <= datetime($c.to).epochMillis");
  if (c.ingested !== null) where.push(c.ingested ? "item.ingestedAt IS NOT NULL" : "item.ingestedAt IS NULL");
  return { match: patterns.join(", "), where };
}

/** What the graph held of article `$uid` at `$asOf`: whether it records versions at all, whether it was known then, and the version then current. */
export const VERSION_AT = `MATCH (a:Article { id: $uid })
     OPTIONAL MATCH (a)-[:HAS_VERSION]->(v:ArticleVersion)
     WHERE v.recordedAt.epochMillis <= datetime($asOf).epochMillis
       AND (v.supersededAt IS NULL OR v.supersededAt.epochMillis > datetime($asOf).epochMillis)
     RETURN EXISTS { (a)-[:HAS_VERSION]->() } AS versioned,
            coalesce(a.recordedAt.epochMillis <= datetime($asOf).epochMillis, true) AS known,
            ${projectNode("v")} AS version`;

/** An article's own lists: the versioned link each follows, the node type it reaches, and its order. */
export const ARTICLE_LISTS = {
  source: { type: "PUBLISHED_BY", target: "Source", orderBy: "n.domain" },
  cites: { type: "CITES", target: "Article", orderBy: "n.publishedAt DESC, n.url" },
  tags: { type: "TAGGED", target: "Tag", orderBy: "n.name" },
  assets: { type: "MENTIONS", target: "Asset", orderBy: "n.symbol" },
  entities: { type: "MENTIONS", target: "Entity", orderBy: "n.key" },
  macroFactors: { type: "MENTIONS", target: "MacroFactor", orderBy: "n.key" },
  narratives: { type: "ADVANCES", target: "Narrative", orderBy: "n.key" },
  events: { type: "REPORTS", target: "Event", orderBy: "n.occurredAt, n.key" },
  priceMoves: { type: "REPORTS", target: "PriceMove", orderBy: "n.startAt, n.key" },
  levels: { type: "STATES", target: "PriceLevel", orderBy: "n.price DESC, n.key" },
  indicators: { type: "STATES", target: "Indicator", orderBy: "n.metric, n.key" },
} as const;

type ArticleListSpec = (typeof ARTICLE_LISTS)[keyof typeof ARTICLE_LISTS];

/** An article list's current items. */
export const currentList = (list: ArticleListSpec): NeighbourSpec => ({
  parent: "Article",
  pattern: `(parent)-[:${list.type}]->(n:${list.target})`,
  orderBy: list.orderBy,
});

/** An article list's items of the version current at `options.asOf`, from current and PAST_ links. */
export const listAt = (list: ArticleListSpec): NeighbourSpec => ({
  parent: "Article",
  pattern: `(parent)-[r:${list.type}|${pastType(list.type)}]->(n:${list.target})`,
  where: linkHeldAt("r", "req.options.asOf"),
  orderBy: list.orderBy,
});

const byArticle = (pattern: string, orderBy: string, where?: string) => ({ parent: "Article" as const, pattern, orderBy, where });

export const CLAIMS_OF_ARTICLE: NeighbourSpec = byArticle(
  "(parent)-[:MAKES]->(n:Claim)",
  "n.key",
  claimVisibleAt("n", VISIBILITY_OF_REQUEST),
);
export const CITED_BY_OF_ARTICLE: NeighbourSpec = byArticle("(parent)<-[:CITES]-(n:Article)", "n.publishedAt DESC, n.url");
export const VERSIONS_OF_ARTICLE: NeighbourSpec = byArticle("(parent)-[:HAS_VERSION]->(n:ArticleVersion)", "n.recordedAt DESC");
export const SUPPORTED_BY_OF_CLAIM: NeighbourSpec = byClaim("(parent)-[:SUPPORTED_BY]->(n:Article)", "n.url");
export const SUPPORTED_BY_OF_CLAIM_AT: NeighbourSpec = heldByClaim("SUPPORTED_BY", "Article", "n.url");

/** The bodies of the articles `$uids`. */
export const ARTICLE_BODIES = "UNWIND $uids AS uid MATCH (a:Article { id: uid }) RETURN uid, a.body AS body";

/** Articles about a node: publishing it, mentioning, reporting or advancing it, or making claims about it. */
export const ARTICLES_ABOUT: NestedConnectionSpec = {
  parents: ["Source", "Asset", "Entity", "MacroFactor", "Event", "PriceMove", "Narrative"],
  items: `MATCH (item:Article)-[:PUBLISHED_BY|MENTIONS|REPORTS|ADVANCES]->(node) RETURN item
              UNION
              MATCH (item:Article)-[:MAKES]->(c:Claim)-[:CAUSE|EFFECT|IF|ADVANCES]->(node)
              WHERE ${claimVisibleAt("c", { asOf: "req.options.asOf" })}
              RETURN item`,
};

/** The articles reporting each event of `$keys`, with the amount each gives. */
export const REPORTS_OF_EVENT = `UNWIND $keys AS key
         MATCH (e:Event { key: key })<-[r:REPORTS]-(a:Article)
         WITH key, r, a ORDER BY a.publishedAt, a.url
         RETURN key, collect({ amountUsd: r.amountUsd, article: ${projectNode("a")} }) AS reports`;

/**
 * What the current versions of articles state about each event or price move of `$keys`
 * (label `$label`): each REPORTS link's statement and its article, most recently published first.
 */
export const STATEMENTS_OF = (label: "Event" | "PriceMove") => `UNWIND $keys AS key
         MATCH (n:${label} { key: key })<-[r:REPORTS]-(a:Article)
         WITH key, r, a ORDER BY a.publishedAt DESC, a.url
         RETURN key, collect({ statement: properties(r), article: ${projectNode("a")} }) AS statements`;

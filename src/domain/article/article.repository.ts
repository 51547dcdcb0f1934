import type { CypherRunner } from "../../db/cypher.js";
import { findNewestFirstPage } from "../../cypher/newest-first.js";
import { claimVisibleAt } from "../../cypher/claims.js";
import type { ConnectionShape } from "../../graphql/connection.js";
import type { PageRequest } from "../../graphql/pagination.js";
import { projectNode } from "../../cypher/projection.js";
import { toNodeOf, type NodeRow } from "../node/node.mapper.js";
import type { ArticleVersion } from "./article-version.type.js";
import type { Article } from "./article.type.js";

/** Filter values in canonical form (symbol upper-case, domain canonical, ...). */
export interface ArticleCriteria {
  asset: string | null;
  source: string | null;
  tag: string | null;
  narrative: string | null;
  sentiment: string | null;
  from: string | null;
  to: string | null;
  ingested: boolean | null;
}

/** Articles matching `$c`; the narrative filter also takes articles whose current claims advance it. */
const MATCH_ARTICLES = `MATCH (item:Article)
  WHERE ($c.source IS NULL OR EXISTS { (item)-[:PUBLISHED_BY]->(:Source { domain: $c.source }) })
    AND ($c.asset IS NULL OR EXISTS { (item)-[:MENTIONS]->(:Asset { symbol: $c.asset }) })
    AND ($c.tag IS NULL OR EXISTS { (item)-[:TAGGED]->(:Tag { name: $c.tag }) })
    AND ($c.narrative IS NULL
         OR EXISTS { (item)-[:ADVANCES]->(:Narrative { key: $c.narrative }) }
         OR EXISTS { MATCH (item)-[:MAKES]->(c:Claim)-[:ADVANCES]->(:Narrative { key: $c.narrative }) WHERE ${claimVisibleAt("c")} })
    AND ($c.sentiment IS NULL OR item.sentiment = $c.sentiment)
    AND ($c.from IS NULL OR item.publishedAt.epochMillis >= datetime($c.from).epochMillis)
    AND ($c.to IS NULL OR item.publishedAt.epochMillis <= datetime($c.to).epochMillis)
    AND ($c.ingested IS NULL OR (item.ingestedAt IS NOT NULL) = $c.ingested)`;

/** Articles newest first (by publication time, then id), one page and the total, in one query. */
export function findArticlesPage(cypher: CypherRunner, criteria: ArticleCriteria, page: PageRequest): Promise<ConnectionShape<Article>> {
  const asOf = new Date().toISOString();
  return findNewestFirstPage<Article>(cypher, { match: MATCH_ARTICLES, time: "item.publishedAt.epochMillis" }, { c: criteria, asOf }, page, toNodeOf<Article>);
}

/** What the graph held of an article at a time: whether it records versions at all, and the version then current. */
export async function findVersionAt(cypher: CypherRunner, uid: string, asOf: string): Promise<{ versioned: boolean; version: ArticleVersion | null }> {
  const [row] = await cypher.read<{ versioned: boolean; version: NodeRow | null }>(
    `MATCH (a:Article { id: $uid })
     OPTIONAL MATCH (a)-[:HAS_VERSION]->(v:ArticleVersion)
     WHERE v.recordedAt.epochMillis <= datetime($asOf).epochMillis
       AND (v.supersededAt IS NULL OR v.supersededAt.epochMillis > datetime($asOf).epochMillis)
     RETURN EXISTS { (a)-[:HAS_VERSION]->() } AS versioned, ${projectNode("v")} AS version`,
    { uid, asOf },
  );
  return { versioned: row?.versioned ?? false, version: row?.version ? toNodeOf<ArticleVersion>(row.version) : null };
}

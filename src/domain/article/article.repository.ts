import type { CypherRunner } from "../../db/cypher-runner.js";
import { findNewestFirstPage, type ListQuery } from "../../cypher/newest-first.js";
import { claimVisibleAt } from "../../cypher/claims.js";
import type { ConnectionShape } from "../../graphql/connection.js";
import type { PageRequest } from "../../graphql/pagination.js";
import { projectNode } from "../../cypher/projection.js";
import type { NodeRow } from "../../cypher/projection.js";
import { toArticle, toArticleVersion } from "./article.mapper.js";
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

/**
 * The list query for the filters present: relationship filters become patterns (so the
 * planner may start from the named source, asset or tag, or walk the sortAt index), the rest
 * conditions; absent filters add nothing. Values stay parameters (`$c`).
 */
function articleList(c: ArticleCriteria): ListQuery {
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

/** Articles newest first (by publication time, then id): one page, the total only if selected. */
export function findArticlesPage(cypher: CypherRunner, criteria: ArticleCriteria, page: PageRequest): Promise<ConnectionShape<Article>> {
  const asOf = new Date().toISOString();
  return findNewestFirstPage<Article>(cypher, articleList(criteria), { c: criteria, asOf }, page, toArticle);
}

/** What the graph held of an article at a time: whether it records versions at all, and the version then current. */
export async function findVersionAt(
  cypher: CypherRunner,
  uid: string,
  asOf: string,
): Promise<{ versioned: boolean; known: boolean; version: ArticleVersion | null }> {
  const [row] = await cypher.read<{ versioned: boolean; known: boolean; version: NodeRow | null }>(
    `MATCH (a:Article { id: $uid })
     OPTIONAL MATCH (a)-[:HAS_VERSION]->(v:ArticleVersion)
     WHERE v.recordedAt.epochMillis <= datetime($asOf).epochMillis
       AND (v.supersededAt IS NULL OR v.supersededAt.epochMillis > datetime($asOf).epochMillis)
     RETURN EXISTS { (a)-[:HAS_VERSION]->() } AS versioned,
            coalesce(a.recordedAt.epochMillis <= datetime($asOf).epochMillis, true) AS known,
            ${projectNode("v")} AS version`,
    { uid, asOf },
  );
  return { versioned: row?.versioned ?? false, known: row?.known ?? false, version: row?.version ? toArticleVersion(row.version) : null };
}

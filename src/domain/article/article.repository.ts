import type { CypherRunner } from "../../db/cypher-runner.js";
import { findNewestFirstPage } from "../../cypher/newest-first.js";
import type { ConnectionShape } from "../../graphql/connection.js";
import type { PageRequest } from "../../graphql/pagination.js";
import type { NodeRow } from "../../cypher/projection.js";
import { toArticle, toArticleVersion } from "./article.mapper.js";
import type { ArticleVersion } from "./article-version.type.js";
import type { Article } from "./article.type.js";
import { articleList, VERSION_AT } from "./article.cypher.js";
import type { ArticleCriteria } from "./article.criteria.js";

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
  const [row] = await cypher.read<{ versioned: boolean; known: boolean; version: NodeRow | null }>(VERSION_AT, { uid, asOf });
  return { versioned: row?.versioned ?? false, known: row?.known ?? false, version: row?.version ? toArticleVersion(row.version) : null };
}

import type { CypherRunner } from "../../db/cypher.js";
import { int } from "../../db/values.js";
import { projectNode } from "../../graph/projection.js";
import type { PageRequest } from "../../graphql/pagination.js";
import { toNodeOf, type NodeRow } from "../node/node.mapper.js";
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

const MATCH_ARTICLES = `MATCH (a:Article)
  WHERE ($c.source IS NULL OR EXISTS { (a)-[:PUBLISHED_BY]->(:Source { domain: $c.source }) })
    AND ($c.asset IS NULL OR EXISTS { (a)-[:MENTIONS]->(:Asset { symbol: $c.asset }) })
    AND ($c.tag IS NULL OR EXISTS { (a)-[:TAGGED]->(:Tag { name: $c.tag }) })
    AND ($c.narrative IS NULL
         OR EXISTS { (a)-[:ADVANCES]->(:Narrative { key: $c.narrative }) }
         OR EXISTS { (a)-[:MAKES]->(:Claim)-[:ADVANCES]->(:Narrative { key: $c.narrative }) })
    AND ($c.sentiment IS NULL OR a.sentiment = $c.sentiment)
    AND ($c.from IS NULL OR a.publishedAt.epochMillis >= datetime($c.from).epochMillis)
    AND ($c.to IS NULL OR a.publishedAt.epochMillis <= datetime($c.to).epochMillis)
    AND ($c.ingested IS NULL OR (a.ingestedAt IS NOT NULL) = $c.ingested)`;

/** Articles newest first (by publication time, then id), one page and the total, in one query. */
export async function findArticlesPage(
  cypher: CypherRunner,
  criteria: ArticleCriteria,
  page: PageRequest,
): Promise<{ items: { t: number; node: Article }[]; totalCount: number }> {
  const [t, id] = page.after ?? [null, null];
  const [row] = await cypher.read<{ totalCount: number; items: { t: number; node: NodeRow }[] }>(
    `CALL { ${MATCH_ARTICLES} RETURN count(a) AS totalCount }
     CALL {
       ${MATCH_ARTICLES}
       WITH a, a.publishedAt.epochMillis AS t
       WHERE $t IS NULL OR t < $t OR (t = $t AND a.id < $id)
       ORDER BY t DESC, a.id DESC
       LIMIT $limit
       RETURN collect({ t: t, node: ${projectNode("a")} }) AS items
     }
     RETURN totalCount, items`,
    { c: criteria, t, id, limit: int(page.first + 1) },
  );
  return {
    totalCount: row?.totalCount ?? 0,
    items: (row?.items ?? []).map((item) => ({ t: item.t, node: toNodeOf<Article>(item.node) })),
  };
}

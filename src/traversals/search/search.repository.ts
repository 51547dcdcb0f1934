import type { CypherRunner } from "../../db/cypher-runner.js";
import { int } from "../../db/values.js";
import { claimVisibleAt } from "../../cypher/claims.js";
import type { NodeRow } from "../../domain/node/node.mapper.js";
import { projectNode } from "../../cypher/projection.js";

/** A node the full-text indexes matched, with its Lucene score. */
export interface SearchRow {
  score: number;
  node: NodeRow;
}

// Each index answers at most $first hits, the most any one of them can contribute after the merge.
const SEARCH_ALL_INDEXES = `CALL () {
    CALL db.index.fulltext.queryNodes('article_text', $lucene, { limit: $first }) YIELD node, score
    RETURN node, score
    UNION ALL
    CALL db.index.fulltext.queryNodes('claim_text', $lucene) YIELD node, score
    WHERE ${claimVisibleAt("node")}
    WITH node, score ORDER BY score DESC LIMIT $first
    RETURN node, score
    UNION ALL
    CALL db.index.fulltext.queryNodes('named_things_v2', $lucene, { limit: $first }) YIELD node, score
    RETURN node, score
    UNION ALL
    CALL db.index.fulltext.queryNodes('event_text', $lucene, { limit: $first }) YIELD node, score
    RETURN node, score
  }
  WITH node, score ORDER BY score DESC, coalesce(node.id, node.key, node.symbol) LIMIT $first
  RETURN score, ${projectNode("node")} AS node, CASE WHEN node:Article THEN node.body END AS body`;

/**
 * Articles, current claims (neither superseded nor retracted at `asOf`), entities, macro
 * factors, narratives, assets and events matching a Lucene query, best first, in one query.
 * The Lucene text must already be escaped (see toSearchQuery).
 */
export async function searchIndexes(cypher: CypherRunner, query: { lucene: string; first: number; asOf: string }): Promise<SearchRow[]> {
  const rows = await cypher.read<{ score: number; node: NodeRow; body: string | null }>(SEARCH_ALL_INDEXES, {
    lucene: query.lucene,
    first: int(query.first),
    asOf: query.asOf,
  });
  // Lists leave article bodies out; a hit's snippet may come from one, so search brings them.
  return rows.map(({ score, node, body }) => ({ score, node: body === null ? node : { ...node, body } }));
}

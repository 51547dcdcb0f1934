import type { CypherRunner } from "../../db/cypher-runner.js";
import { int } from "../../db/values.js";
import type { NodeRow } from "../../domain/node/node.mapper.js";
import { SEARCH_ALL_INDEXES } from "./search.cypher.js";

/** A node the full-text indexes matched, with its Lucene score. */
export interface SearchRow {
  score: number;
  node: NodeRow;
}

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

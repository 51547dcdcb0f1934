import { claimVisibleAt } from "../../cypher/claims.js";
import { projectNode } from "../../cypher/projection.js";

/**
 * The nodes the full-text indexes match `$lucene`, best first, the first `$first` (current
 * claims at `$asOf` only), with article bodies. Each index answers at most $first hits, the
 * most any one of them can contribute after the merge.
 */
export const SEARCH_ALL_INDEXES = `CALL () {
    CALL db.index.fulltext.queryNodes('article_text', $lucene, { limit: $first }) YIELD node, score
    RETURN node, score
    UNION ALL
    CALL db.index.fulltext.queryNodes('claim_text', $lucene) YIELD node, score
    WHERE ${claimVisibleAt("node")}
    WITH node, score ORDER BY score DESC LIMIT $first
    RETURN node, score
    UNION ALL
    // A node merged into another is that other now (mergeNodes): not a hit of its own.
    CALL db.index.fulltext.queryNodes('named_things_v2', $lucene, { limit: $first }) YIELD node, score
    WHERE node.mergedInto IS NULL
    RETURN node, score
    UNION ALL
    CALL db.index.fulltext.queryNodes('event_text', $lucene, { limit: $first }) YIELD node, score
    WHERE node.mergedInto IS NULL
    RETURN node, score
  }
  WITH node, score ORDER BY score DESC, coalesce(node.id, node.key, node.symbol) LIMIT $first
  RETURN score, ${projectNode("node")} AS node, CASE WHEN node:Article THEN node.body END AS body`;

import { claimVisibleAt } from "../../cypher/claims.js";
import { projectNode, type NodeSelection } from "../../cypher/projection.js";

/**
 * The asset `$symbol` and its price moves overlapping `$window`, oldest first, each also as a
 * met node; only the move keyed `$move` when that is not null. A move overlaps a window when
 * they share more than an instant: one that ends where the window starts, or starts where it
 * ends, is another move's story (a window of one instant takes the moves spanning it).
 */
export const FIND_TARGETS = `OPTIONAL MATCH (asset:Asset { symbol: $symbol })
     CALL (asset) {
       OPTIONAL MATCH (move:PriceMove)-[:OF]->(asset)
       WHERE move.startAt.epochMillis <= $window.to AND move.endAt.epochMillis >= $window.from
         AND ($window.from = $window.to OR (move.startAt.epochMillis < $window.to AND move.endAt.epochMillis > $window.from))
         AND ($move IS NULL OR move.key = $move)
       WITH move ORDER BY move.startAt, move.key
       RETURN collect(move) AS moves
     }
     RETURN ${projectNode("asset")} AS asset,
            CASE WHEN asset IS NULL THEN null ELSE { id: elementId(asset), label: 'Asset', key: asset.symbol, time: null, end: null } END AS assetNode,
            [m IN moves | { row: ${projectNode("m")}, node: { id: elementId(m), label: 'PriceMove', key: m.key, time: m.startAt.epochMillis, end: m.endAt.epochMillis },
                            endsAt: m.endAt.epochMillis }] AS moves`;

/**
 * The denials aimed at the moves `$moves`, or made in the article window at anything else
 * explained (`$explained`); and the conditional claims of articles published in the window
 * that name the asset `$asset`, its events or its moves. `select`: what to read of each list's claims.
 */
export function denialsAndRisks(select: { readonly denied?: NodeSelection; readonly conditional?: NodeSelection }): string {
  return `CALL () {
       CALL () {
         UNWIND $moves AS id
         MATCH (move) WHERE elementId(move) = id
         MATCH (c:Claim)-[:EFFECT]->(move)
         RETURN c
         UNION
         // A claim's sortAt is its article's publication (see sort-keys.ts).
         MATCH (c:Claim) WHERE c.polarity = 'DENIED' AND c.sortAt >= $window.articlesFrom AND c.sortAt <= $window.articlesTo
         MATCH (c)-[:EFFECT]->(node) WHERE elementId(node) IN $explained
         RETURN c
       }
       WITH c WHERE c.polarity = 'DENIED' AND c.relation <> 'PREVENTS' AND ${claimVisibleAt("c")}
       WITH DISTINCT c ORDER BY c.confidence DESC, c.key
       RETURN collect(${projectNode("c", select.denied)}) AS denied
     }
     CALL () {
       MATCH (asset:Asset) WHERE elementId(asset) = $asset
       MATCH (c:Claim) WHERE c.modality = 'CONDITIONAL' AND c.sortAt >= $window.articlesFrom AND c.sortAt <= $window.articlesTo
       WITH asset, c WHERE c.polarity = 'ASSERTED' AND ${claimVisibleAt("c")}
         AND EXISTS { MATCH (c)-[:CAUSE|EFFECT|IF]->(n) WHERE n = asset OR EXISTS { (n)-[:AFFECTS|OF]->(asset) } }
       WITH DISTINCT c ORDER BY c.confidence DESC, c.key
       RETURN collect(${projectNode("c", select.conditional)}) AS conditional
     }
     RETURN denied, conditional`;
}

import type { CypherRunner } from "../../db/cypher-runner.js";
import { claimVisibleAt } from "../../cypher/claims.js";
import { projectNode, type NodeRow, type NodeSelection } from "../../cypher/projection.js";
import type { MetNode } from "../causal/hop.js";

/** The window to explain and the publication window of articles whose claims may explain the asset itself, in epoch ms. */
export interface ExplainWindow {
  readonly from: number;
  readonly to: number;
  readonly articlesFrom: number;
  readonly articlesTo: number;
}

/** What an explanation explains: the asset and its price moves overlapping the window. */
export type ExplainTargets = {
  readonly asset: NodeRow | null;
  readonly assetNode: MetNode | null;
  readonly moves: readonly { readonly row: NodeRow; readonly node: MetNode; readonly endsAt: number }[];
};

/** The asset and its price moves overlapping the window, oldest first, in one query. */
export async function findTargets(cypher: CypherRunner, symbol: string, window: ExplainWindow): Promise<ExplainTargets> {
  const [row] = await cypher.read<ExplainTargets>(
    `OPTIONAL MATCH (asset:Asset { symbol: $symbol })
     CALL (asset) {
       OPTIONAL MATCH (move:PriceMove)-[:OF]->(asset)
       WHERE move.startAt.epochMillis <= $window.to AND move.endAt.epochMillis >= $window.from
       WITH move ORDER BY move.startAt, move.key
       RETURN collect(move) AS moves
     }
     RETURN ${projectNode("asset")} AS asset,
            CASE WHEN asset IS NULL THEN null ELSE { id: elementId(asset), label: 'Asset', key: asset.symbol, time: null, end: null } END AS assetNode,
            [m IN moves | { row: ${projectNode("m")}, node: { id: elementId(m), label: 'PriceMove', key: m.key, time: m.startAt.epochMillis, end: m.endAt.epochMillis },
                            endsAt: m.endAt.epochMillis }] AS moves`,
    { symbol, window },
  );
  return row ?? { asset: null, assetNode: null, moves: [] };
}

/**
 * In one query: the denials aimed at the moves, or made in the article window at anything else
 * explained (the asset, the drivers and the nodes of their chains); and the conditional claims
 * of articles published in the window that name the asset, its events or its moves. Both start
 * from the moves and from the index of such claims by their article's publication, never from
 * every claim about a much-discussed node.
 */
export async function findDenialsAndRisks(
  cypher: CypherRunner,
  params: {
    explained: readonly string[];
    moves: readonly string[];
    asset: string | null;
    window: ExplainWindow;
    asOf: string;
    /** What to read of each list's claims (whole if absent). */
    select: { readonly denied?: NodeSelection; readonly conditional?: NodeSelection };
  },
): Promise<{ denied: NodeRow[]; conditional: NodeRow[] }> {
  const { select, ...values } = params;
  const [row] = await cypher.read<{ denied: NodeRow[]; conditional: NodeRow[] }>(
    `CALL () {
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
     RETURN denied, conditional`,
    values,
  );
  return row ?? { denied: [], conditional: [] };
}

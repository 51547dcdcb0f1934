import type { CypherRunner } from "../../db/cypher.js";
import { int } from "../../db/values.js";
import { claimVisibleAt } from "../../domain/claim/claim.cypher.js";
import type { NodeRow } from "../../domain/node/node.mapper.js";
import type { StepRow } from "../causal/causal-paths.js";
import { pathSteps } from "../causal/path-steps.cypher.js";
import { hopsPattern, SIMPLE_HOPS } from "../causal/traversable-claim.js";
import { projectNode } from "../projection.js";

const MAX_CANDIDATE_PATHS = 2_000;

export type ExplainRows = {
  asset: NodeRow | null;
  moves: NodeRow[];
  paths: StepRow[][];
  denied: NodeRow[];
  conditional: NodeRow[];
};

/**
 * In one query: the asset's moves in the window, every causal chain (up to `depth` hops)
 * ending at one of them or at the asset, the denials aimed at anything on those chains, and
 * the conditional claims naming the asset.
 */
export async function findExplanation(
  cypher: CypherRunner,
  params: { symbol: string; from: string; to: string; depth: number; asOf: string },
): Promise<ExplainRows> {
  const [row] = await cypher.read<ExplainRows>(
    `OPTIONAL MATCH (asset:Asset { symbol: $symbol })
     CALL (asset) {
       OPTIONAL MATCH (move:PriceMove)-[:OF]->(asset)
       WHERE move.startAt.epochMillis <= datetime($to).epochMillis AND move.endAt.epochMillis >= datetime($from).epochMillis
       WITH move ORDER BY move.startAt, move.key
       RETURN collect(move) AS moves
     }
     WITH asset, moves, CASE WHEN asset IS NULL THEN moves ELSE moves + [asset] END AS targets
     CALL (targets) {
       UNWIND targets AS target
       MATCH (start) ${hopsPattern(params.depth)} (target)
       ${SIMPLE_HOPS}
       WITH hops LIMIT $maxCandidates
       ${pathSteps()}
       RETURN collect(steps) AS paths, collect(hops) AS hopLists
     }
     WITH asset, moves, targets, paths,
          reduce(nodes = targets, hops IN hopLists | nodes + [n IN hops WHERE NOT n IN nodes]) AS explained
     CALL (explained) {
       UNWIND explained AS node
       MATCH (c:Claim)-[:EFFECT]->(node)
       WHERE c.polarity = 'DENIED' AND c.relation <> 'PREVENTS' AND ${claimVisibleAt("c")}
       WITH DISTINCT c ORDER BY c.confidence DESC, c.key
       RETURN collect(${projectNode("c")}) AS denied
     }
     CALL (asset) {
       MATCH (c:Claim)
       WHERE asset IS NOT NULL AND c.modality = 'CONDITIONAL' AND c.polarity = 'ASSERTED' AND ${claimVisibleAt("c")}
         AND EXISTS {
           MATCH (c)-[:CAUSE|EFFECT|IF]->(n)
           WHERE n = asset OR EXISTS { (n)-[:AFFECTS|OF]->(asset) }
         }
       WITH c ORDER BY c.confidence DESC, c.key
       RETURN collect(${projectNode("c")}) AS conditional
     }
     RETURN ${projectNode("asset")} AS asset, [m IN moves | ${projectNode("m")}] AS moves, paths, denied, conditional`,
    { ...params, minConfidence: 0, includeConditional: false, maxCandidates: int(MAX_CANDIDATE_PATHS) },
  );
  return row ?? { asset: null, moves: [], paths: [], denied: [], conditional: [] };
}

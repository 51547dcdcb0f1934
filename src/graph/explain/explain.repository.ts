import type { CypherRunner } from "../../db/cypher.js";
import { int } from "../../db/values.js";
import { claimVisibleAt } from "../../domain/claim/claim.cypher.js";
import type { NodeRow } from "../../domain/node/node.mapper.js";
import type { StepRow } from "../causal/causal-paths.js";
import { pathSteps } from "../causal/path-steps.cypher.js";
import { hopsPattern, SIMPLE_HOPS } from "../causal/traversable-claim.js";
import { projectNode } from "../../cypher/projection.js";

const MAX_CANDIDATE_PATHS = 2_000;

export type ExplainRows = {
  asset: NodeRow | null;
  moves: NodeRow[];
  paths: StepRow[][];
  denied: NodeRow[];
  conditional: NodeRow[];
};

/** The window to explain and the publication window of articles whose claims may reach the asset itself, in epoch milliseconds. */
export interface ExplainWindow {
  readonly from: number;
  readonly to: number;
  readonly articlesFrom: number;
  readonly articlesTo: number;
}

/** Cypher condition: node `x` is an event that occurred, or a price move that started, after `millis` (an undated event did not). */
const happenedAfter = (x: string, millis: string) =>
  `coalesce((${x}:Event AND ${x}.occurredAt.epochMillis > ${millis}) OR (${x}:PriceMove AND ${x}.startAt.epochMillis > ${millis}), false)`;

/** Cypher condition: claim `c` was made by an article published in the article window. */
const MADE_IN_ARTICLE_WINDOW = (c: string) =>
  `EXISTS { MATCH (maker:Article)-[:MAKES]->(${c}) WHERE maker.publishedAt.epochMillis >= $window.articlesFrom AND maker.publishedAt.epochMillis <= $window.articlesTo }`;

/** A hop condition: its cause did not happen after `endsAt`, and its claim meets `claimCondition`. */
const causeNotAfter = (endsAt: string, claimCondition = "true") => `NOT ${happenedAfter("x", endsAt)} AND ${claimCondition}`;

/**
 * In one query: the asset's price moves overlapping the window; the causal chains (up to
 * `depth` hops) that end at one of those moves, whatever their claims' dates, or at the asset
 * itself through claims made by articles published in the article window; no chain passes an
 * event or price move that happened after what it explains ended. Then the denials aimed at
 * the moves, or made in the article window at anything on those chains; and the conditional
 * claims made in the article window that name the asset, its events or its moves.
 */
export async function findExplanation(
  cypher: CypherRunner,
  params: { symbol: string; window: ExplainWindow; depth: number; asOf: string },
): Promise<ExplainRows> {
  const { depth } = params;
  const [row] = await cypher.read<ExplainRows>(
    `OPTIONAL MATCH (asset:Asset { symbol: $symbol })
     CALL (asset) {
       OPTIONAL MATCH (move:PriceMove)-[:OF]->(asset)
       WHERE move.startAt.epochMillis <= $window.to AND move.endAt.epochMillis >= $window.from
       WITH move ORDER BY move.startAt, move.key
       RETURN collect(move) AS moves
     }
     CALL (asset, moves) {
       CALL (asset, moves) {
         UNWIND moves AS target
         WITH target, target.endAt.epochMillis AS endsAt
         MATCH (start) ${hopsPattern(depth, causeNotAfter("endsAt"))} (target)
         ${SIMPLE_HOPS}
         RETURN hops, false AS windowed
         UNION
         WITH asset AS target WHERE target IS NOT NULL
         MATCH (start) ${hopsPattern(depth, causeNotAfter("$window.to", MADE_IN_ARTICLE_WINDOW("c")))} (target)
         ${SIMPLE_HOPS}
         RETURN hops, true AS windowed
       }
       WITH hops, windowed LIMIT $maxCandidates
       RETURN collect({ hops: hops, windowed: windowed }) AS candidates
     }
     CALL (candidates) {
       UNWIND candidates AS candidate
       WITH candidate.hops AS hops, candidate.windowed AS windowed
       ${pathSteps({ carry: ["windowed"], claimCondition: `(NOT windowed OR ${MADE_IN_ARTICLE_WINDOW("c")})` })}
       RETURN collect(steps) AS paths
     }
     WITH asset, moves, paths,
          reduce(nodes = moves + CASE WHEN asset IS NULL THEN [] ELSE [asset] END, candidate IN candidates |
                 nodes + [n IN candidate.hops WHERE NOT n IN nodes]) AS explained
     CALL (explained, moves) {
       UNWIND explained AS node
       MATCH (c:Claim)-[:EFFECT]->(node)
       WHERE c.polarity = 'DENIED' AND c.relation <> 'PREVENTS' AND ${claimVisibleAt("c")}
         AND (node IN moves OR ${MADE_IN_ARTICLE_WINDOW("c")})
       WITH DISTINCT c ORDER BY c.confidence DESC, c.key
       RETURN collect(${projectNode("c")}) AS denied
     }
     CALL (asset) {
       MATCH (c:Claim)
       WHERE asset IS NOT NULL AND c.modality = 'CONDITIONAL' AND c.polarity = 'ASSERTED' AND ${claimVisibleAt("c")}
         AND ${MADE_IN_ARTICLE_WINDOW("c")}
         AND EXISTS {
           MATCH (c)-[:CAUSE|EFFECT|IF]->(n)
           WHERE n = asset OR EXISTS { (n)-[:AFFECTS|OF]->(asset) }
         }
       WITH c ORDER BY c.confidence DESC, c.key
       RETURN collect(${projectNode("c")}) AS conditional
     }
     RETURN ${projectNode("asset")} AS asset, [m IN moves | ${projectNode("m")}] AS moves, paths, denied, conditional`,
    {
      symbol: params.symbol,
      window: params.window,
      asOf: params.asOf,
      minConfidence: 0,
      includeConditional: false,
      maxCandidates: int(MAX_CANDIDATE_PATHS),
    },
  );
  return row ?? { asset: null, moves: [], paths: [], denied: [], conditional: [] };
}

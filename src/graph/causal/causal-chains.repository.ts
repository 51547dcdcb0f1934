import type { CypherRunner } from "../../db/cypher.js";
import { int } from "../../db/values.js";
import { KEY_PROPERTY, type LabelKey } from "../../cypher/labels.js";
import { byStrength, toCausalPath, type StepRow } from "./causal-paths.js";
import type { CausalPath } from "./causal-path.types.js";
import { pathSteps } from "./path-steps.cypher.js";
import { hopsPattern, SIMPLE_HOPS } from "./traversable-claim.js";

/** Distinct node sequences examined per call, so a dense graph cannot make one request unbounded. */
const MAX_CANDIDATE_PATHS = 2_000;

export interface ChainQuery {
  from: LabelKey;
  to: LabelKey;
  maxDepth: number;
  minConfidence: number;
  asOf: string;
  includeConditional: boolean;
}

/**
 * Every simple path of traversable claims from `from` to `to`, in one Cypher query, ranked
 * best first. Also says whether each endpoint exists, so callers can tell "no path" from
 * "no such node".
 */
export async function findCausalChains(
  cypher: CypherRunner,
  query: ChainQuery,
): Promise<{ fromFound: boolean; toFound: boolean; paths: CausalPath[] }> {
  const [row] = await cypher.read<{ fromFound: boolean; toFound: boolean; paths: StepRow[][] }>(
    `OPTIONAL MATCH (start:${query.from.label} { ${KEY_PROPERTY[query.from.label]}: $from })
     OPTIONAL MATCH (end:${query.to.label} { ${KEY_PROPERTY[query.to.label]}: $to })
     CALL (start, end) {
       MATCH (start) ${hopsPattern(query.maxDepth)} (end)
       ${SIMPLE_HOPS}
       WITH hops LIMIT $maxCandidates
       ${pathSteps()}
       RETURN collect(steps) AS paths
     }
     RETURN start IS NOT NULL AS fromFound, end IS NOT NULL AS toFound, paths`,
    {
      from: query.from.key,
      to: query.to.key,
      minConfidence: query.minConfidence,
      includeConditional: query.includeConditional,
      asOf: query.asOf,
      maxCandidates: int(MAX_CANDIDATE_PATHS),
    },
  );
  return {
    fromFound: row?.fromFound ?? false,
    toFound: row?.toFound ?? false,
    paths: (row?.paths ?? []).map(toCausalPath).sort(byStrength),
  };
}

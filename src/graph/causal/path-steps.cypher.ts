import { projectNode } from "../../cypher/projection.js";
import { traversableClaim } from "./traversable-claim.js";

/**
 * Cypher that turns each row's `hops` (a node sequence) into `steps`: for every consecutive
 * pair, the traversable claims linking them (and meeting `claimCondition`, a condition on
 * `c` that may read the carried variables) with their confidence and publishing domain.
 * Rows keep any variables listed in `carry`.
 */
export function pathSteps(options: { carry?: readonly string[]; claimCondition?: string } = {}): string {
  const kept = ["hops", ...(options.carry ?? [])].join(", ");
  return `UNWIND range(0, size(hops) - 2) AS i
    WITH ${kept}, i, hops[i] AS a, hops[i + 1] AS b
    CALL (${kept}, a, b) {
      MATCH (a)<-[:CAUSE]-(c:Claim)-[:EFFECT]->(b)
      WHERE ${traversableClaim("c")} AND ${options.claimCondition ?? "true"}
      MATCH (article:Article)-[:MAKES]->(c)
      OPTIONAL MATCH (article)-[:PUBLISHED_BY]->(s:Source)
      WITH c, s ORDER BY c.confidence DESC, c.id
      RETURN collect({ claim: ${projectNode("c")}, domain: s.domain }) AS claims
    }
    WITH ${kept}, i, a, b, claims ORDER BY i
    WITH ${kept}, collect({ from: ${projectNode("a")}, to: ${projectNode("b")}, claims: claims }) AS steps`;
}

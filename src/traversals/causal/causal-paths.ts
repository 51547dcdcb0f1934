import type { MetNode } from "./hop.js";
import type { FoundPath } from "./path-search.js";
import { CausalPath, CausalStep } from "./causal-path.type.js";

/**
 * A found path as its GraphQL type; `nodes` names the path's nodes by label and key. `asOf`:
 * the question's time when asked at an earlier one, so the steps' claims show the links held then.
 */
export function toCausalPath(path: FoundPath, nodes: ReadonlyMap<string, MetNode>, asOf: string | null = null): CausalPath {
  const refOf = (id: string) => {
    const node = nodes.get(id);
    if (!node) throw new Error(`a path passes a node the search did not meet (${id})`);
    return { label: node.label, key: node.key };
  };
  const steps = path.hops.map((hop) =>
    Object.assign(new CausalStep(), {
      fromRef: refOf(hop.from),
      toRef: refOf(hop.to),
      claimIds: hop.claims.map((c) => c.id),
      confidence: hop.confidence,
      independentSourceCount: hop.sources,
      asOf,
    }),
  );
  return Object.assign(new CausalPath(), {
    steps,
    length: steps.length,
    // Rounded so products like 0.8 × 0.8 read as 0.64, not 0.6400000000000001.
    confidence: Math.round(path.confidence * 1e6) / 1e6,
    independentSourceCount: path.independentSourceCount,
  });
}

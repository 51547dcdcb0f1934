import type { GraphNode } from "../../domain/node/node.mapper.js";
import { byStrength } from "../causal/causal-paths.js";
import type { CausalPath } from "../causal/causal-path.types.js";
import type { Driver } from "./explanation.types.js";

/** A node's identity across query rows: its type and global id. */
export const nodeIdentity = (node: GraphNode) => `${node.constructor.name}:${"id" in node ? node.id : ""}`;

/**
 * How strongly one path supports its driver: its confidence (the product of its hops') times
 * 1 + 0.5 × (independent outlets − 1), both of this one path. Each further hop multiplies in
 * another confidence below 1, so a root cause scores below the proximate cause it acts
 * through unless its chain is better corroborated.
 */
export function pathScore(path: CausalPath): number {
  return Math.round(path.confidence * (1 + 0.5 * (path.independentSourceCount - 1)) * 1e6) / 1e6;
}

const byScore = (a: CausalPath, b: CausalPath) => pathScore(b) - pathScore(a) || byStrength(a, b);

/**
 * Groups chains by the node they start from and scores each such driver by its best-scoring
 * chain; its independentSourceCount is that same chain's. Chains through the same claims are
 * not independent evidence, so they are not summed; more chains only break ties. Nodes being
 * explained (the moves themselves, the asset) are not their own drivers.
 */
export function rankDrivers(paths: readonly CausalPath[], explained: ReadonlySet<string>): Driver[] {
  const byDriver = new Map<string, { node: GraphNode; paths: CausalPath[] }>();
  for (const path of paths) {
    const node = path.steps[0]!.from;
    const id = nodeIdentity(node);
    if (explained.has(id)) continue;
    const entry = byDriver.get(id) ?? { node, paths: [] };
    entry.paths.push(path);
    byDriver.set(id, entry);
  }
  return [...byDriver.values()]
    .map(({ node, paths: driverPaths }) => {
      const ranked = [...driverPaths].sort(byScore);
      const best = ranked[0]!;
      return { node, paths: ranked, score: pathScore(best), independentSourceCount: best.independentSourceCount };
    })
    .sort((a, b) => b.score - a.score || b.paths.length - a.paths.length || nodeIdentity(a.node).localeCompare(nodeIdentity(b.node)));
}

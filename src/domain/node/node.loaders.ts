import type { CypherRunner } from "../../db/cypher-runner.js";
import { nodeLoader } from "../../cypher/neighbours.js";
import { toGraphNode } from "./node.mapper.js";

/** The per-request loader of any node by `Label:key` (see shared/load.ts). */
export function createNodeLoaders(cypher: CypherRunner) {
  return { node: nodeLoader(cypher, toGraphNode) };
}

declare module "../../context.js" {
  interface Loaders extends ReturnType<typeof createNodeLoaders> {}
}

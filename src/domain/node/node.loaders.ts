import type { CypherRunner } from "../../db/cypher-runner.js";
import { nodeLoader } from "../../cypher/neighbours.js";
import DataLoader from "dataloader";
import { parseRefKey } from "../../cypher/labels.js";
import type { NodeRow } from "../../cypher/projection.js";
import { MERGED_INTO, MERGES_OF } from "./merge.cypher.js";
import { toNodeMerge } from "./node-merge.mapper.js";
import type { NodeMerge } from "./node-merge.type.js";
import { toGraphNode } from "./node.mapper.js";

/** The per-request loader of any node by `Label:key` (see shared/load.ts). */
export function createNodeLoaders(cypher: CypherRunner) {
  const byRef = <T>(query: string, decode: (row: Record<string, unknown>) => T, empty: T) =>
    new DataLoader<string, T>(async (refs) => {
      const rows = await cypher.read(query, { refs: refs.map((ref, index) => ({ ...parseRefKey(ref), index })) });
      const byIndex = new Map(rows.map((row) => [Number(row.index), decode(row)]));
      return refs.map((_, index) => byIndex.get(index) ?? empty);
    });
  return {
    node: nodeLoader(cypher, toGraphNode),
    /** A node's merges (as into or from), by `Label:key`, newest first. */
    mergesOfNode: byRef<NodeMerge[]>(MERGES_OF, (row) => (row.merges as NodeRow[]).map(toNodeMerge), []),
    /** The key of the node a node was merged into, by `Label:key`; null when it stands on its own. */
    mergedIntoOfNode: byRef<string | null>(MERGED_INTO, (row) => String(row.key), null),
  };
}

declare module "../../context.js" {
  interface Loaders extends ReturnType<typeof createNodeLoaders> {}
}

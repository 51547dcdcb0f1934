import type { Context } from "../../context.js";
import type { Label } from "../../cypher/labels.js";
import { refKey } from "../../cypher/labels.js";

/** Loads one node of a known label through the request's node loader (node/node.loaders.ts); null for no key or no node. */
export function loadNode<T extends object>(ctx: Context, label: Label, key: string | null | undefined): Promise<T | null> {
  if (!key) return Promise.resolve(null);
  return ctx.loaders.node.load(refKey(label, key)) as Promise<T | null>;
}

/** Merges followed at the most from a node to the one it now is. */
const MAX_MERGE_HOPS = 5;

/**
 * Loads a node as it stands now: when it was merged into another (mergeNodes), that one
 * (following later merges too). For lookups by a key a client gives: node(id:), asset, narrative.
 */
export async function loadCurrentNode<T extends object>(ctx: Context, label: Label, key: string | null | undefined): Promise<T | null> {
  let current = key;
  for (let hop = 0; current && hop < MAX_MERGE_HOPS; hop += 1) {
    const into = await ctx.loaders.mergedIntoOfNode.load(refKey(label, current));
    if (into === null) break;
    current = into;
  }
  return loadNode<T>(ctx, label, current);
}

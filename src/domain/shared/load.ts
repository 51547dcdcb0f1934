import type { Context } from "../../context.js";
import type { Label } from "../../cypher/labels.js";
import { refKey } from "../../cypher/labels.js";

/** Loads one node of a known label through the request's node loader (node/node.loaders.ts); null for no key or no node. */
export function loadNode<T extends object>(ctx: Context, label: Label, key: string | null | undefined): Promise<T | null> {
  if (!key) return Promise.resolve(null);
  return ctx.loaders.node.load(refKey(label, key)) as Promise<T | null>;
}

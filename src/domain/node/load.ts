import type { Context } from "../../context.js";
import type { Label } from "../../cypher/labels.js";
import { refKey } from "../../cypher/labels.js";
import type { GraphNode } from "./node.mapper.js";

/** Loads one node of a known label through the request's node loader. */
export function loadNode<T extends GraphNode>(ctx: Context, label: Label, key: string | null | undefined): Promise<T | null> {
  if (!key) return Promise.resolve(null);
  return ctx.loaders.node.load(refKey(label, key)) as Promise<T | null>;
}

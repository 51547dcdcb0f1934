import type { NodeRow } from "../../cypher/projection.js";
import { toGlobalId } from "../../graphql/global-id.js";
import { optionalText, text, type NodeMappers } from "../shared/row-values.js";
import { NodeMerge } from "./node-merge.type.js";

export const toNodeMerge = (r: NodeRow): NodeMerge =>
  Object.assign(new NodeMerge(), {
    id: toGlobalId("NodeMerge", text(r.id)),
    uid: text(r.id),
    label: text(r.label),
    intoKey: text(r.intoKey),
    fromKey: text(r.fromKey),
    reason: text(r.reason),
    mergedAt: text(r.mergedAt),
    by: optionalText(r.by),
    unmergedAt: optionalText(r.unmergedAt),
  });

export const NODE_MERGE_MAPPERS: NodeMappers<NodeMerge> = { NodeMerge: toNodeMerge };

import { Field, InputType, registerEnumType } from "type-graphql";
import type { Label } from "../../cypher/labels.js";

export enum NodeKind {
  ASSET = "ASSET",
  ENTITY = "ENTITY",
  MACRO_FACTOR = "MACRO_FACTOR",
  EVENT = "EVENT",
  PRICE_MOVE = "PRICE_MOVE",
  NARRATIVE = "NARRATIVE",
  SOURCE = "SOURCE",
}
registerEnumType(NodeKind, { name: "NodeKind", description: "The kind of node a NodeRef points at." });

/** The node label each kind of reference points at. */
export const LABEL_OF_KIND: Record<NodeKind, Label> = {
  [NodeKind.ASSET]: "Asset",
  [NodeKind.ENTITY]: "Entity",
  [NodeKind.MACRO_FACTOR]: "MacroFactor",
  [NodeKind.EVENT]: "Event",
  [NodeKind.PRICE_MOVE]: "PriceMove",
  [NodeKind.NARRATIVE]: "Narrative",
  [NodeKind.SOURCE]: "Source",
};

/** The kind of reference that points at each label that has one. */
export const KIND_OF_LABEL = Object.fromEntries(Object.entries(LABEL_OF_KIND).map(([kind, label]) => [label, kind])) as Record<
  Label,
  NodeKind
>;

/** Kinds a claim's cause, effect and conditions and an event's `affects` may be: the members of the CausalNode union. */
export const CAUSAL_NODE_KINDS: ReadonlySet<NodeKind> = new Set([
  NodeKind.ASSET,
  NodeKind.ENTITY,
  NodeKind.MACRO_FACTOR,
  NodeKind.EVENT,
  NodeKind.PRICE_MOVE,
  NodeKind.NARRATIVE,
]);

@InputType({ description: "A node by kind and natural key: ASSET -> symbol, SOURCE -> domain, anything else -> key." })
export class NodeRef {
  @Field(() => NodeKind)
  kind!: NodeKind;

  @Field()
  key!: string;
}

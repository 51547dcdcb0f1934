import { Field, InputType, registerEnumType } from "type-graphql";

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

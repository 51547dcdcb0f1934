import { Field, Float, ObjectType } from "type-graphql";
import { Node } from "../../graphql/node.interface.js";
import { NodeKind } from "../shared/node-ref.input.js";

@ObjectType({
  description:
    "An existing node that a new name may mean (entity resolution, see docs/resolution.md): its score, 0 to 1, " +
    "and the reasons behind it (name similarity, agreement of time, asset and amount).",
})
export class NodeCandidate {
  @Field(() => Node)
  node!: Node;

  @Field(() => Float, {
    description:
      "0..1: 0.55 × name similarity + 0.15 each for time, asset and amount agreement (0.5 when unknown), lowered " +
      "when they disagree. At or above RESOLVE_LINK_THRESHOLD, ingest with resolution LINK takes the new name for this node.",
  })
  score!: number;

  @Field(() => [String])
  reasons!: string[];
}

@ObjectType({ description: "A node an ingest created whose candidates score above the suggestion threshold (resolution SUGGEST)." })
export class PossibleDuplicate {
  @Field(() => NodeKind)
  kind!: NodeKind;

  @Field({ description: "The key the ingest created it under." })
  key!: string;

  @Field(() => [NodeCandidate], { description: "Existing nodes it may be, best first." })
  candidates!: NodeCandidate[];
}

@ObjectType({
  description: "A new key an ingest took for an existing node (resolution LINK): the key and its name are now that node's aliases.",
})
export class LinkedNode {
  @Field(() => NodeKind)
  kind!: NodeKind;

  @Field({ description: "The key the article gave." })
  key!: string;

  @Field(() => Node, { description: "The existing node it now names." })
  node!: Node;

  @Field(() => Float)
  score!: number;
}

import { Field, Float, Int, ObjectType } from "type-graphql";
import type { GraphNode } from "../../domain/node/node.mapper.js";
import { Claim } from "../../domain/claim/claim.type.js";
import { CausalNode } from "../../domain/node/causal-node.union.js";

@ObjectType({ description: "One hop of a causal path: claims asserting that `from` leads to `to`." })
export class CausalStep {
  @Field(() => Claim, { description: "The most confident claim for this hop." })
  claim!: Claim;

  @Field(() => CausalNode)
  from!: GraphNode;

  @Field(() => CausalNode)
  to!: GraphNode;

  @Field(() => [Claim], { description: "Every claim asserting this hop, most confident first." })
  claims!: Claim[];

  @Field(() => Float, { description: "Confidence of the most confident claim." })
  confidence!: number;

  @Field(() => Int, { description: "Distinct publishing domains among the hop's claims." })
  independentSourceCount!: number;
}

@ObjectType({ description: "A chain of asserted, non-retracted claims from a cause to an effect." })
export class CausalPath {
  @Field(() => [CausalStep])
  steps!: CausalStep[];

  @Field(() => Float, { description: "Product of the steps' confidences." })
  confidence!: number;

  @Field(() => Int, {
    description: "Independent publishing domains behind the path: the fewest behind any one step (a chain is as corroborated as its weakest hop).",
  })
  independentSourceCount!: number;

  @Field(() => Int, { description: "Number of hops." })
  length!: number;
}

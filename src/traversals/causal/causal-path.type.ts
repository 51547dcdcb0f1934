import { Field, Float, Int, ObjectType } from "type-graphql";
import type { LabelKey } from "../../cypher/labels.js";

@ObjectType({
  description: "One hop of a causal path: the claims asserting that `from` leads to `to`, however many outlets make " + "them.",
})
export class CausalStep {
  /** The hop's ends and claims by reference; CausalStepResolver loads them. */
  fromRef!: LabelKey;
  toRef!: LabelKey;
  /** Usable claims of the hop, most confident first. */
  claimIds!: readonly string[];
  /** The question's time when asked at an earlier one (ISO date-time): the claims show the links they held then. */
  asOf!: string | null;

  @Field(() => Float, { description: "Confidence of the hop's most confident claim (0..1)." })
  confidence!: number;

  @Field(() => Int, { description: "Distinct publishing domains among the hop's claims." })
  independentSourceCount!: number;
}

@ObjectType({ description: "A chain of asserted, current claims from a cause to an effect." })
export class CausalPath {
  @Field(() => [CausalStep])
  steps!: CausalStep[];

  @Field(() => Float, { description: "Product of the steps' confidences (0..1)." })
  confidence!: number;

  @Field(() => Int, {
    description:
      "Independent publishing domains behind the path: the fewest behind any one step (a chain is as " +
      "corroborated as its weakest hop).",
  })
  independentSourceCount!: number;

  @Field(() => Int, { description: "Number of hops." })
  length!: number;
}

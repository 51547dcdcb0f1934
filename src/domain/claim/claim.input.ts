import { Field, Float, InputType } from "type-graphql";
import { NodeRef } from "../shared/node-ref.input.js";
import { CausalRelation, Modality, Polarity } from "./claim.enums.js";

@InputType({ description: "A causal assertion the article makes: cause -relation-> effect, optionally under conditions." })
export class ClaimInput {
  @Field(() => String, { nullable: true, description: "Stable key within the article; derived from the claim if omitted." })
  key?: string | null;

  @Field({ description: "The verbatim span of the article that makes the claim." })
  text!: string;

  @Field(() => CausalRelation)
  relation!: CausalRelation;

  @Field(() => Polarity, { nullable: true, defaultValue: Polarity.ASSERTED })
  polarity?: Polarity | null;

  @Field(() => Modality, { nullable: true, defaultValue: Modality.FACT })
  modality?: Modality | null;

  @Field(() => Float, { nullable: true, defaultValue: 0.5, description: "0..1: how firmly the article asserts it." })
  confidence?: number | null;

  @Field(() => NodeRef)
  cause!: NodeRef;

  @Field(() => NodeRef)
  effect!: NodeRef;

  @Field(() => [NodeRef], { nullable: true, description: "For CONDITIONAL claims: what must hold first." })
  conditions?: NodeRef[] | null;

  @Field(() => [String], { nullable: true, description: "Domains of outlets the claim is attributed to inline." })
  attributedTo?: string[] | null;

  @Field(() => [String], { nullable: true, description: "URLs of cited articles that support the claim." })
  supportedBy?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Keys of narratives the claim advances." })
  narratives?: string[] | null;
}

import { Field, Float, InputType } from "type-graphql";
import { NodeRef } from "../shared/node-ref.input.js";
import { Modality, Polarity } from "./claim.enums.js";

@InputType({ description: "Narrows a list of claims; every given field must match." })
export class ClaimFilter {
  @Field(() => String, {
    nullable: true,
    description: "Symbol of an asset the claim is about (directly, or via an event or price move of it).",
  })
  asset?: string | null;

  @Field(() => NodeRef, { nullable: true })
  cause?: NodeRef | null;

  @Field(() => NodeRef, { nullable: true })
  effect?: NodeRef | null;

  @Field(() => Polarity, { nullable: true })
  polarity?: Polarity | null;

  @Field(() => Modality, { nullable: true })
  modality?: Modality | null;

  @Field(() => Float, { nullable: true })
  minConfidence?: number | null;

  @Field(() => String, {
    nullable: true,
    description: "Domain of an outlet that published the claim's article or that the claim is attributed to.",
  })
  source?: string | null;

  @Field(() => String, { nullable: true, description: "Key of a narrative the claim advances." })
  narrative?: string | null;

  @Field(() => Date, { nullable: true, description: "Claims of articles published at or after this time." })
  from?: string | null;

  @Field(() => Date, { nullable: true, description: "Claims of articles published at or before this time (not before from)." })
  to?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Include claims retracted by asOf (default false)." })
  includeRetracted?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Include claims superseded by a changed article by asOf (default false)." })
  includeSuperseded?: boolean | null;
}

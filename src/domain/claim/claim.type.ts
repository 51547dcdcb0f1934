import { Field, Float, ObjectType } from "type-graphql";
import { Connection } from "../../graphql/connection.js";
import { Node } from "../../graphql/node.interface.js";
import { CausalRelation, Modality, Polarity, RelationClass, relationClass } from "./claim.enums.js";

@ObjectType({ implements: Node, description: "A causal assertion an article makes, reified so it can be traced and audited." })
export class Claim extends Node {
  /** Internal stable id; the GraphQL id wraps it. */
  uid!: string;

  @Field({ description: "The claim's key within its article." })
  key!: string;

  @Field({ description: "The verbatim span of the article that makes the claim." })
  text!: string;

  @Field(() => CausalRelation)
  relation!: CausalRelation;

  @Field(() => RelationClass, {
    description: "Whether the relation leads to the effect, opposes it, or only says which came first (derived from relation).",
  })
  get relationClass(): RelationClass {
    return relationClass(this.relation);
  }

  @Field(() => Polarity)
  polarity!: Polarity;

  @Field(() => Modality)
  modality!: Modality;

  @Field(() => Float)
  confidence!: number;

  @Field(() => Date, { description: "When the graph learned of the claim." })
  recordedAt!: string;

  @Field(() => Date, { nullable: true, description: "When a changed version of its article replaced it." })
  supersededAt!: string | null;

  @Field(() => Date, { nullable: true })
  retractedAt!: string | null;

  @Field(() => String, { nullable: true })
  retractionReason!: string | null;

  articleUid!: string;

  /**
   * The cause and effect as the list that found the claim read them along (null: none), when
   * the query selected them; absent otherwise, and then loaded on their own.
   */
  related?: { readonly cause?: object | null; readonly effect?: object | null };

  /**
   * Set when a list asked `asOf` an earlier time found the claim (ISO date-time): its links
   * (cause, effect, conditions, attributions, support, narratives) are then those it held at
   * that time. Absent: the claim's current links.
   */
  asOf?: string;
}

/** The claim as a list read at `asOf` (null: now) shows it: with that time's links. */
export function claimAt(claim: Claim, asOf: string | null): Claim {
  return asOf === null ? claim : Object.assign(new Claim(), claim, { asOf, related: undefined });
}

@ObjectType()
export class ClaimConnection extends Connection(Claim, "Claim") {}

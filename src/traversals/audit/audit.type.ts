import { Field, Float, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { Article } from "../../domain/article/article.type.js";
import { Claim } from "../../domain/claim/claim.type.js";
import { Event } from "../../domain/event/event.type.js";

export enum AttributionStatus {
  CORROBORATED = "CORROBORATED",
  SINGLE_SOURCE = "SINGLE_SOURCE",
  UNCITED = "UNCITED",
  CONFLICTING = "CONFLICTING",
}
registerEnumType(AttributionStatus, {
  name: "AttributionStatus",
  description:
    "CONFLICTING: another current claim on the same cause and effect contradicts it (the opposite " +
    "polarity with the same relation class, or both asserted with opposite relation classes: leads to vs " +
    "PREVENTS; PRECEDES, order, meets only PRECEDES), or an event the claim names is reported with amounts that differ by more than 10%. " +
    "Otherwise CORROBORATED: at least two independent publishing domains make the same claim (same cause, " +
    "effect, polarity and relation class). " +
    "Otherwise SINGLE_SOURCE: one outlet makes it, but it names its authority (an inline attribution or a " +
    "cited article). Otherwise UNCITED.",
});

export enum ConflictKind {
  AMOUNT = "AMOUNT",
  POLARITY = "POLARITY",
  RELATION = "RELATION",
}
registerEnumType(ConflictKind, {
  name: "ConflictKind",
  description:
    "AMOUNT: an event the claim names is reported with amounts more than 10% apart. POLARITY: a claim " +
    "with the same cause, effect and relation class has the opposite polarity. RELATION: both claims are " +
    "asserted and one leads to the effect while the other PREVENTS it.",
});

@InputType({ description: "Which claims to audit; every given field must match. Only current claims are audited." })
export class AuditFilter {
  @Field(() => String, { nullable: true, description: "Claims made by this article (any form of its URL)." })
  articleUrl?: string | null;

  @Field(() => String, { nullable: true, description: "Claims published by or attributed to this outlet (domain)." })
  source?: string | null;

  @Field(() => String, { nullable: true, description: "Claims about this asset (directly, or via its events and price moves)." })
  asset?: string | null;

  @Field(() => AttributionStatus, { nullable: true })
  status?: AttributionStatus | null;
}

@ObjectType({ description: "Why a claim is CONFLICTING." })
export class AttributionConflict {
  @Field(() => ConflictKind)
  kind!: ConflictKind;

  @Field({ description: "The disagreement in words." })
  description!: string;

  @Field(() => Claim, { nullable: true, description: "POLARITY and RELATION: the claim saying the opposite." })
  claim!: Claim | null;

  @Field(() => Event, { nullable: true, description: "AMOUNT: the event whose figure is disputed." })
  event!: Event | null;

  /** AMOUNT: the article giving the other figure (the field resolver finds the opposing claim's otherwise). */
  article!: Article | null;

  @Field(() => Float, { nullable: true, description: "AMOUNT: the figure this claim's article gives." })
  amountUsd!: number | null;

  @Field(() => Float, { nullable: true, description: "AMOUNT: the figure the other article gives." })
  otherAmountUsd!: number | null;
}

@ObjectType({ description: "On whose authority a claim rests." })
export class ClaimAttribution {
  @Field(() => Claim)
  claim!: Claim;

  @Field(() => AttributionStatus)
  status!: AttributionStatus;

  @Field(() => Int, {
    description: "Distinct publishing domains making this claim (same cause, effect, polarity and relation class), its " + "own included.",
  })
  independentSourceCount!: number;

  @Field(() => [String], { description: "Those publishing domains." })
  independentDomains!: string[];

  @Field(() => [AttributionConflict])
  conflictsWith!: AttributionConflict[];
}

@ObjectType()
export class AttributionSummary {
  @Field(() => Int, { description: "Claims in scope (before the status filter)." })
  total!: number;

  @Field(() => Int)
  corroborated!: number;

  @Field(() => Int)
  singleSource!: number;

  @Field(() => Int)
  uncited!: number;

  @Field(() => Int)
  conflicting!: number;
}

@ObjectType({ description: "Attribution status of every claim in scope, single-source, uncited and conflicting ones included." })
export class AttributionReport {
  @Field(() => [ClaimAttribution])
  claims!: ClaimAttribution[];

  @Field(() => AttributionSummary)
  summary!: AttributionSummary;

  @Field({ description: "True when more claims matched than were returned (see `first`)." })
  truncated!: boolean;
}

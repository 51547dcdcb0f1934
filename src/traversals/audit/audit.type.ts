import { Field, Float, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { Article } from "../../domain/article/article.type.js";
import { Claim } from "../../domain/claim/claim.type.js";
import { Event } from "../../domain/event/event.type.js";
import { NodeRef } from "../../domain/shared/node-ref.input.js";

export enum AttributionStatus {
  CORROBORATED = "CORROBORATED",
  SINGLE_SOURCE = "SINGLE_SOURCE",
  UNCITED = "UNCITED",
  CONFLICTING = "CONFLICTING",
}
registerEnumType(AttributionStatus, {
  name: "AttributionStatus",
  description:
    "CONFLICTING: another outlet's current claim on the same cause and effect contradicts it (the opposite " +
    "polarity with the same relation class, or both asserted with opposite relation classes: leads to vs " +
    "PREVENTS; PRECEDES, order, meets only PRECEDES); an outlet contradicting itself is no conflict, and " +
    "amounts stated differently are disputed figures (figuresDisputed), not a conflict. " +
    "Otherwise CORROBORATED: at least two independent publishing domains make the same claim (same cause, " +
    "effect, polarity and relation class). " +
    "Otherwise SINGLE_SOURCE: one outlet makes it, but it names its authority (an inline attribution or a " +
    "cited article). Otherwise UNCITED.",
});

export enum ConflictKind {
  /** @public Deprecated in the schema and never given: differing amounts are figuresDisputed, not a conflict. */
  AMOUNT = "AMOUNT",
  POLARITY = "POLARITY",
  RELATION = "RELATION",
}
registerEnumType(ConflictKind, {
  name: "ConflictKind",
  valuesConfig: { AMOUNT: { deprecationReason: "Differing amounts are not a conflict: see ClaimAttribution.figuresDisputed." } },
  description:
    "AMOUNT: no longer given (amounts stated differently are figuresDisputed, beside the status). POLARITY: a claim " +
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

  @Field(() => NodeRef, { nullable: true, description: "Claims whose cause is this node (its own key, symbol for an asset)." })
  cause?: NodeRef | null;

  @Field(() => NodeRef, { nullable: true, description: "Claims whose effect is this node." })
  effect?: NodeRef | null;

  @Field(() => String, { nullable: true, description: "Key of an event the claim names as cause, effect or condition." })
  event?: string | null;

  @Field(() => String, { nullable: true, description: "Key of a narrative the claim advances." })
  narrative?: string | null;

  @Field(() => Date, { nullable: true, description: "Claims of articles published at or after this time." })
  from?: string | null;

  @Field(() => Date, { nullable: true, description: "Claims of articles published at or before this time (not before from)." })
  to?: string | null;
}

@ObjectType({ description: "Why a claim is CONFLICTING." })
export class AttributionConflict {
  @Field(() => ConflictKind)
  kind!: ConflictKind;

  @Field({ description: "The disagreement in words." })
  description!: string;

  @Field(() => Claim, { nullable: true, description: "POLARITY and RELATION: the claim saying the opposite." })
  claim!: Claim | null;

  @Field(() => Event, {
    nullable: true,
    description: "Always null (was AMOUNT's event).",
    deprecationReason: "Differing amounts are not a conflict: see ClaimAttribution.statedFigures.",
  })
  event!: Event | null;

  /** Unused since amounts are no conflict: the field resolver finds the opposing claim's article. */
  article!: Article | null;

  @Field(() => Float, {
    nullable: true,
    description: "Always null.",
    deprecationReason: "Differing amounts are not a conflict: see ClaimAttribution.statedFigures.",
  })
  amountUsd!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Always null.",
    deprecationReason: "Differing amounts are not a conflict: see ClaimAttribution.statedFigures.",
  })
  otherAmountUsd!: number | null;
}

@ObjectType({ description: "An amount one article's current version states for an event." })
export class StatedFigure {
  @Field(() => Event)
  event!: Event;

  @Field(() => Float, { description: "US dollars, as the article states it." })
  amountUsd!: number;

  @Field(() => Article, { description: "The article stating it (one ingested, or one cited with a figure)." })
  article!: Article;
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

  @Field(() => [AttributionConflict], {
    description: "Other outlets' current claims on the same cause and effect that contradict this one (POLARITY, RELATION).",
  })
  conflictsWith!: AttributionConflict[];

  @Field({
    description:
      "True when an event the claim names (cause, effect or condition) has current statements whose amounts differ by " +
      'more than 10% of the larger (docs/meaning.md, "Figures stated per article"); the status is as it would be otherwise.',
  })
  figuresDisputed!: boolean;

  @Field(() => [StatedFigure], {
    description: "When figuresDisputed: every current statement of an amount for those events, by event key, then amount.",
  })
  statedFigures!: StatedFigure[];
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

  @Field(() => Int, { description: "Claims in scope with disputed figures (any status)." })
  figuresDisputed!: number;
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

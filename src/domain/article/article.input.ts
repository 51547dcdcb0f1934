import { Resolution } from "../resolution/resolution.enums.js";
import { Field, InputType, Int } from "type-graphql";
import { AssetInput, IndicatorInput, PriceLevelInput, PriceMoveInput } from "../asset/asset.input.js";
import { ClaimInput } from "../claim/claim.input.js";
import { EntityInput } from "../entity/entity.input.js";
import { EventInput, EventReportInput } from "../event/event.input.js";
import { MacroFactorInput } from "../macro-factor/macro-factor.input.js";
import { NarrativeInput } from "../narrative/narrative.input.js";
import { SourceInput } from "../source/source.input.js";
import { Sentiment } from "./article.enums.js";

@InputType({ description: "An article the ingested one cites (its source list)." })
export class CitedArticleInput {
  @Field()
  url!: string;

  @Field()
  title!: string;

  @Field(() => Date)
  publishedAt!: string;

  @Field(() => SourceInput)
  source!: SourceInput;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => [EventReportInput], { nullable: true, description: "Events this cited article reports, with its figures." })
  reports?: EventReportInput[] | null;
}

@InputType({ description: "One article and everything it asserts; written in one transaction." })
export class IngestArticleInput {
  @Field(() => Resolution, {
    defaultValue: Resolution.SUGGEST,
    description: "What to do with each node this article would create that may be an existing one (see Resolution).",
  })
  resolution?: Resolution;

  @Field()
  url!: string;

  @Field()
  title!: string;

  @Field(() => Date)
  publishedAt!: string;

  @Field(() => Date, {
    nullable: true,
    description:
      "When the outlet last corrected this version (default: publishedAt; not before it). Versions are " +
      "ordered by it: the one with the latest updatedAt is current (ties: the one ingested last), and an " +
      "older one is kept as history without becoming current. Not part of the content: the same content " +
      "with another updatedAt is no new version.",
  })
  updatedAt?: string | null;

  @Field(() => SourceInput)
  source!: SourceInput;

  @Field(() => String, { nullable: true })
  author?: string | null;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => String, { nullable: true })
  body?: string | null;

  @Field(() => Sentiment, { nullable: true })
  sentiment?: Sentiment | null;

  @Field(() => Int, { nullable: true, description: "0..100" })
  score?: number | null;

  @Field(() => Int, { nullable: true, description: "1..5" })
  threatLevel?: number | null;

  @Field(() => String, { nullable: true, description: "e.g. LOW, MEDIUM, HIGH, EXTREME." })
  riskLevel?: string | null;

  @Field(() => [String], { nullable: true })
  tags?: string[] | null;

  @Field(() => [CitedArticleInput], { nullable: true })
  cites?: CitedArticleInput[] | null;

  @Field(() => [SourceInput], { nullable: true, description: "Outlets named in inline attributions, so they get proper names." })
  sources?: SourceInput[] | null;

  @Field(() => [AssetInput], { nullable: true })
  assets?: AssetInput[] | null;

  @Field(() => [EntityInput], { nullable: true })
  entities?: EntityInput[] | null;

  @Field(() => [MacroFactorInput], { nullable: true })
  macroFactors?: MacroFactorInput[] | null;

  @Field(() => [EventInput], { nullable: true })
  events?: EventInput[] | null;

  @Field(() => [PriceMoveInput], { nullable: true })
  priceMoves?: PriceMoveInput[] | null;

  @Field(() => [PriceLevelInput], { nullable: true })
  levels?: PriceLevelInput[] | null;

  @Field(() => [IndicatorInput], { nullable: true })
  indicators?: IndicatorInput[] | null;

  @Field(() => [NarrativeInput], { nullable: true })
  narratives?: NarrativeInput[] | null;

  @Field(() => [ClaimInput], { nullable: true })
  claims?: ClaimInput[] | null;
}

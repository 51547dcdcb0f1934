import { Field, Float, InputType } from "type-graphql";
import { AssetClass, LevelKind } from "./asset.enums.js";

@InputType({ description: "A tradable asset; matched by symbol (upper-cased), created if new." })
export class AssetInput {
  @Field({ description: "Ticker, e.g. BTC, SPX, XAU, MSTR." })
  symbol!: string;

  @Field()
  name!: string;

  @Field(() => AssetClass, { nullable: true })
  assetClass?: AssetClass | null;
}

@InputType({ description: "A price move of an asset over a window, as the article reports it." })
export class PriceMoveInput {
  @Field()
  key!: string;

  @Field({ description: "Symbol of the asset that moved." })
  asset!: string;

  @Field(() => Date)
  startAt!: string;

  @Field(() => Date)
  endAt!: string;

  @Field(() => Float, { nullable: true })
  open?: number | null;

  @Field(() => Float, { nullable: true })
  high?: number | null;

  @Field(() => Float, { nullable: true })
  low?: number | null;

  @Field(() => Float, { nullable: true })
  close?: number | null;

  @Field(() => String, { nullable: true, description: "The article's own words for the move." })
  description?: string | null;
}

@InputType({ description: "A price level the article states for an asset." })
export class PriceLevelInput {
  @Field()
  asset!: string;

  @Field(() => Float)
  price!: number;

  @Field(() => LevelKind)
  kind!: LevelKind;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType({ description: "An indicator reading the article states, e.g. RSI oversold but not extreme." })
export class IndicatorInput {
  @Field()
  asset!: string;

  @Field({ description: "What is measured, e.g. rsi, funding-rate, open-interest." })
  metric!: string;

  @Field(() => Float, { nullable: true, description: "Numeric value when the article gives one." })
  value?: number | null;

  @Field({ description: "Qualitative reading, e.g. 'oversold but not extreme'." })
  reading!: string;

  @Field(() => Date, { nullable: true })
  at?: string | null;
}

import { Field, Float, ObjectType } from "type-graphql";
import { Node } from "../../graphql/node.interface.js";
import { AssetClass, LevelKind } from "./asset.enums.js";

@ObjectType({ implements: Node, description: "A tradable asset: BTC, SPX, XAU, MSTR, ..." })
export class Asset extends Node {
  @Field()
  symbol!: string;

  @Field()
  name!: string;

  @Field(() => AssetClass, { nullable: true })
  assetClass!: AssetClass | null;

  @Field(() => [String], {
    description: "Every key and name it was given, its own first (see nodeCandidates): a reference to any of its keys resolves to it.",
  })
  aliases!: string[];
}

@ObjectType({ implements: Node, description: "How an asset's price moved over a window." })
export class PriceMove extends Node {
  @Field()
  key!: string;

  @Field(() => Date)
  startAt!: string;

  @Field(() => Date)
  endAt!: string;

  @Field(() => Float, { nullable: true })
  open!: number | null;

  @Field(() => Float, { nullable: true })
  high!: number | null;

  @Field(() => Float, { nullable: true })
  low!: number | null;

  @Field(() => Float, { nullable: true })
  close!: number | null;

  @Field(() => Float, { nullable: true, description: "Percent change from the first to the last known price of the window." })
  changePct!: number | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  /** Symbol of the asset, for the asset loader. */
  symbol!: string;

  @Field(() => [String], {
    description: "Every key and name it was given, its own first (see nodeCandidates): a reference to any of its keys resolves to it.",
  })
  aliases!: string[];
}

@ObjectType({ implements: Node, description: "A price level an article states for an asset." })
export class PriceLevel extends Node {
  key!: string;

  @Field(() => Float)
  price!: number;

  @Field(() => LevelKind)
  kind!: LevelKind;

  @Field(() => String, { nullable: true })
  note!: string | null;

  symbol!: string;
  articleUid!: string;
}

@ObjectType({ implements: Node, description: "An indicator reading an article states (RSI, funding, open interest, ...)." })
export class IndicatorReading extends Node {
  key!: string;

  @Field()
  metric!: string;

  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field()
  reading!: string;

  @Field(() => Date, { nullable: true })
  at!: string | null;

  symbol!: string;
  articleUid!: string;
}

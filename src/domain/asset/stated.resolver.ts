import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { loadNode } from "../shared/load.js";
import { Asset, IndicatorReading, PriceLevel } from "./asset.type.js";

/** A price level or indicator reading: what an article stated about an asset (its article: article/stated.resolver.ts). */
type Stated = PriceLevel | IndicatorReading;

const assetOf = (stated: Stated, ctx: Context) => loadNode<Asset>(ctx, "Asset", stated.symbol);

@Resolver(() => PriceLevel)
export class PriceLevelResolver {
  @FieldResolver(() => Asset)
  asset(@Root() level: PriceLevel, @Ctx() ctx: Context) {
    return assetOf(level, ctx);
  }
}

@Resolver(() => IndicatorReading)
export class IndicatorReadingResolver {
  @FieldResolver(() => Asset)
  asset(@Root() reading: IndicatorReading, @Ctx() ctx: Context) {
    return assetOf(reading, ctx);
  }
}

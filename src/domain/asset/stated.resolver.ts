import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { Article } from "../article/article.type.js";
import { loadNode } from "../node/load.js";
import { Asset, IndicatorReading, PriceLevel } from "./asset.type.js";

/** A price level or indicator reading: what an article stated about an asset. */
type Stated = PriceLevel | IndicatorReading;

const assetOf = (stated: Stated, ctx: Context) => loadNode<Asset>(ctx, "Asset", stated.symbol);
const articleOf = (stated: Stated, ctx: Context) => loadNode<Article>(ctx, "Article", stated.articleUid);

@Resolver(() => PriceLevel)
export class PriceLevelResolver {
  @FieldResolver(() => Asset)
  asset(@Root() level: PriceLevel, @Ctx() ctx: Context) {
    return assetOf(level, ctx);
  }

  @FieldResolver(() => Article, { description: "The article that states the level." })
  article(@Root() level: PriceLevel, @Ctx() ctx: Context) {
    return articleOf(level, ctx);
  }
}

@Resolver(() => IndicatorReading)
export class IndicatorReadingResolver {
  @FieldResolver(() => Asset)
  asset(@Root() reading: IndicatorReading, @Ctx() ctx: Context) {
    return assetOf(reading, ctx);
  }

  @FieldResolver(() => Article, { description: "The article that states the reading." })
  article(@Root() reading: IndicatorReading, @Ctx() ctx: Context) {
    return articleOf(reading, ctx);
  }
}

import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { IndicatorReading, PriceLevel } from "../asset/asset.type.js";
import { loadNode } from "../shared/load.js";
import { Article } from "./article.type.js";

const articleOf = (stated: PriceLevel | IndicatorReading, ctx: Context) => loadNode<Article>(ctx, "Article", stated.articleUid);

@Resolver(() => PriceLevel)
export class PriceLevelArticleResolver {
  @FieldResolver(() => Article, { description: "The article that states the level." })
  article(@Root() level: PriceLevel, @Ctx() ctx: Context) {
    return articleOf(level, ctx);
  }
}

@Resolver(() => IndicatorReading)
export class IndicatorReadingArticleResolver {
  @FieldResolver(() => Article, { description: "The article that states the reading." })
  article(@Root() reading: IndicatorReading, @Ctx() ctx: Context) {
    return articleOf(reading, ctx);
  }
}

import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { FieldReader } from "../../input/field-reader.js";
import { Problems } from "../../input/problems.js";
import { loadCurrentNode, loadNode } from "../shared/load.js";
import { Asset, IndicatorReading, PriceLevel, PriceMove } from "./asset.type.js";

@Resolver(() => Asset)
export class AssetResolver {
  @Query(() => Asset, { nullable: true, description: "An asset by symbol (case-insensitive)." })
  asset(@Arg("symbol") symbol: string, @Ctx() ctx: Context): Promise<Asset | null> {
    const problems = new Problems();
    const canonical = new FieldReader(problems).symbol(symbol, "symbol");
    problems.throwIfAny();
    return loadCurrentNode<Asset>(ctx, "Asset", canonical);
  }

  @FieldResolver(() => [PriceMove], { description: "Its price moves, oldest first." })
  priceMoves(@Root() asset: Asset, @Ctx() ctx: Context) {
    return ctx.loaders.priceMovesOfAsset.load(asset.symbol);
  }

  @FieldResolver(() => [PriceLevel], {
    description: "Price levels articles state for it now (not those a later version of their article dropped), highest " + "first.",
  })
  levels(@Root() asset: Asset, @Ctx() ctx: Context) {
    return ctx.loaders.levelsOfAsset.load(asset.symbol);
  }

  @FieldResolver(() => [IndicatorReading], {
    description: "Indicator readings articles state for it now (not those a later version of their article dropped).",
  })
  indicators(@Root() asset: Asset, @Ctx() ctx: Context) {
    return ctx.loaders.indicatorsOfAsset.load(asset.symbol);
  }
}

@Resolver(() => PriceMove)
export class PriceMoveResolver {
  @FieldResolver(() => Asset)
  asset(@Root() move: PriceMove, @Ctx() ctx: Context) {
    return loadNode<Asset>(ctx, "Asset", move.symbol);
  }
}

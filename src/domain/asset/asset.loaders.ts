import type { CypherRunner } from "../../db/cypher-runner.js";
import { neighboursLoader } from "../../cypher/neighbours.js";
import type { IndicatorReading, PriceLevel, PriceMove } from "./asset.type.js";
import { toIndicatorReading, toPriceLevel, toPriceMove } from "./asset.mapper.js";
import { INDICATORS_OF_ASSET, LEVELS_OF_ASSET, PRICE_MOVES_OF_ASSET } from "./asset.cypher.js";

/** Per-request loaders of an asset's lists, keyed by symbol. */
export function createAssetLoaders(cypher: CypherRunner) {
  return {
    priceMovesOfAsset: neighboursLoader<PriceMove>(cypher, PRICE_MOVES_OF_ASSET, toPriceMove),
    levelsOfAsset: neighboursLoader<PriceLevel>(cypher, LEVELS_OF_ASSET, toPriceLevel),
    indicatorsOfAsset: neighboursLoader<IndicatorReading>(cypher, INDICATORS_OF_ASSET, toIndicatorReading),
  };
}

declare module "../../context.js" {
  interface Loaders extends ReturnType<typeof createAssetLoaders> {}
}

import type { CypherRunner } from "../../db/cypher-runner.js";
import { neighboursLoader } from "../../cypher/neighbours.js";
import type { IndicatorReading, PriceLevel, PriceMove } from "./asset.type.js";
import { toIndicatorReading, toPriceLevel, toPriceMove } from "./asset.mapper.js";

const byAsset = (pattern: string, orderBy: string) => ({ parent: "Asset" as const, pattern, orderBy });

/** A level or reading that its article's current version states (one a later version dropped is history: its article's `asOf` reads show it). */
const STATED_NOW = "EXISTS { (:Article)-[:STATES]->(n) }";

/** Per-request loaders of an asset's lists, keyed by symbol. */
export function createAssetLoaders(cypher: CypherRunner) {
  return {
    priceMovesOfAsset: neighboursLoader<PriceMove>(cypher, byAsset("(parent)<-[:OF]-(n:PriceMove)", "n.startAt, n.key"), toPriceMove),
    levelsOfAsset: neighboursLoader<PriceLevel>(cypher, { ...byAsset("(parent)<-[:OF]-(n:PriceLevel)", "n.price DESC, n.key"), where: STATED_NOW }, toPriceLevel),
    indicatorsOfAsset: neighboursLoader<IndicatorReading>(cypher, { ...byAsset("(parent)<-[:OF]-(n:Indicator)", "n.at, n.key"), where: STATED_NOW }, toIndicatorReading),
  };
}

declare module "../../context.js" {
  interface Loaders extends ReturnType<typeof createAssetLoaders> {}
}

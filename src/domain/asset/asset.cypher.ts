import type { NeighbourSpec } from "../../cypher/neighbours.js";

const byAsset = (pattern: string, orderBy: string) => ({ parent: "Asset" as const, pattern, orderBy });

/** A level or reading that its article's current version states (one a later version dropped is history: its article's `asOf` reads show it). */
const STATED_NOW = "EXISTS { (:Article)-[:STATES]->(n) }";

/** An asset's lists, keyed by symbol. */
export const PRICE_MOVES_OF_ASSET: NeighbourSpec = byAsset("(parent)<-[:OF]-(n:PriceMove)", "n.startAt, n.key");
export const LEVELS_OF_ASSET: NeighbourSpec = { ...byAsset("(parent)<-[:OF]-(n:PriceLevel)", "n.price DESC, n.key"), where: STATED_NOW };
export const INDICATORS_OF_ASSET: NeighbourSpec = { ...byAsset("(parent)<-[:OF]-(n:Indicator)", "n.at, n.key"), where: STATED_NOW };

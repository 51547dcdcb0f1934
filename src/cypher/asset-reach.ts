import type { CypherRunner } from "../db/cypher-runner.js";

/**
 * How many claims, events and price moves name an asset directly, above which a list filtered
 * by the asset walks its `sortAt` index in order instead of starting from the asset: so much of
 * the graph is then about the asset that a page fills after a short walk, while gathering and
 * sorting everything about it would not be short. Below it, starting from the asset is cheaper.
 */
export const WALK_ABOVE_REACH = 2_000;

/** True when lists by this asset should walk the sort index (see WALK_ABOVE_REACH); read from Neo4j's degree counts, no traversal. */
export async function isHubAsset(cypher: CypherRunner, symbol: string): Promise<boolean> {
  const [row] = await cypher.read<{ reach: number }>(
    "MATCH (x:Asset { symbol: $symbol }) RETURN COUNT { (x)<-[:CAUSE|EFFECT|IF]-() } + COUNT { " + "(x)<-[:AFFECTS|OF]-() } AS reach",
    { symbol },
  );
  return (row?.reach ?? 0) > WALK_ABOVE_REACH;
}

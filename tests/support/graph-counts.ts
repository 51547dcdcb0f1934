import type { Driver } from "neo4j-driver";

/** Node and relationship totals of the whole database: "nothing was written" means these did not move. */
export async function graphCounts(driver: Driver): Promise<{ nodes: number; relationships: number }> {
  const { records } = await driver.executeQuery(
    "CALL { MATCH (n) RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships",
  );
  return { nodes: Number(records[0]!.get("nodes")), relationships: Number(records[0]!.get("relationships")) };
}

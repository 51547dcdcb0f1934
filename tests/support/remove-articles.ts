import type { Driver } from "neo4j-driver";
import { RECOMPUTE_FOR_ARTICLES } from "../../src/cypher/leads-to.js";

/**
 * Takes out the articles whose URL contains `tag`, with their claims, in one transaction, and
 * brings the derived LEADS_TO of every pair those claims named back in step with the claims
 * left (pairs between shared nodes such as BTC would otherwise keep ids of deleted claims).
 */
export async function removeArticles(driver: Driver, tag: string): Promise<void> {
  const session = driver.session();
  try {
    await session.executeWrite(async (tx) => {
      const { records } = await tx.run(
        `MATCH (a:Article) WHERE a.url CONTAINS $tag
         OPTIONAL MATCH (a)-[:MAKES]->(c:Claim)
         SET c.retractedAt = datetime()
         RETURN collect(DISTINCT a.id) AS ids`,
        { tag },
      );
      const articleIds = records[0]!.get("ids") as string[];
      await tx.run(RECOMPUTE_FOR_ARTICLES, { articleIds });
      await tx.run(
        `MATCH (a:Article) WHERE a.id IN $articleIds
         OPTIONAL MATCH (a)-[:MAKES]->(c:Claim)
         DETACH DELETE a, c`,
        { articleIds },
      );
    });
  } finally {
    await session.close();
  }
}

/**
 * Takes out the articles whose URL contains `tag` (removeArticles), and the events, moves,
 * factors, entities, narratives and aliases whose keys start with it, and the assets `symbols`:
 * what a corpus of that tag made. A later run's corpus names the same things under its own
 * tag, and would rightly link to nodes left behind.
 */
export async function removeCorpus(driver: Driver, tag: string, symbols: readonly string[]): Promise<void> {
  await removeArticles(driver, tag);
  await driver.executeQuery(
    `MATCH (n) WHERE (n:Event OR n:PriceMove OR n:MacroFactor OR n:Entity OR n:Narrative) AND n.key STARTS WITH $tag
        OR (n:Alias AND n.ref CONTAINS $tag) OR (n:Asset AND n.symbol IN $symbols)
     DETACH DELETE n`,
    { tag, symbols },
  );
}

import { expect } from "vitest";
import { CypherRunner } from "../../src/db/cypher.js";
import { bulkIngest } from "../../src/domain/article/ingest/bulk-ingest.js";
import { buildAppSchema } from "../../src/schema.js";
import { removeArticles } from "./remove-articles.js";
import type { TestServer } from "./server.js";

/**
 * Loads a generated graph of thousands of claims through bulk ingest (what `npm run ingest`
 * runs), far faster than one mutation per article; every article must be accepted.
 */
export async function loadArticles(server: TestServer, articles: readonly object[]): Promise<void> {
  async function* lines() {
    let line = 0;
    for (const article of articles) yield { line: ++line, text: JSON.stringify(article) };
  }
  const cypher = new CypherRunner(server.driver, { database: server.config.neo4j.database, timeoutMs: 120_000 });
  const counts = await bulkIngest(cypher, await buildAppSchema(), lines());
  expect(counts.rejected).toBe(0);
}

/**
 * Takes out such a graph: its articles and claims, then the macro factors, price moves and
 * sources keyed by `tag` and the asset `symbol` (other files list claims across the graph).
 */
export async function removeFactorGraph(server: TestServer, tag: string, symbol: string): Promise<void> {
  await removeArticles(server.driver, tag);
  await server.driver.executeQuery(
    `MATCH (n) WHERE (n:MacroFactor OR n:PriceMove) AND n.key STARTS WITH $tag OR (n:Asset AND n.symbol = $symbol) OR (n:Source AND n.domain STARTS WITH $tag)
     DETACH DELETE n`,
    { tag, symbol },
  );
}

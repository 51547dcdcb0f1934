import type { Driver } from "neo4j-driver";
import type { Logger } from "pino";

/** Uniqueness constraints: MERGE on these keys is what makes concurrent ingest safe. */
const UNIQUE_KEYS: ReadonlyArray<readonly [label: string, property: string]> = [
  ["Source", "domain"],
  ["Article", "url"],
  ["Article", "id"],
  ["Tag", "name"],
  ["Asset", "symbol"],
  ["Entity", "key"],
  ["MacroFactor", "key"],
  ["Event", "key"],
  ["PriceMove", "key"],
  ["PriceLevel", "key"],
  ["Indicator", "key"],
  ["Narrative", "key"],
  ["Claim", "id"],
];

/** Range indexes for the windows and filters the API queries by. */
const RANGE_INDEXES: ReadonlyArray<readonly [label: string, property: string]> = [
  ["Article", "publishedAt"],
  ["Event", "occurredAt"],
  ["PriceMove", "startAt"],
  ["Claim", "recordedAt"],
];

/** Full-text indexes behind `search`. */
const FULLTEXT_INDEXES: ReadonlyArray<readonly [name: string, labels: string, properties: readonly string[]]> = [
  ["article_text", "Article", ["title", "summary", "body"]],
  ["claim_text", "Claim", ["text"]],
  ["named_things_v2", "Entity|MacroFactor|Narrative|Asset", ["name", "description", "symbol"]],
  ["event_text", "Event", ["title"]],
];

/** Indexes an earlier version created and a newer one replaced (a full-text index cannot be altered). */
const RETIRED_INDEXES: readonly string[] = ["named_things"];

/** The schema statements, in order; each is idempotent (IF EXISTS / IF NOT EXISTS). */
export function migrationStatements(): string[] {
  const retired = RETIRED_INDEXES.map((name) => `DROP INDEX ${name} IF EXISTS`);
  const unique = UNIQUE_KEYS.map(
    ([label, property]) =>
      `CREATE CONSTRAINT ${label.toLowerCase()}_${property}_unique IF NOT EXISTS FOR (n:${label}) REQUIRE n.${property} IS UNIQUE`,
  );
  const range = RANGE_INDEXES.map(
    ([label, property]) =>
      `CREATE INDEX ${label.toLowerCase()}_${property.toLowerCase()} IF NOT EXISTS FOR (n:${label}) ON (n.${property})`,
  );
  const fulltext = FULLTEXT_INDEXES.map(
    ([name, labels, properties]) =>
      `CREATE FULLTEXT INDEX ${name} IF NOT EXISTS FOR (n:${labels}) ON EACH [${properties.map((p) => `n.${p}`).join(", ")}]`,
  );
  return [...retired, ...unique, ...range, ...fulltext];
}

/**
 * Data written by earlier versions, brought to today's model; each statement touches only
 * what still needs it, so running them again changes nothing.
 */
const DATA_MIGRATIONS: readonly string[] = [
  // Claims record the periods in which they were current (see claimVisibleAt).
  `MATCH (c:Claim) WHERE c.periods IS NULL
   CALL (c) {
     SET c.periods = [c.recordedAt.epochMillis] + CASE WHEN c.supersededAt IS NULL THEN [] ELSE [c.supersededAt.epochMillis] END
   } IN TRANSACTIONS OF 5000 ROWS`,
  // Ingested articles have a current version record.
  `MATCH (a:Article) WHERE a.contentHash IS NOT NULL AND NOT EXISTS { (a)-[:HAS_VERSION]->() }
   CALL (a) {
     CREATE (a)-[:HAS_VERSION]->(:ArticleVersion { contentHash: a.contentHash, recordedAt: a.ingestedAt })
   } IN TRANSACTIONS OF 5000 ROWS`,
];

/**
 * Applies constraints and indexes, then waits for them to come online. Safe to run on
 * every start and from several processes at once.
 */
export async function applyMigrations(driver: Driver, database: string | undefined, logger: Logger): Promise<void> {
  const started = Date.now();
  const session = driver.session({ database, defaultAccessMode: "WRITE" });
  try {
    for (const statement of migrationStatements()) {
      // Schema statements cannot share a transaction with each other's effects, so one each.
      await session.executeWrite((tx) => tx.run(statement));
    }
    await session.run("CALL db.awaitIndexes(300)");
    // Batched data migrations need auto-commit transactions.
    for (const statement of DATA_MIGRATIONS) await session.run(statement);
  } finally {
    await session.close();
  }
  logger.info({ durationMs: Date.now() - started }, "database constraints and indexes are in place");
}

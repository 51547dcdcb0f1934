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
  // A key other than a node's own that names it (see cypher/aliases.ts).
  ["Alias", "ref"],
];

/** Range indexes for the windows and filters the API queries by (several properties: a composite index). */
const RANGE_INDEXES: ReadonlyArray<readonly [label: string, ...properties: string[]]> = [
  ["Article", "publishedAt"],
  ["Event", "occurredAt"],
  ["PriceMove", "startAt"],
  ["Claim", "recordedAt"],
  // Newest-first lists order and page by these (see cypher/sort-keys.ts).
  ["Article", "sortAt"],
  ["Claim", "sortAt"],
  ["Event", "sortAt"],
  ["PriceMove", "sortAt"],
  // How far back a timeline window must read for what runs into it: the longest span (see cypher/sort-keys.ts).
  ["Event", "spanMs"],
  ["PriceMove", "spanMs"],
  // The claims about one (cause, effect) pair (see cypher/claim-pair.ts).
  ["Claim", "pair"],
  // Of those, the stances a pair's LEADS_TO does not hold (denials, PREVENTS): only they carry it.
  ["Claim", "otherStancePair"],
  // An explanation's denials and conditional risks: such claims made by articles of its window.
  ["Claim", "polarity", "sortAt"],
  ["Claim", "modality", "sortAt"],
];

/** Range indexes on relationship properties. */
const RELATIONSHIP_INDEXES: ReadonlyArray<readonly [type: string, property: string]> = [
  // The LEADS_TO of one (cause, effect) pair by its key, without expanding a hub's relationships (see cypher/leads-to.ts).
  ["LEADS_TO", "pair"],
  // Likewise its STRONG_LEADS_TO, so keeping it in step never expands a hub's.
  ["STRONG_LEADS_TO", "pair"],
];

/** Labels whose nodes keep aliases (cypher/aliases.ts) and can be candidates for a new name. */
export const ALIASED_LABELS = ["Event", "MacroFactor", "Entity", "Narrative", "PriceMove", "Asset"] as const;

/** The full-text index of one label's aliases (one per label, so the many nodes of one label cannot crowd out another's matches). */
export const aliasIndexOf = (label: string) => `${label.toLowerCase()}_aliases`;

/** Full-text indexes behind `search` and entity resolution. */
const FULLTEXT_INDEXES: ReadonlyArray<readonly [name: string, labels: string, properties: readonly string[]]> = [
  ["article_text", "Article", ["title", "summary", "body"]],
  ["claim_text", "Claim", ["text"]],
  ["named_things_v2", "Entity|MacroFactor|Narrative|Asset", ["name", "description", "symbol"]],
  ["event_text", "Event", ["title"]],
  // Every key and name a node was given: candidates for a new name (entity resolution).
  ...ALIASED_LABELS.map((label) => [aliasIndexOf(label), label, ["aliasText"]] as const),
];

/** Indexes an earlier version created and a newer one replaced (a full-text index cannot be altered). */
const RETIRED_INDEXES: readonly string[] = ["named_things", "node_aliases"];

/** The schema statements, in order; each is idempotent (IF EXISTS / IF NOT EXISTS). */
function migrationStatements(): string[] {
  const retired = RETIRED_INDEXES.map((name) => `DROP INDEX ${name} IF EXISTS`);
  const unique = UNIQUE_KEYS.map(
    ([label, property]) =>
      `CREATE CONSTRAINT ${label.toLowerCase()}_${property}_unique IF NOT EXISTS FOR (n:${label}) REQUIRE n.${property} IS UNIQUE`,
  );
  const range = RANGE_INDEXES.map(
    ([label, ...properties]) =>
      `CREATE INDEX ${[label, ...properties].join("_").toLowerCase()} IF NOT EXISTS FOR (n:${label}) ON (${properties.map((p) => `n.${p}`).join(", ")})`,
  );
  const relationships = RELATIONSHIP_INDEXES.map(
    ([type, property]) => `CREATE INDEX ${type.toLowerCase()}_${property} IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.${property})`,
  );
  const fulltext = FULLTEXT_INDEXES.map(
    ([name, labels, properties]) =>
      `CREATE FULLTEXT INDEX ${name} IF NOT EXISTS FOR (n:${labels}) ON EACH [${properties.map((p) => `n.${p}`).join(", ")}]`,
  );
  return [...retired, ...unique, ...range, ...relationships, ...fulltext];
}

/**
 * Applies constraints and indexes, waits for them to come online, then runs `dataMigrations`
 * (idempotent statements that bring older data to today's model, see cypher/data-migrations.ts). Safe to run on
 * every start and from several processes at once.
 */
export async function applyMigrations(
  driver: Driver,
  database: string | undefined,
  logger: Logger,
  dataMigrations: readonly string[] = [],
): Promise<void> {
  const started = Date.now();
  const session = driver.session({ database, defaultAccessMode: "WRITE" });
  try {
    for (const statement of migrationStatements()) {
      // Schema statements cannot share a transaction with each other's effects, so one each.
      await session.executeWrite((tx) => tx.run(statement));
    }
    await session.run("CALL db.awaitIndexes(300)");
    // Batched data migrations need auto-commit transactions, and on a large graph may run for
    // minutes: no time limit (each batch commits on its own; a rerun resumes where one stopped).
    for (const statement of dataMigrations) await session.run(statement, {}, { timeout: 0 });
  } finally {
    await session.close();
  }
  logger.info({ durationMs: Date.now() - started }, "database constraints and indexes are in place");
}

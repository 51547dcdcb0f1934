import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { loadConfig } from "../../src/config.js";
import { createDriver, waitForDatabase } from "../../src/db/driver.js";
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from "../../src/db/embedded.js";
import { DATA_MIGRATIONS } from "../../src/cypher/data-migrations.js";
import { applyMigrations } from "../../src/db/migrations.js";
import { createLogger } from "../../src/logger.js";
import { buildAppSchema } from "../../src/schema.js";
import { loadSeed } from "../../src/seed.js";
import { freePort } from "./ports.js";

declare module "vitest" {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}

/**
 * Starts one embedded Neo4j for the whole run (or uses NEO4J_URI when set), applies the
 * migrations once, loads the seed article, and hands the Bolt URI to every test file.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" });
  const logger = createLogger(config);
  let embedded: EmbeddedNeo4j | undefined;
  let dataDir: string | undefined;
  if (!config.neo4j.uri) {
    dataDir = mkdtempSync(path.join(tmpdir(), "mng-test-neo4j-"));
    embedded = await startEmbeddedNeo4j({ dataDir, boltPort: await freePort(), logger });
  }
  const uri = config.neo4j.uri ?? embedded!.uri;
  const driver = createDriver(config.neo4j, uri, logger);
  await waitForDatabase(driver, config.neo4j.database, 60_000);
  await applyMigrations(driver, config.neo4j.database, logger, DATA_MIGRATIONS);
  // Every run has the seed article, loaded through ingestArticle as on first start.
  await loadSeed({ schema: await buildAppSchema(), driver, config, logger }, { onlyIfEmpty: false });
  await driver.close();
  project.provide("neo4jUri", uri);

  return async () => {
    await embedded?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}

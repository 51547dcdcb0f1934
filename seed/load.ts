import "reflect-metadata";
import { loadConfig } from "../src/config.js";
import { createDriver, waitForDatabase } from "../src/db/driver.js";
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from "../src/db/embedded.js";
import { applyMigrations } from "../src/db/migrations.js";
import { createLogger } from "../src/logger.js";
import { buildAppSchema } from "../src/schema.js";
import { loadSeed } from "../src/seed.js";

/**
 * `npm run seed`: loads the seed article (again) into NEO4J_URI, or into the embedded
 * database when it is unset. Idempotent: an unchanged seed writes nothing.
 */
const config = loadConfig();
const logger = createLogger(config);
let embedded: EmbeddedNeo4j | undefined;
try {
  if (!config.neo4j.uri) {
    embedded = await startEmbeddedNeo4j({
      dataDir: config.neo4j.embedded.dataDir,
      boltPort: config.neo4j.embedded.boltPort,
      logger,
    });
  }
  const driver = createDriver(config.neo4j, config.neo4j.uri ?? embedded!.uri, logger);
  try {
    await waitForDatabase(driver, config.neo4j.database, 60_000);
    await applyMigrations(driver, config.neo4j.database, logger);
    const result = await loadSeed({ schema: await buildAppSchema(), driver, config, logger }, { onlyIfEmpty: false });
    logger.info(result.created ? "seed article created" : result.changed ? "seed article updated" : "seed article was already up to date");
  } finally {
    await driver.close();
  }
} catch (error) {
  logger.fatal({ err: error }, "seeding failed");
  process.exitCode = 1;
} finally {
  await embedded?.stop();
}

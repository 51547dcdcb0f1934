import "reflect-metadata";
import { loadConfig } from "../src/config.js";
import { openDatabase } from "../src/open-database.js";
import { createLogger } from "../src/logger.js";
import { buildAppSchema } from "../src/schema.js";
import { loadSeed } from "../src/seed.js";

/**
 * `npm run seed`: loads the seed article (again) into NEO4J_URI, or into the embedded
 * database (the one a running server started, or a new one) when it is unset.
 * Idempotent: an unchanged seed writes nothing.
 */
const config = loadConfig();
const logger = createLogger(config);
try {
  const database = await openDatabase(config, logger, { shareRunningEmbedded: true });
  try {
    const result = await loadSeed({ schema: await buildAppSchema(), driver: database.driver, config, logger }, { onlyIfEmpty: false });
    logger.info(result.created ? "seed article created" : result.changed ? "seed article updated" : "seed article was already up to date");
  } finally {
    await database.close();
  }
} catch (error) {
  logger.fatal({ err: error }, "seeding failed");
  process.exitCode = 1;
}

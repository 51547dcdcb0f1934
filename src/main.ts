import "reflect-metadata";
import { startService, type Service } from "./bootstrap.js";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { EmbeddedNeo4jError } from "./db/embedded.js";
import { createLogger } from "./logger.js";

/** Loads config or exits with a one-line reason: a bad value must never half-start the server. */
function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

const config = configOrExit();
const logger = createLogger(config);
let service: Service | undefined;
let stopping = false;

async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down: draining in-flight requests");
  let exitCode = 0;
  try {
    await service?.stop();
  } catch (error) {
    logger.error({ err: error }, "error while shutting down");
    exitCode = 1;
  }
  logger.info("stopped");
  process.exit(exitCode);
}

process.once("SIGTERM", () => void shutdown("SIGTERM"));
process.once("SIGINT", () => void shutdown("SIGINT"));

try {
  service = await startService(config, logger);
  logger.info({ url: service.url, neo4j: service.neo4jUri }, `GraphQL API ready at ${service.url}`);
} catch (error) {
  // Known start-up problems carry a message that says what to do; anything else gets its stack.
  if (error instanceof EmbeddedNeo4jError) logger.fatal(error.message);
  else logger.fatal({ err: error }, "could not start the server");
  process.exit(1);
}

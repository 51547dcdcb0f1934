import type { Driver } from "neo4j-driver";
import type { Logger } from "pino";
import type { Config } from "./config.js";
import { DATA_MIGRATIONS } from "./cypher/data-migrations.js";
import { createDriver, waitForDatabase } from "./db/driver.js";
import { portIsFree, startEmbeddedNeo4j, type EmbeddedNeo4j } from "./db/embedded.js";
import { applyMigrations } from "./db/migrations.js";

/** A connected, migrated database and how to let go of it. */
export interface Database {
  readonly driver: Driver;
  readonly uri: string;
  /** Closes the driver, then stops the embedded Neo4j if this process started it. */
  close(): Promise<void>;
}

/**
 * Connects to NEO4J_URI, or, when it is unset, to the embedded Neo4j: started here, or, with
 * `shareRunningEmbedded`, the one a running server already started on the same Bolt port.
 * Then applies constraints, indexes and data migrations. Whatever started is stopped again
 * if a later step fails.
 */
export async function openDatabase(config: Config, logger: Logger, options: { shareRunningEmbedded?: boolean } = {}): Promise<Database> {
  const { neo4j } = config;
  let embedded: EmbeddedNeo4j | undefined;
  let driver: Driver | undefined;
  const close = async () => {
    await driver?.close();
    await embedded?.stop();
  };
  try {
    let uri = neo4j.uri;
    if (!uri && options.shareRunningEmbedded && !(await portIsFree(neo4j.embedded.boltPort, "127.0.0.1"))) {
      uri = `bolt://127.0.0.1:${neo4j.embedded.boltPort}`;
      logger.info({ uri }, "using the embedded Neo4j a running server started");
    }
    if (!uri) {
      embedded = await startEmbeddedNeo4j({ ...neo4j.embedded, logger });
      uri = embedded.uri;
    }
    driver = createDriver(neo4j, uri, logger);
    await waitForDatabase(driver, neo4j.database, 60_000);
    await applyMigrations(driver, neo4j.database, logger, DATA_MIGRATIONS);
    return { driver, uri, close };
  } catch (error) {
    await close().catch((closeError: unknown) => logger.error({ err: closeError }, "cleanup after a failed connection failed"));
    throw error;
  }
}

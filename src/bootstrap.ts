import type { Driver } from "neo4j-driver";
import type { Logger } from "pino";
import type { Config } from "./config.js";
import { openDatabase, type Database } from "./open-database.js";
import { buildAppSchema } from "./schema.js";
import { loadSeed } from "./seed.js";
import { createApp, type App } from "./server.js";
import type { EventBus } from "./events/events.js";
import { InProcessEventBus } from "./events/in-process-bus.js";
import { RedisEventBus } from "./events/redis-bus.js";

/** A running API: its URL, the database it talks to, and how to stop it cleanly. */
export interface Service {
  readonly url: string;
  readonly neo4jUri: string;
  readonly driver: Driver;
  readonly app: App;
  /** Drains HTTP, closes the driver, then stops the embedded Neo4j if this service started one. */
  stop(): Promise<void>;
}

/**
 * Brings the whole service up in order: the database (embedded Neo4j when NEO4J_URI is
 * unset, migrated), the seed article (into an empty database), then HTTP. Whatever started
 * before a failure is stopped again.
 */
export async function startService(config: Config, logger: Logger): Promise<Service> {
  let database: Database | undefined;
  let app: App | undefined;
  let events: EventBus | undefined;
  const stop = async () => {
    await app?.close();
    await events?.close();
    await database?.close();
  };
  try {
    database = await openDatabase(config, logger);
    const { driver } = database;
    const schema = await buildAppSchema();
    if (config.seedOnStart) await loadSeed({ schema, driver, config, logger }, { onlyIfEmpty: true });
    // Redis when REDIS_URL is set (every replica hears every event), else this process only.
    // A Redis that is down at start does not stop the API: its state says INTERRUPTED until it answers.
    events = config.redisUrl ? new RedisEventBus(config.redisUrl, logger) : new InProcessEventBus();
    app = await createApp({ schema, config, driver, logger, events });
    const url = await app.listen(config.http.port, config.http.host);
    return { url, neo4jUri: database.uri, driver, app, stop };
  } catch (error) {
    await stop().catch((stopError: unknown) => logger.error({ err: stopError }, "cleanup after a failed start failed"));
    throw error;
  }
}

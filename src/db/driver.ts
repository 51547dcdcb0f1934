import neo4j, { type Driver } from "neo4j-driver";
import type { Logger } from "pino";
import type { Config } from "../config.js";

/** How long a request waits for a pooled connection before it is answered DATABASE_UNAVAILABLE. */
const CONNECTION_ACQUISITION_TIMEOUT_MS = 5_000;

/** One driver per process; it pools connections and routes reads/writes in a cluster. */
export function createDriver(config: Config["neo4j"], uri: string, logger: Logger): Driver {
  const auth = neo4j.auth.basic(config.username, config.password);
  return neo4j.driver(uri, auth, {
    disableLosslessIntegers: true,
    // Fail fast when the database is away rather than queueing requests: no driver-level
    // retries (they would hold every request for seconds during an outage); CypherRunner
    // retries the write conflicts worth retrying itself.
    connectionAcquisitionTimeout: CONNECTION_ACQUISITION_TIMEOUT_MS,
    maxConnectionPoolSize: config.maxConnectionPoolSize,
    connectionTimeout: 3_000,
    maxTransactionRetryTime: 0,
    logging: {
      level: "warn",
      logger: (level, message) => logger[level === "error" ? "error" : "warn"]({ component: "neo4j-driver" }, message),
    },
  });
}

/** Waits until the database answers a query, retrying while it starts up. */
export async function waitForDatabase(driver: Driver, database: string | undefined, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await driver.executeQuery("RETURN 1", {}, { database });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** True when the database answers a trivial query within `timeoutMs`. */
export async function pingDatabase(driver: Driver, database: string | undefined, timeoutMs = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const ping = driver.executeQuery("RETURN 1", {}, { database }).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

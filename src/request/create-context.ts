import DataLoader from "dataloader";
import type { Driver } from "neo4j-driver";
import type { Logger } from "pino";
import type { Viewer } from "../auth/viewer.js";
import type { Config } from "../config.js";
import type { Context, Loaders, OperationReport } from "../context.js";
import { CypherRunner } from "../db/cypher-runner.js";
import { createArticleLoaders } from "../domain/article/article.loaders.js";
import { createAssetLoaders } from "../domain/asset/asset.loaders.js";
import { createClaimLoaders } from "../domain/claim/claim.loaders.js";
import { createEventLoaders } from "../domain/event/event.loaders.js";
import { createNodeLoaders } from "../domain/node/node.loaders.js";
import type { EventBus } from "../events/events.js";

function createLoaders(cypher: CypherRunner): Loaders {
  return {
    ...createNodeLoaders(cypher),
    ...createArticleLoaders(cypher),
    ...createClaimLoaders(cypher),
    ...createEventLoaders(cypher),
    ...createAssetLoaders(cypher),
  };
}

/** Empties every loader's cache, those grouped in objects included. */
function clearAll(group: object): void {
  for (const loader of Object.values(group)) {
    if (loader instanceof DataLoader) loader.clearAll();
    else clearAll(loader as object);
  }
}

export interface ContextDependencies {
  readonly driver: Driver;
  readonly config: Config;
  /** Omitted where nothing can subscribe (the seed loader, scripts): events are then dropped. */
  readonly events?: EventBus;
}

/** A bus for contexts that have none: nothing listens, so nothing is kept. */
const NO_EVENTS: EventBus = {
  state: "LIVE",
  publish: async () => {},
  subscribe: () => () => {},
  onStateChange: () => () => {},
  listenerCount: () => 0,
  close: async () => {},
};

/** A request's context: its Cypher runner (with the request's deadline) and fresh loaders over it. */
export function createContext(
  deps: ContextDependencies,
  request: {
    requestId: string;
    viewer: Viewer;
    clientKey: string;
    logger: Logger;
    operation?: OperationReport;
    deadline?: number;
    /** Each statement's time limit, ms, when not the configured NEO4J_QUERY_TIMEOUT_MS (work of the server's own, such as the seed). */
    timeoutMs?: number;
  },
): Context {
  // The deadline is the runner's alone: resolvers see the runner, not the time left.
  const { deadline, timeoutMs, ...about } = request;
  const cypher: CypherRunner = new CypherRunner(deps.driver, {
    database: deps.config.neo4j.database,
    timeoutMs: timeoutMs ?? deps.config.neo4j.queryTimeoutMs,
    deadline,
    // A write makes what the request's loaders cached stale: later fields read afresh.
    afterWrite: () => clearAll(loaders),
  });
  const loaders = createLoaders(cypher);
  return {
    ...about,
    operation: about.operation ?? {},
    events: deps.events ?? NO_EVENTS,
    settings: { resolveLinkThreshold: deps.config.resolveLinkThreshold },
    cypher,
    loaders,
    clearLoaders: () => clearAll(loaders),
  };
}

import DataLoader from "dataloader";
import type { Driver } from "neo4j-driver";
import type { Logger } from "pino";
import type { Viewer } from "./auth/viewer.js";
import type { Config } from "./config.js";
import type { OperationReport } from "./http/request-log.js";
import type { EventBus } from "./events/events.js";
import { CypherRunner } from "./db/cypher-runner.js";
import { createArticleLoaders } from "./domain/article/article.loaders.js";
import { createAssetLoaders } from "./domain/asset/asset.loaders.js";
import { createClaimLoaders } from "./domain/claim/claim.loaders.js";
import { createEventLoaders } from "./domain/event/event.loaders.js";
import { nodeLoader } from "./cypher/neighbours.js";
import { toGraphNode } from "./domain/node/node.mapper.js";

function createLoaders(cypher: CypherRunner) {
  return {
    node: nodeLoader(cypher, toGraphNode),
    ...createArticleLoaders(cypher),
    ...createClaimLoaders(cypher),
    ...createEventLoaders(cypher),
    ...createAssetLoaders(cypher),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Empties every loader's cache, those grouped in objects included. */
function clearAll(group: object): void {
  for (const loader of Object.values(group)) {
    if (loader instanceof DataLoader) loader.clearAll();
    else clearAll(loader as object);
  }
}

/** Everything a resolver may use; built fresh for each request, so loaders never leak data between requests. */
export interface Context {
  readonly requestId: string;
  readonly viewer: Viewer;
  /** Who the request counts against for rate limits: the credential's subject, else the client's IP. */
  readonly clientKey: string;
  readonly cypher: CypherRunner;
  readonly loaders: Loaders;
  readonly logger: Logger;
  /** Filled in for the request's log line: operation name, round trips, error codes. */
  readonly operation: OperationReport;
  /** Where committed writes are announced to subscriptions. */
  readonly events: EventBus;
  /** Empties the loaders' caches: a subscription's context lives for many events, each read afresh. */
  clearLoaders(): void;
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

export function createContext(
  deps: ContextDependencies,
  request: { requestId: string; viewer: Viewer; clientKey: string; logger: Logger; operation?: OperationReport; deadline?: number },
): Context {
  // The deadline is the runner's alone: resolvers see the runner, not the time left.
  const { deadline, ...about } = request;
  let loaders: Loaders | undefined;
  const cypher = new CypherRunner(deps.driver, {
    database: deps.config.neo4j.database,
    timeoutMs: deps.config.neo4j.queryTimeoutMs,
    deadline,
    // A write makes what the request's loaders cached stale: later fields read afresh.
    afterWrite: () => clearAll(loaders ?? {}),
  });
  loaders = createLoaders(cypher);
  return {
    ...about,
    operation: about.operation ?? {},
    events: deps.events ?? NO_EVENTS,
    cypher,
    loaders,
    clearLoaders: () => clearAll(loaders ?? {}),
  };
}

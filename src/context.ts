import type { Driver } from "neo4j-driver";
import type { Logger } from "pino";
import type { Config } from "./config.js";
import { CypherRunner } from "./db/cypher.js";
import { createSourceLoaders } from "./domain/source/source.loaders.js";

/** Who is asking: anonymous readers, or an editor allowed to write. */
export interface Viewer {
  readonly subject: string | null;
  readonly roles: readonly string[];
}

export const ANONYMOUS: Viewer = { subject: null, roles: [] };

function createLoaders(cypher: CypherRunner) {
  return { ...createSourceLoaders(cypher) };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Everything a resolver may use; built fresh for each request. */
export interface Context {
  readonly requestId: string;
  readonly viewer: Viewer;
  readonly cypher: CypherRunner;
  readonly loaders: Loaders;
  readonly logger: Logger;
}

export interface ContextDependencies {
  readonly driver: Driver;
  readonly config: Config;
}

export function createContext(
  deps: ContextDependencies,
  request: { requestId: string; viewer: Viewer; logger: Logger },
): Context {
  const cypher = new CypherRunner(deps.driver, {
    database: deps.config.neo4j.database,
    timeoutMs: deps.config.neo4j.queryTimeoutMs,
  });
  return { ...request, cypher, loaders: createLoaders(cypher) };
}

import type { Logger } from "pino";
import type { Viewer } from "./auth/viewer.js";
import type { CypherRunner } from "./db/cypher-runner.js";
import type { EventBus } from "./events/events.js";

/** What a request reports for its log line (http/request-log.ts): its operation, Cypher round trips and error codes. */
export interface OperationReport {
  operationName?: string | null;
  /** Cypher round trips the operation made. */
  roundTrips?: number;
  errorCodes?: readonly string[];
}

/**
 * The DataLoaders of one request, by name. Each domain adds its own here from its
 * `*.loaders.ts` (declaration merging), and src/request/create-context.ts builds them all, so
 * this type names no domain.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by declaration merging
export interface Loaders {}

/** Everything a resolver may use; built fresh for each request (src/request/create-context.ts), so loaders never leak data between requests. */
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
  /** Settings resolvers need: the entity-resolution link threshold (RESOLVE_LINK_THRESHOLD). */
  readonly settings: { readonly resolveLinkThreshold: number };
  /** Empties the loaders' caches: a subscription's context lives for many events, each read afresh. */
  clearLoaders(): void;
}

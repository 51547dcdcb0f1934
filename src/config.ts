import path from "node:path";
import { EnvSchema, memoryMb, SECRET_VARIABLES, type LOG_FORMATS, type LOG_LEVELS } from "./config.schema.js";

/** Raised when the environment holds a value the server cannot run with. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Limits on one GraphQL request, checked before any Cypher runs. */
export interface QueryLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  readonly maxTokens: number;
  /** Field selections in one operation, fragments expanded. */
  readonly maxFields: number;
  /** Estimated cost (see plugins/query-cost.ts). */
  readonly maxCost: number;
}

/** GraphQL subscriptions over WebSocket (see live/ws-server.ts). */
export interface SubscriptionSettings {
  /** Whether a connection needs a valid bearer token (as for HTTP) in its connection_init payload or upgrade request. */
  readonly requireAuth: boolean;
  /** Open WebSocket connections at once; more are closed with 1013 (try again later). */
  readonly maxConnections: number;
  /** Active subscriptions on one connection; more are refused with TOO_MANY_SUBSCRIPTIONS. */
  readonly maxPerConnection: number;
  /** Events one subscription may leave unread before it is ended (SUBSCRIBER_TOO_SLOW). */
  readonly queueLimit: number;
  /** Milliseconds between pings; a connection that misses a pong is closed. */
  readonly keepAliveMs: number;
}

export interface Config {
  readonly http: { readonly port: number; readonly host: string; readonly corsOrigins: readonly string[] };
  readonly env: "development" | "production" | "test";
  readonly logLevel: (typeof LOG_LEVELS)[number];
  /** LOG_FORMAT; when unset, pretty on a terminal and JSON otherwise. */
  readonly logFormat: (typeof LOG_FORMATS)[number];
  readonly neo4j: {
    /** Undefined means: start the embedded Neo4j and connect to it. */
    readonly uri: string | undefined;
    readonly username: string;
    readonly password: string;
    readonly database: string | undefined;
    readonly queryTimeoutMs: number;
    /** Bolt connections the driver keeps at most (NEO4J_MAX_CONNECTION_POOL_SIZE, default 100). */
    readonly maxConnectionPoolSize: number;
    /** The embedded Neo4j: Bolt port, data folder, Java heap ceiling (e.g. "1g") and page cache in MB. */
    readonly embedded: { readonly boltPort: number; readonly dataDir: string; readonly maxHeap: string; readonly pageCacheMb: number };
  };
  readonly auth: {
    readonly editorTokens: readonly string[];
    readonly jwtSecret: string | undefined;
    readonly jwksUrl: string | undefined;
    readonly jwtAudience: string | undefined;
    readonly jwtIssuer: string | undefined;
    /** Seconds of leeway on a JWT's exp and nbf, for clock skew with the issuer (JWT_CLOCK_TOLERANCE_SECONDS, default 30). */
    readonly jwtClockToleranceSeconds: number;
  };
  readonly graphql: {
    /** Whether introspection queries are answered (default true; the playground works either way). */
    readonly introspection: boolean;
    readonly limits: QueryLimits;
    /** Whether the browser pages (/playground, /explore, the schema they load) are served. */
    readonly playground: boolean;
  };
  /** Requests per minute per client; 0 turns a limit off. */
  readonly rateLimits: { readonly readsPerMinute: number; readonly writesPerMinute: number };
  /** Bearer token /metrics requires; undefined leaves it open. */
  readonly metricsToken: string | undefined;
  /** Redis for events across replicas; undefined: events stay in this process. */
  readonly redisUrl: string | undefined;
  readonly subscriptions: SubscriptionSettings;
  readonly seedOnStart: boolean;
  /** Entity resolution: the score at which ingest with resolution LINK takes a new node for an existing one (RESOLVE_LINK_THRESHOLD, default 0.6). */
  readonly resolveLinkThreshold: number;
  /** Adds per-request diagnostics (Cypher round trips) to response extensions. */
  readonly debug: boolean;
}

/**
 * Parses and validates the environment once. Throws a ConfigError whose message is one
 * line naming every bad variable (and its value, unless it is or may hold a secret), so a
 * misconfigured start fails before doing any work.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, onTerminal: boolean = process.stdout.isTTY === true): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "environment");
      const value = env[name];
      return value === undefined || SECRET_VARIABLES.has(name) ? issue.message : `${issue.message} (got "${value}")`;
    });
    throw new ConfigError(`Invalid configuration: ${reasons.join("; ")}`);
  }
  const e = parsed.data;
  return {
    http: { port: e.PORT, host: e.HOST, corsOrigins: e.CORS_ORIGINS },
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT ?? (onTerminal ? "pretty" : "json"),
    neo4j: {
      uri: e.NEO4J_URI,
      username: e.NEO4J_USERNAME,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      queryTimeoutMs: e.NEO4J_QUERY_TIMEOUT_MS,
      maxConnectionPoolSize: e.NEO4J_MAX_CONNECTION_POOL_SIZE,
      embedded: {
        boltPort: e.NEO4J_BOLT_PORT,
        dataDir: path.resolve(e.NEO4J_DATA_DIR),
        maxHeap: e.NEO4J_HEAP,
        pageCacheMb: memoryMb(e.NEO4J_PAGECACHE),
      },
    },
    auth: {
      editorTokens: e.EDITOR_TOKENS,
      jwtSecret: e.JWT_SECRET,
      jwksUrl: e.JWT_JWKS_URL,
      jwtAudience: e.JWT_AUDIENCE,
      jwtIssuer: e.JWT_ISSUER,
      jwtClockToleranceSeconds: e.JWT_CLOCK_TOLERANCE_SECONDS,
    },
    graphql: {
      introspection: e.INTROSPECTION ?? true,
      limits: {
        maxDepth: e.QUERY_MAX_DEPTH,
        maxAliases: e.QUERY_MAX_ALIASES,
        maxDirectives: e.QUERY_MAX_DIRECTIVES,
        maxTokens: e.QUERY_MAX_TOKENS,
        maxFields: e.QUERY_MAX_FIELDS,
        maxCost: e.QUERY_MAX_COST,
      },
      playground: e.PLAYGROUND ?? true,
    },
    rateLimits: { readsPerMinute: e.RATE_LIMIT_READS_PER_MINUTE, writesPerMinute: e.RATE_LIMIT_WRITES_PER_MINUTE },
    metricsToken: e.METRICS_TOKEN,
    redisUrl: e.REDIS_URL,
    subscriptions: {
      requireAuth: e.SUBSCRIPTIONS_REQUIRE_AUTH ?? false,
      maxConnections: e.SUBSCRIPTIONS_MAX_CONNECTIONS,
      maxPerConnection: e.SUBSCRIPTIONS_MAX_PER_CONNECTION,
      queueLimit: e.SUBSCRIPTION_QUEUE_LIMIT,
      keepAliveMs: e.SUBSCRIPTIONS_KEEPALIVE_MS,
    },
    seedOnStart: e.SEED_ON_START ?? true,
    resolveLinkThreshold: e.RESOLVE_LINK_THRESHOLD,
    debug: e.GRAPHQL_DEBUG ?? false,
  };
}

import path from "node:path";
import { z } from "zod";

/** Raised when the environment holds a value the server cannot run with. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const port = (name: string, fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine((v) => /^\d+$/.test(v) && Number(v) <= 65535, {
      message: `${name} must be an integer between 0 and 65535`,
    })
    .transform(Number);

const flag = (name: string, fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine((v) => /^(true|false|1|0|yes|no)$/i.test(v), {
      message: `${name} must be true or false`,
    })
    .transform((v) => /^(true|1|yes)$/i.test(v));

const list = z
  .string()
  .default("")
  .transform((v) =>
    v
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));

const EnvSchema = z.object({
  PORT: port("PORT", "4000"),
  HOST: z.string().min(1, "HOST must not be empty").default("127.0.0.1"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  NEO4J_URI: optionalText.refine((v) => v === undefined || /^(neo4j|bolt)(\+s|\+ssc)?:\/\/\S+$/.test(v), {
    message: "NEO4J_URI must be a bolt:// or neo4j:// URI (optionally +s or +ssc)",
  }),
  NEO4J_USERNAME: z.string().default("neo4j"),
  NEO4J_PASSWORD: z.string().default(""),
  NEO4J_DATABASE: optionalText,
  NEO4J_BOLT_PORT: port("NEO4J_BOLT_PORT", "7687"),
  NEO4J_DATA_DIR: z.string().min(1).default("data/neo4j"),
  NEO4J_QUERY_TIMEOUT_MS: z
    .string()
    .default("15000")
    .refine((v) => /^\d+$/.test(v) && Number(v) >= 100, {
      message: "NEO4J_QUERY_TIMEOUT_MS must be an integer of at least 100",
    })
    .transform(Number),
  EDITOR_TOKENS: list,
  JWT_SECRET: optionalText.refine((v) => v === undefined || v.length >= 32, {
    message: "JWT_SECRET must be at least 32 characters",
  }),
  JWT_JWKS_URL: optionalText.refine((v) => v === undefined || URL.canParse(v), {
    message: "JWT_JWKS_URL must be a URL",
  }),
  REDIS_URL: optionalText,
  SEED_ON_START: flag("SEED_ON_START", "true"),
  GRAPHQL_DEBUG: flag("GRAPHQL_DEBUG", "false"),
});

export interface Config {
  readonly http: { readonly port: number; readonly host: string };
  readonly env: "development" | "production" | "test";
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly neo4j: {
    /** Undefined means: start the embedded Neo4j and connect to it. */
    readonly uri: string | undefined;
    readonly username: string;
    readonly password: string;
    readonly database: string | undefined;
    readonly queryTimeoutMs: number;
    readonly embedded: { readonly boltPort: number; readonly dataDir: string };
  };
  readonly auth: {
    readonly editorTokens: readonly string[];
    readonly jwtSecret: string | undefined;
    readonly jwksUrl: string | undefined;
  };
  readonly redisUrl: string | undefined;
  readonly seedOnStart: boolean;
  /** Adds per-request diagnostics (Cypher round trips) to response extensions. */
  readonly debug: boolean;
}

/**
 * Parses and validates the environment once. Throws a ConfigError whose message is one
 * line naming every bad variable, so a misconfigured start fails before doing any work.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "environment");
      const value = env[name];
      return value === undefined ? issue.message : `${issue.message} (got "${value}")`;
    });
    throw new ConfigError(`Invalid configuration: ${reasons.join("; ")}`);
  }
  const e = parsed.data;
  return {
    http: { port: e.PORT, host: e.HOST },
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    neo4j: {
      uri: e.NEO4J_URI,
      username: e.NEO4J_USERNAME,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      queryTimeoutMs: e.NEO4J_QUERY_TIMEOUT_MS,
      embedded: { boltPort: e.NEO4J_BOLT_PORT, dataDir: path.resolve(e.NEO4J_DATA_DIR) },
    },
    auth: { editorTokens: e.EDITOR_TOKENS, jwtSecret: e.JWT_SECRET, jwksUrl: e.JWT_JWKS_URL },
    redisUrl: e.REDIS_URL,
    seedOnStart: e.SEED_ON_START,
    debug: e.GRAPHQL_DEBUG,
  };
}

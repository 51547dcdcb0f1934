import { z } from "zod";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** json: one JSON object per line (for log collectors); pretty: coloured lines for people (pino-pretty). */
export const LOG_FORMATS = ["json", "pretty"] as const;

/**
 * Variables whose values are secrets, or may hold one (a URL's `user:password@`, however
 * malformed): a configuration error names them, never their value.
 */
export const SECRET_VARIABLES: ReadonlySet<string> = new Set([
  "NEO4J_PASSWORD",
  "EDITOR_TOKENS",
  "JWT_SECRET",
  "METRICS_TOKEN",
  "NEO4J_URI",
  "REDIS_URL",
]);

/** Shortest editor API key accepted: long enough that guessing one is hopeless. */
const MIN_EDITOR_TOKEN_LENGTH = 24;

const integer = (name: string, fallback: string, min: number, max: number) =>
  z
    .string()
    .default(fallback)
    .refine((v) => /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max, {
      message: `${name} must be an integer between ${min} and ${max}`,
    })
    .transform(Number);

const port = (name: string, fallback: string) => integer(name, fallback, 0, 65535);

const flag = (name: string, fallback?: string) =>
  z
    .string()
    .optional()
    .transform((v) => v ?? fallback)
    .refine((v) => v === undefined || /^(true|false|1|0|yes|no)$/i.test(v), {
      message: `${name} must be true or false`,
    })
    .transform((v) => (v === undefined ? undefined : /^(true|1|yes)$/i.test(v)));

const list = z
  .string()
  .default("")
  .transform((v) =>
    v
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );

/** A memory size as Java writes it: digits with an optional k, m or g suffix (bytes when none). */
const memorySize = (name: string, fallback: string, minMb: number) =>
  z
    .string()
    .default(fallback)
    .transform((v) => v.trim().toLowerCase())
    .refine((v) => /^\d+[kmg]?$/.test(v) && memoryMb(v) >= minMb, {
      message: `${name} must be a size such as 512m or 2g, at least ${minMb}m`,
    });

/** Megabytes in a size such as "512m", "2g", "65536k" or "1048576" (bytes), rounded down. */
export function memoryMb(size: string): number {
  const match = /^(\d+)([kmg]?)$/.exec(size);
  if (!match) return Number.NaN;
  const value = Number(match[1]);
  const perMb = { "": 1 / (1 << 20), k: 1 / 1024, m: 1, g: 1024 }[match[2] as "" | "k" | "m" | "g"];
  return Math.floor(value * perMb);
}

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));

/** The environment the server reads, with defaults; names are a contract (see README). */
export const EnvSchema = z
  .object({
    PORT: port("PORT", "4000"),
    HOST: z.string().min(1, "HOST must not be empty").default("127.0.0.1"),
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    LOG_LEVEL: z.enum(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
    LOG_FORMAT: z.enum(LOG_FORMATS, { message: `LOG_FORMAT must be one of ${LOG_FORMATS.join(", ")}` }).optional(),
    NEO4J_URI: optionalText.refine((v) => v === undefined || /^(neo4j|bolt)(\+s|\+ssc)?:\/\/\S+$/.test(v), {
      message: "NEO4J_URI must be a bolt:// or neo4j:// URI (optionally +s or +ssc)",
    }),
    NEO4J_USERNAME: z.string().default("neo4j"),
    NEO4J_PASSWORD: z.string().default(""),
    NEO4J_DATABASE: optionalText,
    NEO4J_BOLT_PORT: port("NEO4J_BOLT_PORT", "7687"),
    NEO4J_DATA_DIR: z.string().min(1).default("data/neo4j"),
    NEO4J_HEAP: memorySize("NEO4J_HEAP", "1g", 256),
    NEO4J_PAGECACHE: memorySize("NEO4J_PAGECACHE", "256m", 8),
    NEO4J_QUERY_TIMEOUT_MS: integer("NEO4J_QUERY_TIMEOUT_MS", "15000", 100, 3_600_000),
    NEO4J_MAX_CONNECTION_POOL_SIZE: integer("NEO4J_MAX_CONNECTION_POOL_SIZE", "100", 1, 10_000),
    EDITOR_TOKENS: list.refine((tokens) => tokens.every((t) => t.length >= MIN_EDITOR_TOKEN_LENGTH), {
      message: `EDITOR_TOKENS must each be at least ${MIN_EDITOR_TOKEN_LENGTH} characters`,
    }),
    JWT_SECRET: optionalText.refine((v) => v === undefined || v.length >= 32, {
      message: "JWT_SECRET must be at least 32 characters",
    }),
    JWT_JWKS_URL: optionalText.refine((v) => v === undefined || URL.canParse(v), {
      message: "JWT_JWKS_URL must be a URL",
    }),
    JWT_AUDIENCE: optionalText,
    JWT_CLOCK_TOLERANCE_SECONDS: integer("JWT_CLOCK_TOLERANCE_SECONDS", "30", 0, 300),
    JWT_ISSUER: optionalText,
    CORS_ORIGINS: list.refine((origins) => origins.every((o) => o === "*" || /^https?:\/\/[^/\s]+$/.test(o)), {
      message: "CORS_ORIGINS must be * or a comma-separated list of origins such as https://app.example.com",
    }),
    INTROSPECTION: flag("INTROSPECTION"),
    PLAYGROUND: flag("PLAYGROUND", "true"),
    METRICS_TOKEN: optionalText.refine((v) => v === undefined || v.length >= 16, {
      message: "METRICS_TOKEN must be at least 16 characters",
    }),
    RATE_LIMIT_READS_PER_MINUTE: integer("RATE_LIMIT_READS_PER_MINUTE", "600", 0, 1_000_000),
    RATE_LIMIT_WRITES_PER_MINUTE: integer("RATE_LIMIT_WRITES_PER_MINUTE", "120", 0, 1_000_000),
    QUERY_MAX_DEPTH: integer("QUERY_MAX_DEPTH", "12", 1, 100),
    QUERY_MAX_ALIASES: integer("QUERY_MAX_ALIASES", "15", 0, 1000),
    QUERY_MAX_DIRECTIVES: integer("QUERY_MAX_DIRECTIVES", "10", 0, 1000),
    QUERY_MAX_TOKENS: integer("QUERY_MAX_TOKENS", "1000", 50, 100_000),
    QUERY_MAX_FIELDS: integer("QUERY_MAX_FIELDS", "400", 10, 100_000),
    QUERY_MAX_COST: integer("QUERY_MAX_COST", "20000", 10, 100_000_000),
    REDIS_URL: optionalText.refine((v) => v === undefined || /^rediss?:\/\/\S+$/.test(v), {
      message: "REDIS_URL must be a redis:// or rediss:// URL",
    }),
    SUBSCRIPTIONS_REQUIRE_AUTH: flag("SUBSCRIPTIONS_REQUIRE_AUTH", "false"),
    SUBSCRIPTIONS_MAX_CONNECTIONS: integer("SUBSCRIPTIONS_MAX_CONNECTIONS", "1000", 1, 1_000_000),
    SUBSCRIPTIONS_MAX_PER_CONNECTION: integer("SUBSCRIPTIONS_MAX_PER_CONNECTION", "20", 1, 10_000),
    SUBSCRIPTION_QUEUE_LIMIT: integer("SUBSCRIPTION_QUEUE_LIMIT", "100", 1, 100_000),
    SUBSCRIPTIONS_KEEPALIVE_MS: integer("SUBSCRIPTIONS_KEEPALIVE_MS", "12000", 1000, 600_000),
    SEED_ON_START: flag("SEED_ON_START", "true"),
    RESOLVE_LINK_THRESHOLD: z
      .string()
      .default("0.6")
      .refine((v) => /^(0(\.\d+)?|1(\.0+)?)$/.test(v.trim()), { message: "RESOLVE_LINK_THRESHOLD must be a number from 0 to 1" })
      .transform(Number),
    GRAPHQL_DEBUG: flag("GRAPHQL_DEBUG", "false"),
  })
  .superRefine((env, ctx) => {
    if (env.JWT_JWKS_URL && (!env.JWT_AUDIENCE || !env.JWT_ISSUER)) {
      ctx.addIssue({
        code: "custom",
        path: ["JWT_JWKS_URL"],
        message: "JWT_JWKS_URL needs JWT_AUDIENCE and JWT_ISSUER (tokens from an identity provider must be checked for both)",
      });
    }
  });

import { readFileSync } from "node:fs";
import path from "node:path";
import { graphql, type GraphQLSchema } from "graphql";
import type { Driver } from "neo4j-driver";
import type { Logger } from "pino";
import { EDITOR_ROLE, type Viewer } from "./auth/viewer.js";
import type { Config } from "./config.js";
import { createContext } from "./request/create-context.js";
import { projectRoot } from "./project-root.js";
import { ANY_ARTICLE } from "./seed.cypher.js";

/** The seed article as an IngestArticleInput document. */
const SEED_FILE = path.join(projectRoot, "seed", "seed-article.json");

const SEED_VIEWER: Viewer = { subject: "seed-loader", roles: [EDITOR_ROLE], via: "api-key" };

/**
 * The seed's write may take this long at the least (ms): it runs once, at start, on a machine
 * that may be busy starting Neo4j too, and is no client's request bound by the per-request limit.
 */
const SEED_TIMEOUT_MS = 120_000;

const INGEST = `mutation Seed($input: IngestArticleInput!) {
  ingestArticle(input: $input) {
    created changed
    article { url title }
    counts { nodesCreated relationshipsCreated claims claimsSuperseded }
  }
}`;

export interface SeedResult {
  readonly loaded: boolean;
  readonly url?: string;
  readonly created?: boolean;
  readonly changed?: boolean;
  readonly counts?: Record<string, number>;
}

/**
 * Loads the seed article through the GraphQL schema, exactly as a client's ingestArticle
 * would (same coercion, validation and transaction). With `onlyIfEmpty`, does nothing when
 * the database already holds an article.
 */
export async function loadSeed(
  deps: { schema: GraphQLSchema; driver: Driver; config: Config; logger: Logger },
  options: { onlyIfEmpty: boolean; file?: string },
): Promise<SeedResult> {
  const { driver, config, logger } = deps;
  if (options.onlyIfEmpty) {
    const { records } = await driver.executeQuery(
      ANY_ARTICLE,
      {},
      {
        database: config.neo4j.database,
        routing: "READ",
      },
    );
    if (records[0]?.get("any") === true) return { loaded: false };
  }
  const input: unknown = JSON.parse(readFileSync(options.file ?? SEED_FILE, "utf8"));
  const contextValue = createContext(
    { driver, config },
    {
      requestId: "seed",
      viewer: SEED_VIEWER,
      clientKey: "seed",
      logger,
      timeoutMs: Math.max(config.neo4j.queryTimeoutMs, SEED_TIMEOUT_MS),
    },
  );
  const result = await graphql({ schema: deps.schema, source: INGEST, variableValues: { input }, contextValue });
  if (result.errors?.length) {
    const details = result.errors.map((e) => `${e.message}${e.extensions?.field ? ` [${String(e.extensions.field)}]` : ""}`);
    throw new Error(`the seed article was rejected: ${details.join("; ")}`);
  }
  type Payload = { created: boolean; changed: boolean; article: { url: string }; counts: Record<string, number> };
  const { created, changed, article, counts } = (result.data as { ingestArticle: Payload }).ingestArticle;
  logger.info({ url: article.url, created, changed, counts }, "seed article loaded");
  return { loaded: true, url: article.url, created, changed, counts };
}

import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print, type GraphQLFormattedError } from "graphql";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, inject } from "vitest";
import { startService, type Service } from "../../src/bootstrap.js";
import { loadConfig, type Config } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";

/** The editor API key every test server accepts. */
export const EDITOR_TOKEN = "test-editor-token-0123456789";

export interface GraphQLResponse<R> {
  status: number;
  headers: Headers;
  data?: R | null;
  errors?: GraphQLFormattedError[];
  extensions?: Record<string, unknown>;
}

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
}

/** The real HTTP server on 127.0.0.1 and a random port, over the run's Neo4j. */
export interface TestServer {
  readonly url: string;
  readonly origin: string;
  readonly driver: Driver;
  readonly config: Config;
  request<R, V extends Record<string, unknown>>(
    document: TypedDocumentNode<R, V>,
    variables?: V,
    options?: RequestOptions,
  ): Promise<GraphQLResponse<R>>;
  close(): Promise<void>;
}

export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const config = loadConfig({
    NEO4J_URI: inject("neo4jUri"),
    NEO4J_USERNAME: process.env.NEO4J_USERNAME,
    NEO4J_PASSWORD: process.env.NEO4J_PASSWORD,
    NEO4J_DATABASE: process.env.NEO4J_DATABASE,
    HOST: "127.0.0.1",
    PORT: "0",
    NODE_ENV: "test",
    SEED_ON_START: "false",
    EDITOR_TOKENS: EDITOR_TOKEN,
    // Test files send many requests from one client; the rate-limit tests turn limits on.
    RATE_LIMIT_READS_PER_MINUTE: "0",
    RATE_LIMIT_WRITES_PER_MINUTE: "0",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "silent",
    ...env,
  });
  const service: Service = await startService(config, createLogger(config));
  const origin = new URL(service.url).origin;
  return {
    url: service.url,
    origin,
    driver: service.driver,
    config,
    request: (document, variables, options) => postGraphQL(service.url, print(document), variables, options),
    close: () => service.stop(),
  };
}

/** POSTs a GraphQL request as a client would and returns status, headers and body. */
export async function postGraphQL<R>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  options: RequestOptions = {},
): Promise<GraphQLResponse<R>> {
  const headers: Record<string, string> = { "content-type": "application/json", ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(url, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as Omit<GraphQLResponse<R>, "status" | "headers">;
  return { status: response.status, headers: response.headers, ...body };
}

/**
 * Starts a test server before the file's tests and closes it after them. The returned object
 * stands for that server (its properties are read from it once it has started).
 */
export function useTestServer(env: Record<string, string> = {}): TestServer {
  let current: TestServer | undefined;
  beforeAll(async () => {
    current = await startTestServer(env);
  });
  afterAll(async () => {
    await current?.close();
  });
  return new Proxy({} as TestServer, {
    get: (_target, property) => {
      if (!current) throw new Error("the test server is not started yet: use it inside a test or hook");
      return current[property as keyof TestServer];
    },
  });
}

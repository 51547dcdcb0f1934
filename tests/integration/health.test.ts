import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createDriver } from "../../src/db/driver.js";
import { createLogger } from "../../src/logger.js";
import { buildAppSchema } from "../../src/schema.js";
import { createApp } from "../../src/server.js";
import { SourcesPageDocument } from "../__generated__/graphql.js";
import { freePort } from "../support/ports.js";
import { postGraphQL, startTestServer, type TestServer } from "../support/server.js";
import { InProcessEventBus } from "../../src/events/in-process-bus.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe("health and observability", () => {
  it("/healthz says the process is up", async () => {
    const res = await fetch(`${server.origin}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("/readyz is 200 when Neo4j answers", async () => {
    const res = await fetch(`${server.origin}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ready", checks: { neo4j: "up" } });
  });

  it("tags each response with a request id, keeping a well-formed one sent by the client", async () => {
    const own = await server.request(SourcesPageDocument, { first: 1 });
    expect(own.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const traced = await server.request(SourcesPageDocument, { first: 1 }, { headers: { "x-request-id": "trace-42" } });
    expect(traced.headers.get("x-request-id")).toBe("trace-42");
  });

  it("/metrics exposes Prometheus counters of GraphQL operations", async () => {
    await server.request(SourcesPageDocument, { first: 1 });
    const res = await fetch(`${server.origin}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/graphql_operations_total\{type="query",root_field="sources",outcome="ok"\} \d+/);
    expect(text).toContain("graphql_cypher_round_trips_bucket");
  });

  it("rejects an oversized request body with 413 in GraphQL's error shape", async () => {
    const huge = "x".repeat(1_100_000);
    const res = await postGraphQL(server.url, `query { sources(first: 1) { totalCount } } # ${huge}`);
    expect(res.status).toBe(413);
    expect(res.errors?.[0]?.extensions?.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("reports GraphQL syntax errors to the client unmasked", async () => {
    const res = await postGraphQL(server.url, "query { sources(first: 1) { totalCount ");
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
  });
});

describe("when Neo4j cannot be reached", () => {
  it("/readyz is 503 and queries fail fast with DATABASE_UNAVAILABLE", async () => {
    const config = loadConfig({ NEO4J_URI: `bolt://127.0.0.1:${await freePort()}`, LOG_LEVEL: "silent" });
    const logger = createLogger(config);
    const driver = createDriver(config.neo4j, config.neo4j.uri!, logger);
    const app = await createApp({ schema: await buildAppSchema(), config, driver, logger, events: new InProcessEventBus() });
    const url = await app.listen(0, "127.0.0.1");
    try {
      const ready = await fetch(new URL("/readyz", url));
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: "unavailable", checks: { neo4j: "down" } });

      const res = await postGraphQL(url, print(SourcesPageDocument), { first: 1 });
      expect(res.errors?.[0]).toMatchObject({
        message: expect.stringContaining("unavailable"),
        extensions: { code: "DATABASE_UNAVAILABLE" },
      });
    } finally {
      await app.close();
      await driver.close();
    }
  });
});

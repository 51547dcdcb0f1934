import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { projectRoot } from "../../src/project-root.js";

describe("loadConfig", () => {
  it("applies the documented defaults", () => {
    const config = loadConfig({});
    expect(config.http).toEqual({ port: 4000, host: "127.0.0.1", corsOrigins: [] });
    expect(config.rateLimits).toEqual({ readsPerMinute: 600, writesPerMinute: 120 });
    expect(config.graphql.limits).toEqual({
      maxDepth: 12,
      maxAliases: 15,
      maxDirectives: 10,
      maxTokens: 1000,
      maxFields: 400,
      maxCost: 20000,
    });
    expect(config.metricsToken).toBeUndefined();
    expect(config.neo4j.uri).toBeUndefined();
    expect(config.neo4j.embedded.boltPort).toBe(7687);
    expect(config.seedOnStart).toBe(true);
    expect(config.logLevel).toBe("info");
  });

  it("logs pretty on a terminal and JSON otherwise unless LOG_FORMAT says; serves the playground unless PLAYGROUND=false", () => {
    expect(loadConfig({}, true).logFormat).toBe("pretty");
    expect(loadConfig({}, false).logFormat).toBe("json");
    expect(loadConfig({ LOG_FORMAT: "json" }, true).logFormat).toBe("json");
    expect(loadConfig({ LOG_FORMAT: "pretty" }, false).logFormat).toBe("pretty");
    expect(() => loadConfig({ LOG_FORMAT: "colour" })).toThrow('LOG_FORMAT must be one of json, pretty (got "colour")');
    expect(loadConfig({}).graphql.playground).toBe(true);
    expect(loadConfig({ PLAYGROUND: "false" }).graphql.playground).toBe(false);
    expect(() => loadConfig({ PLAYGROUND: "maybe" })).toThrow("PLAYGROUND must be true or false");
  });

  it("reads a remote Neo4j and editor tokens", () => {
    const config = loadConfig({
      NEO4J_URI: "neo4j+s://abc.databases.neo4j.io",
      NEO4J_USERNAME: "reader",
      NEO4J_PASSWORD: "secret",
      NEO4J_DATABASE: "market",
      EDITOR_TOKENS: " editor-token-number-one-0001, editor-token-number-two-0002 ,,",
      SEED_ON_START: "false",
    });
    expect(config.neo4j).toMatchObject({ uri: "neo4j+s://abc.databases.neo4j.io", username: "reader", database: "market" });
    expect(config.auth.editorTokens).toEqual(["editor-token-number-one-0001", "editor-token-number-two-0002"]);
    expect(config.seedOnStart).toBe(false);
  });

  it("names every bad variable and its value in one line", () => {
    expect(() => loadConfig({ PORT: "abc", LOG_LEVEL: "loud", NEO4J_URI: "http://x" })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: "abc", LOG_LEVEL: "loud", NEO4J_URI: "http://x" });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).not.toContain("\n");
      expect(message).toContain('PORT must be an integer between 0 and 65535 (got "abc")');
      expect(message).toContain("LOG_LEVEL must be one of");
      expect(message).toContain("NEO4J_URI must be a bolt:// or neo4j:// URI");
    }
  });

  it("never prints a secret's value, and names what is wrong with it", () => {
    for (const [name, value, reason] of [
      ["JWT_SECRET", "short-secret-value", "JWT_SECRET must be at least 32 characters"],
      ["EDITOR_TOKENS", "good-editor-token-0123456789,tiny-token", "EDITOR_TOKENS must each be at least 24 characters"],
      ["METRICS_TOKEN", "tiny-metrics", "METRICS_TOKEN must be at least 16 characters"],
    ] as const) {
      try {
        loadConfig({ [name]: value });
        expect.unreachable(`${name} was accepted`);
      } catch (error) {
        const message = (error as Error).message;
        expect(message).toContain(reason);
        for (const part of value.split(",")) expect(message).not.toContain(part);
      }
    }
    // A URL may hold credentials, however malformed: it is never quoted.
    for (const [name, value, reason] of [
      ["REDIS_URL", "http://:RedisSecretPw@cache.internal:6379", "REDIS_URL must be a redis:// or rediss:// URL"],
      ["REDIS_URL", "rediss//u:p@ss#SecretPw@cache", "REDIS_URL must be"],
      ["NEO4J_URI", "https://neo4j:Graph#SecretPw@db.internal", "NEO4J_URI must be"],
      ["NEO4J_URI", "bolt:/neo4j:Graph/SecretPw@db", "NEO4J_URI must be"],
    ] as const) {
      expect(() => loadConfig({ [name]: value })).toThrow(reason);
      expect(() => loadConfig({ [name]: value })).not.toThrow(/SecretPw/);
    }
  });

  it("requires an audience and an issuer with a JWKS, and reads the limits and CORS origins", () => {
    expect(() => loadConfig({ JWT_JWKS_URL: "https://id.example.com/jwks.json" })).toThrow(
      /JWT_JWKS_URL needs JWT_AUDIENCE and JWT_ISSUER/,
    );
    const config = loadConfig({
      JWT_JWKS_URL: "https://id.example.com/jwks.json",
      JWT_AUDIENCE: "market-graph",
      JWT_ISSUER: "https://id.example.com/",
      CORS_ORIGINS: "https://app.example.com, http://localhost:5173",
      QUERY_MAX_DEPTH: "8",
      RATE_LIMIT_WRITES_PER_MINUTE: "0",
    });
    expect(config.auth).toMatchObject({ jwtAudience: "market-graph", jwtIssuer: "https://id.example.com/" });
    expect(config.http.corsOrigins).toEqual(["https://app.example.com", "http://localhost:5173"]);
    expect(config.graphql.limits.maxDepth).toBe(8);
    expect(config.rateLimits).toEqual({ readsPerMinute: 600, writesPerMinute: 0 });
    expect(() => loadConfig({ CORS_ORIGINS: "app.example.com" })).toThrow(/CORS_ORIGINS must be/);
  });

  it("answers introspection unless INTROSPECTION=false", () => {
    expect(loadConfig({}).graphql.introspection).toBe(true);
    expect(loadConfig({ NODE_ENV: "production" }).graphql.introspection).toBe(true);
    expect(loadConfig({ NODE_ENV: "production", INTROSPECTION: "false" }).graphql.introspection).toBe(false);
    expect(() => loadConfig({ INTROSPECTION: "maybe" })).toThrow(/INTROSPECTION must be true or false/);
  });

  it("rejects out-of-range ports and a short JWT secret", () => {
    expect(() => loadConfig({ PORT: "70000" })).toThrow(/PORT must be an integer/);
    expect(() => loadConfig({ NEO4J_BOLT_PORT: "-1" })).toThrow(/NEO4J_BOLT_PORT/);
    expect(() => loadConfig({ JWT_SECRET: "short" })).toThrow(/JWT_SECRET must be at least 32 characters/);
  });
});

describe("starting with a bad environment", () => {
  it("exits non-zero with a one-line reason and starts nothing", () => {
    const result = spawnSync(process.execPath, [path.join(projectRoot, "dist/src/main.js")], {
      env: { PATH: process.env.PATH, PORT: "abc" },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toEqual(['Invalid configuration: PORT must be an integer between 0 and 65535 (got "abc")']);
  });
});

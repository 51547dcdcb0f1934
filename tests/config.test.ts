import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";
import { projectRoot } from "../src/project-root.js";

describe("loadConfig", () => {
  it("applies the documented defaults", () => {
    const config = loadConfig({});
    expect(config.http).toEqual({ port: 4000, host: "127.0.0.1" });
    expect(config.neo4j.uri).toBeUndefined();
    expect(config.neo4j.embedded.boltPort).toBe(7687);
    expect(config.seedOnStart).toBe(true);
    expect(config.logLevel).toBe("info");
  });

  it("reads a remote Neo4j and editor tokens", () => {
    const config = loadConfig({
      NEO4J_URI: "neo4j+s://abc.databases.neo4j.io",
      NEO4J_USERNAME: "reader",
      NEO4J_PASSWORD: "secret",
      NEO4J_DATABASE: "market",
      EDITOR_TOKENS: " one, two ,,",
      SEED_ON_START: "false",
    });
    expect(config.neo4j).toMatchObject({ uri: "neo4j+s://abc.databases.neo4j.io", username: "reader", database: "market" });
    expect(config.auth.editorTokens).toEqual(["one", "two"]);
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
      expect(message).toContain('LOG_LEVEL must be one of');
      expect(message).toContain("NEO4J_URI must be a bolt:// or neo4j:// URI");
    }
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
    expect(result.stderr.trim().split("\n")).toEqual([
      'Invalid configuration: PORT must be an integer between 0 and 65535 (got "abc")',
    ]);
  });
});

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import neo4j from "neo4j-driver";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../support/ports.js";
import { ServerProcess, isAlive, waitUntilGone } from "../support/process.js";
import { postGraphQL } from "../support/server.js";

const dataDirs: string[] = [];
const children: ServerProcess[] = [];

/** Starts the built server exactly as `npm start` does, on its own embedded Neo4j. */
async function startWithEmbeddedNeo4j(env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "mng-start-"));
  dataDirs.push(dataDir);
  const boltPort = await freePort();
  const server = new ServerProcess({
    PORT: "0",
    NEO4J_BOLT_PORT: String(boltPort),
    NEO4J_DATA_DIR: dataDir,
    ...env,
  });
  children.push(server);
  const ready = await server.waitForLog((line) => line.msg?.startsWith("GraphQL API ready at ") ?? false);
  const neo4jReady = await server.waitForLog((line) => line.msg === "embedded Neo4j is ready");
  return { server, url: String(ready.url), boltPort, neo4jPid: Number(neo4jReady.pid) };
}

afterAll(async () => {
  for (const child of children) child.child.kill("SIGKILL");
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

describe("npm start on the embedded Neo4j", () => {
  it("loads the seed into the empty database, serves it, and leaves no Neo4j behind on SIGTERM", async () => {
    const { server, url, boltPort, neo4jPid } = await startWithEmbeddedNeo4j();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
    expect(server.logs.map((line) => line.msg)).toContain("seed article loaded");
    const seed = await postGraphQL<{ articles: { totalCount: number; edges: { node: { title: string } }[] } }>(
      url,
      "{ articles(filter: { ingested: true }) { totalCount edges { node { title } } } }",
    );
    expect(seed.data?.articles.edges.map((e) => e.node.title)).toEqual([
      "Bitcoin’s $1.3B Liquidation: Derivatives Reset, ETF Exodus, and the Anatomy of a Crypto Freefall",
    ]);

    // Write through Bolt, read back through the API: the answer comes from Neo4j.
    const driver = neo4j.driver(`bolt://127.0.0.1:${boltPort}`);
    await driver.executeQuery("CREATE (:Source { domain: 'lifecycle.example', name: 'Lifecycle Wire' })");
    await driver.close();
    const res = await postGraphQL<{ source: { name: string } | null }>(url, '{ source(domain: "lifecycle.example") { name } }');
    expect(res.data).toEqual({ source: { name: "Lifecycle Wire" } });

    const ready = await fetch(new URL("/readyz", url));
    expect(ready.status).toBe(200);

    expect(isAlive(neo4jPid)).toBe(true);
    server.child.kill("SIGTERM");
    const exit = await server.exited;
    expect(exit.code).toBe(0);
    expect(await waitUntilGone(neo4jPid, 30_000)).toBe(true);
    expect(server.logs.map((line) => line.msg)).toContain("embedded Neo4j stopped");
  }, 180_000);

  it("does not orphan Neo4j even when the server is killed outright", async () => {
    const { server, neo4jPid } = await startWithEmbeddedNeo4j({ SEED_ON_START: "false" });
    server.child.kill("SIGKILL");
    await server.exited;
    // The launcher watches its stdin: the pipe closing is its signal to shut down.
    expect(await waitUntilGone(neo4jPid, 60_000)).toBe(true);
  }, 180_000);
});

import { afterAll, describe, expect, inject, it } from "vitest";
import { ServerProcess, serverOnRunNeo4j, type LogLine } from "../support/process.js";
import { postGraphQL } from "../support/server.js";

const children: ServerProcess[] = [];

/** The built server (as `npm start` runs it) on the run's Neo4j, with its stdout collected. */
async function start(env: Record<string, string>) {
  const server = new ServerProcess(serverOnRunNeo4j(inject("neo4jUri"), env));
  children.push(server);
  const ready = await server.waitForLine(/GraphQL API ready at (http:\/\/\S+\/graphql)/);
  return { server, url: /GraphQL API ready at (http:\/\/\S+\/graphql)/.exec(ready)![1]! };
}

afterAll(() => {
  for (const child of children) child.child.kill("SIGKILL");
});

describe("request logs", () => {
  it("JSON (the default off a terminal): one line per request with method, path, operation, status and duration", async () => {
    const { server, url } = await start({});
    await postGraphQL(url, "query SourcesForTheLog { sources(first: 1) { edges { node { domain } } } }", undefined, {
      headers: { "x-request-id": "log-check-1" },
    });
    await postGraphQL(url, "query Broken { nope }", undefined, { headers: { "x-request-id": "log-check-2" } });
    await fetch(new URL("/explore", url), { headers: { "x-request-id": "log-check-3" } });
    await fetch(new URL("/healthz", url));

    const ofRequest = async (id: string) => {
      await server.waitForLog((line) => line.reqId === id);
      return server.logs.filter((line) => line.reqId === id);
    };
    const [ok] = await ofRequest("log-check-1");
    expect(await ofRequest("log-check-1")).toHaveLength(1);
    expect(ok).toMatchObject({
      level: 30,
      method: "POST",
      path: "/graphql",
      operation: "SourcesForTheLog",
      status: 200,
      roundTrips: 1,
      msg: expect.stringMatching(/^POST \/graphql SourcesForTheLog 200 \d+ ms$/),
    });
    expect(typeof (ok as LogLine).durationMs).toBe("number");
    // No request or response dump with headers: the line is the summary.
    expect(ok).not.toHaveProperty("req");
    expect(ok).not.toHaveProperty("res");

    const [broken] = await ofRequest("log-check-2");
    expect(broken).toMatchObject({ level: 40, method: "POST", path: "/graphql", status: 400, errorCodes: ["GRAPHQL_VALIDATION_FAILED"] });
    const [page] = await ofRequest("log-check-3");
    expect(page).toMatchObject({ method: "GET", path: "/explore", status: 200, msg: expect.stringMatching(/^GET \/explore 200 \d+ ms$/) });
    expect(page).not.toHaveProperty("operation");
    expect(server.logs.some((line) => line.path === "/healthz")).toBe(false);
  });

  it("a subscription sent over HTTP: 400 BAD_REQUEST pointing at the WebSocket endpoint, and no error-level log", async () => {
    const { server, url } = await start({});
    const answers = await Promise.all(
      ["subscription { liveUpdatesStatus { state } }", "subscription Live($f: ArticleFilter) { articleIngested(filter: $f) { url } }"].map(
        (query, i) => postGraphQL(url, query, { f: { asset: "BTC" } }, { headers: { "x-request-id": `sub-over-http-${i}` } }),
      ),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(400);
      expect(answer.errors).toEqual([
        {
          message: expect.stringMatching(/^Subscriptions run over WebSocket .* at ws:\/\/<this host>\/graphql/),
          extensions: { code: "BAD_REQUEST" },
        },
      ]);
    }
    for (const id of ["sub-over-http-0", "sub-over-http-1"]) {
      const [line] = await server.waitForLog((l) => l.reqId === id).then(() => server.logs.filter((l) => l.reqId === id));
      expect(line).toMatchObject({ level: 40, status: 400, errorCodes: ["BAD_REQUEST"] });
    }
    expect(server.logs.filter((line) => Number(line.level) >= 50)).toEqual([]);
  });

  it("LOG_FORMAT=pretty: the same as one readable line, not JSON", async () => {
    const { server, url } = await start({ LOG_FORMAT: "pretty" });
    await postGraphQL(url, "query PrettyCheck { __typename }");
    const line = await server.waitForLine(/PrettyCheck/);
    expect(line).toMatch(/INFO.*POST \/graphql PrettyCheck 200 \d+ ms/);
    expect(line.trimStart().startsWith("{")).toBe(false);
    // eslint-disable-next-line no-control-regex -- no colour codes when stdout is not a terminal
    expect(line).not.toMatch(/\u001b\[/);
  });
});

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { print } from "graphql";
import neo4j from "neo4j-driver";
import { afterAll, describe, expect, inject, it } from "vitest";
import { ArticleByUrlDocument, IngestArticleDocument, SourcesPageDocument } from "../__generated__/graphql.js";
import { createLogger } from "../../src/logger.js";
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from "../../src/db/embedded.js";
import { sampleArticle } from "../fixtures/articles.js";
import { uniqueTag } from "../support/ids.js";
import { freePort } from "../support/ports.js";
import { ServerProcess } from "../support/process.js";
import { EDITOR_TOKEN, postGraphQL, startTestServer, type TestServer } from "../support/server.js";

const logger = createLogger({ logLevel: "silent" });
const cleanup: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface IngestOutcome {
  url: string;
  ok: boolean;
  code?: string;
}

describe("Neo4j going away and coming back", () => {
  it("answers DATABASE_UNAVAILABLE (503) during the outage, recovers by itself, and loses or half-writes no ingest", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "mng-fault-"));
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const boltPort = await freePort();
    let database: EmbeddedNeo4j = await startEmbeddedNeo4j({ dataDir, boltPort, logger });
    cleanup.push(() => database.stop());
    const server: TestServer = await startTestServer({ NEO4J_URI: database.uri });
    cleanup.push(() => server.close());

    const tag = uniqueTag();
    const ingests: IngestOutcome[] = [];
    const outageAnswers: { status: number; code: unknown }[] = [];
    let phase = "before" as "before" | "outage" | "after";
    let running = true;

    // A bounded loop of reads and ingests, one of each at a time, for the whole test.
    const load = (async () => {
      for (let i = 0; running && i < 2_000; i += 1) {
        const startedIn = phase;
        const input = sampleArticle(`${tag}${i}`);
        const [read, write] = await Promise.all([
          server.request(SourcesPageDocument, { first: 1 }),
          server.request(IngestArticleDocument, { input }, { token: EDITOR_TOKEN }),
        ]);
        ingests.push({
          url: input.url,
          ok: !write.errors && write.status === 200,
          code: write.errors?.[0]?.extensions?.code as string | undefined,
        });
        // Answers given wholly while Neo4j was down (none straddling its restart).
        if (startedIn === "outage" && phase === "outage")
          outageAnswers.push({ status: read.status, code: read.errors?.[0]?.extensions?.code });
        if (startedIn !== "before") await sleep(50);
      }
    })();

    await sleep(2_000);
    await database.stop();
    phase = "outage";
    await sleep(3_000);
    phase = "after";
    database = await startEmbeddedNeo4j({ dataDir, boltPort, logger });
    const restartedAt = Date.now();

    // Recovers without a restart of the API: ready and answering within 10 s of Neo4j's return.
    let recovered = false;
    while (!recovered && Date.now() - restartedAt < 10_000) {
      const ready = await fetch(`${server.origin}/readyz`);
      const read = await server.request(SourcesPageDocument, { first: 1 });
      recovered = ready.status === 200 && !read.errors;
      if (!recovered) await sleep(200);
    }
    expect(recovered).toBe(true);
    await sleep(1_000);
    running = false;
    await load;

    expect(outageAnswers.length).toBeGreaterThan(0);
    for (const answer of outageAnswers) expect(answer).toEqual({ status: 503, code: "DATABASE_UNAVAILABLE" });
    expect(ingests.some((i) => i.ok)).toBe(true);
    expect(ingests.some((i) => !i.ok)).toBe(true);
    for (const failed of ingests.filter((i) => !i.ok)) expect(failed.code).toBe("DATABASE_UNAVAILABLE");

    // Every ingest that said so is all there; every one that failed left nothing.
    for (const ingest of ingests) {
      const read = await server.request(ArticleByUrlDocument, { url: ingest.url });
      if (ingest.ok) {
        expect(read.data!.article, ingest.url).not.toBeNull();
        expect(read.data!.article!.claims, ingest.url).toHaveLength(4);
        expect(read.data!.article!.tags, ingest.url).toHaveLength(2);
      } else {
        expect(read.data!.article, ingest.url).toBeNull();
      }
    }
  }, 180_000);
});

describe("Neo4j frozen with more requests waiting than the pool holds", () => {
  it("answers the requests that get no connection in time 503 DATABASE_UNAVAILABLE with Retry-After, and the rest once Neo4j thaws", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "mng-freeze-"));
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const database = await startEmbeddedNeo4j({ dataDir, boltPort: await freePort(), logger });
    cleanup.push(() => database.stop());
    const server = await startTestServer({ NEO4J_URI: database.uri, NEO4J_MAX_CONNECTION_POOL_SIZE: "4" });
    cleanup.push(() => server.close());
    // Fill the pool with four open connections.
    for (const warm of await Promise.all(Array.from({ length: 8 }, () => server.request(SourcesPageDocument, { first: 1 }))))
      expect(warm.errors).toBeUndefined();

    process.kill(database.pid, "SIGSTOP");
    const thaw = () => void process.kill(database.pid, "SIGCONT");
    cleanup.push(thaw);
    const started = Date.now();
    const pending = Array.from({ length: 12 }, () =>
      server.request(SourcesPageDocument, { first: 1 }).then((answer) => ({ answer, after: Date.now() - started })),
    );
    await sleep(7_000);
    thaw();
    const answers = await Promise.all(pending);

    const refused = answers.filter(({ answer }) => answer.errors);
    expect(refused.length).toBeGreaterThanOrEqual(8);
    for (const { answer, after } of refused) {
      expect(answer.status).toBe(503);
      expect(answer.headers.get("retry-after")).toBe("5");
      expect(answer.errors).toMatchObject([{ message: expect.any(String), extensions: { code: "DATABASE_UNAVAILABLE" } }]);
      expect(answer.errors).toHaveLength(1);
      // Refused when the wait for a connection ran out, while Neo4j was still frozen.
      expect(after).toBeLessThan(7_000);
    }
    for (const { answer } of answers.filter(({ answer }) => !answer.errors)) expect(answer.status).toBe(200);
  }, 120_000);
});

describe("SIGTERM under load", () => {
  it("lets in-flight requests finish, refuses new ones, and exits 0", async () => {
    const child = new ServerProcess({
      PORT: "0",
      NEO4J_URI: inject("neo4jUri"),
      SEED_ON_START: "false",
      EDITOR_TOKENS: EDITOR_TOKEN,
      RATE_LIMIT_READS_PER_MINUTE: "0",
      RATE_LIMIT_WRITES_PER_MINUTE: "0",
    });
    cleanup.push(() => void child.child.kill("SIGKILL"));
    const ready = await child.waitForLog((line) => line.msg?.startsWith("GraphQL API ready at ") ?? false);
    const url = String(ready.url);

    // An article whose node another transaction holds: changed ingests of it wait inside Neo4j.
    const input = sampleArticle(uniqueTag());
    const { article } = (
      await postGraphQL<{ ingestArticle: { article: { url: string } } }>(
        url,
        print(IngestArticleDocument),
        { input },
        { token: EDITOR_TOKEN },
      )
    ).data!.ingestArticle;
    const observer = neo4j.driver(inject("neo4jUri"));
    cleanup.push(() => observer.close());
    const session = observer.session();
    const blocker = await session.beginTransaction();
    await blocker.run("MATCH (a:Article { url: $url }) SET a.title = a.title", { url: article.url });

    const inFlight = [1, 2, 3].map((n) =>
      postGraphQL(url, print(IngestArticleDocument), { input: { ...input, title: `${input.title} v${n}` } }, { token: EDITOR_TOKEN }),
    );
    // Wait until all three are inside Neo4j, blocked on the lock.
    for (let waited = 0; ; waited += 100) {
      const { records } = await observer.executeQuery(
        "SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' RETURN count(*) AS n",
      );
      if (Number(records[0]!.get("n")) >= 3) break;
      if (waited > 20_000) throw new Error("the ingests never reached Neo4j");
      await sleep(100);
    }

    child.child.kill("SIGTERM");
    await child.waitForLog((line) => line.msg === "shutting down: draining in-flight requests");
    // Draining: nothing new is taken.
    const late = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"query":"{ __typename }"}',
    }).then(
      (res) => res.status,
      () => "refused",
    );
    expect(["refused", 503]).toContain(late);

    await blocker.rollback();
    await session.close();
    const answers = await Promise.all(inFlight);
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.errors).toBeUndefined();
    }
    const exit = await child.exited;
    expect(exit.code).toBe(0);
  }, 120_000);
});

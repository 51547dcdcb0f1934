import { print } from "graphql";
import { Redis } from "ioredis";
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { IngestArticleDocument, RetractClaimDocument, type IngestArticleInput } from "../__generated__/graphql.js";
import { connectionName } from "../../src/events/redis-bus.js";
import { uniqueTag } from "../support/ids.js";
import { ServerProcess, serverOnRunNeo4j } from "../support/process.js";
import { RedisProcess } from "../support/redis.js";
import { removeArticles } from "../support/remove-articles.js";
import { EDITOR_TOKEN, postGraphQL, startTestServer, type TestServer } from "../support/server.js";
import { Subscriber, untilActiveSubscriptions, wsClient } from "../support/subscriptions.js";

const tag = uniqueTag("redis");
const SYMBOL = `R${tag.replace(/\W/g, "").slice(-8).toUpperCase()}`;
const url = (name: string) => `https://${name}.example/${tag}`;
let redis: RedisProcess;
const cleanup: Array<() => unknown> = [];

beforeAll(async () => {
  redis = await RedisProcess.start();
  const driver = neo4j.driver(
    inject("neo4jUri"),
    neo4j.auth.basic(process.env.NEO4J_USERNAME ?? "neo4j", process.env.NEO4J_PASSWORD ?? ""),
  );
  cleanup.push(
    () => driver.close(),
    () => removeArticles(driver, tag),
  );
});
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
  await redis?.kill();
});

function article(name: string): IngestArticleInput {
  return {
    url: url(name),
    title: `${name} ${tag}`,
    publishedAt: "2031-09-01T10:00:00Z",
    source: { domain: `${name}.example`, name },
    assets: [{ symbol: SYMBOL, name: `Asset ${SYMBOL}` }],
    macroFactors: [{ key: `${tag}-liquidity`, name: `Liquidity ${tag}` }],
    claims: [
      {
        key: "k",
        text: `${name}: liquidity moved it.`,
        relation: "CAUSES",
        confidence: 0.7,
        cause: { kind: "MACRO_FACTOR", key: `${tag}-liquidity` },
        effect: { kind: "ASSET", key: SYMBOL },
      },
    ],
  };
}

/** Ingests through `graphqlUrl` as an editor, expecting success. */
async function ingestThrough(graphqlUrl: string, input: IngestArticleInput) {
  const res = await postGraphQL<{ ingestArticle: { changed: boolean } }>(
    graphqlUrl,
    print(IngestArticleDocument),
    { input },
    { token: EDITOR_TOKEN },
  );
  expect(res.errors, input.url).toBeUndefined();
  return res.data!.ingestArticle;
}

/** The built server as a separate process on the run's Neo4j and this file's Redis. */
async function replica(): Promise<{ url: string; origin: string; pid: number }> {
  const child = new ServerProcess(serverOnRunNeo4j(inject("neo4jUri"), { EDITOR_TOKENS: EDITOR_TOKEN, REDIS_URL: redis.url }));
  cleanup.push(() => child.child.kill("SIGKILL"));
  const ready = await child.waitForLog((line) => line.msg?.startsWith("GraphQL API ready at ") ?? false);
  await child.waitForLog((line) => line.msg === "live updates flowing (Redis)");
  const graphqlUrl = String(ready.url);
  return { url: graphqlUrl, origin: new URL(graphqlUrl).origin, pid: child.child.pid! };
}

describe("events across replicas through Redis", () => {
  it("a subscriber on replica A receives an article ingested through B, and a retraction made on B", async () => {
    const [a, b] = await Promise.all([replica(), replica()]);
    const ws = wsClient(a.url);
    cleanup.push(() => ws.dispose());
    const articles = new Subscriber<{ articleIngested: { url: string } }>(
      ws,
      "subscription($f: ArticleFilter) { articleIngested(filter: $f) { url } }",
      { f: { asset: SYMBOL } },
    );
    const retractions = new Subscriber<{ claimRetracted: { key: string } }>(
      ws,
      "subscription($f: ClaimFilter) { claimRetracted(filter: $f) { key } }",
      { f: { asset: SYMBOL } },
    );
    await untilActiveSubscriptions(a.origin, (n) => n >= 2);

    await ingestThrough(b.url, article("through-b"));
    await articles.until((s) => s.data.length >= 1, "the article from B");
    expect(articles.data.map((d) => d.articleIngested.url)).toEqual([url("through-b")]);

    const claims = await postGraphQL<{ article: { claims: { id: string }[] } }>(
      b.url,
      `{ article(url: "${url("through-b")}") { claims { id } } }`,
    );
    const retracted = await postGraphQL(
      b.url,
      print(RetractClaimDocument),
      { id: claims.data!.article.claims[0]!.id, reason: "wrong" },
      { token: EDITOR_TOKEN },
    );
    expect(retracted.errors).toBeUndefined();
    await retractions.until((s) => s.data.length >= 1, "the retraction from B");
    expect(retractions.data).toEqual([{ claimRetracted: { key: "k" } }]);
  });
});

describe("Redis going away", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ REDIS_URL: redis.url });
    cleanup.push(() => server.close());
  });

  it("ingests still succeed, subscribers are told, and delivery resumes when Redis returns", async () => {
    const ws = wsClient(server.url);
    cleanup.push(() => ws.dispose());
    const status = new Subscriber<{ liveUpdatesStatus: { state: string } }>(ws, "subscription { liveUpdatesStatus { state since } }");
    const articles = new Subscriber<{ articleIngested: { url: string } }>(
      ws,
      "subscription($f: ArticleFilter) { articleIngested(filter: $f) { url } }",
      { f: { asset: SYMBOL } },
    );
    await status.until((s) => s.data.at(-1)?.liveUpdatesStatus.state === "LIVE", "LIVE");
    await untilActiveSubscriptions(server.origin, (n) => n >= 2);

    await redis.kill();
    await status.until((s) => s.data.at(-1)?.liveUpdatesStatus.state === "INTERRUPTED", "INTERRUPTED");
    // The article subscriber is told in its own stream, and stays subscribed.
    await articles.until(
      (s) => s.results.some((r) => r.errors?.[0]?.extensions?.code === "LIVE_UPDATES_INTERRUPTED"),
      "the interruption notice",
    );
    const during = await ingestThrough(server.url, article("during-outage"));
    expect(during.changed).toBe(true);

    await redis.resume();
    await status.until((s) => s.data.at(-1)?.liveUpdatesStatus.state === "LIVE", "LIVE again", 30_000);
    await ingestThrough(server.url, article("after-outage"));
    await articles.until((s) => s.data.some((d) => d.articleIngested.url === url("after-outage")), "the article after the outage");
    expect(articles.error).toBeUndefined();
    expect(status.data.map((d) => d.liveUpdatesStatus.state)).toEqual(["LIVE", "INTERRUPTED", "LIVE"]);
  });
});

describe("the publisher's connection dropping alone", () => {
  it("tells subscribers here and on other replicas that events were lost, instead of losing them silently", async () => {
    const [a, b] = await Promise.all([replica(), replica()]);
    const admin = new Redis(redis.url);
    cleanup.push(() => admin.disconnect());
    const subscribe = (server: { url: string }) => {
      const ws = wsClient(server.url);
      cleanup.push(() => ws.dispose());
      return {
        status: new Subscriber<{ liveUpdatesStatus: { state: string } }>(ws, "subscription { liveUpdatesStatus { state } }"),
        articles: new Subscriber<{ articleIngested: { url: string } }>(
          ws,
          "subscription($f: ArticleFilter) { articleIngested(filter: $f) { url } }",
          { f: { asset: SYMBOL } },
        ),
      };
    };
    const [onA, onB] = [subscribe(a), subscribe(b)];
    await untilActiveSubscriptions(a.origin, (n) => n >= 2);
    await untilActiveSubscriptions(b.origin, (n) => n >= 2);
    const interrupted = (s: Subscriber) => s.results.some((r) => r.errors?.[0]?.extensions?.code === "LIVE_UPDATES_INTERRUPTED");

    // Kill A's publisher connection, and keep it from reconnecting until the ingest has run.
    const clients = (await admin.client("LIST")) as string;
    const publisher = clients.split("\n").find((line) => line.includes(` name=${connectionName("publisher", a.pid)} `));
    const id = /\bid=(\d+)/.exec(publisher ?? "")?.[1];
    expect(id, clients).toBeDefined();
    const connected = Number(/connected_clients:(\d+)/.exec(await admin.info("clients"))![1]);
    await admin
      .multi()
      .config("SET", "maxclients", String(connected - 1))
      .client("KILL", "ID", id!)
      .exec();
    await onA.status.until((s) => s.data.at(-1)?.liveUpdatesStatus.state === "INTERRUPTED", "A interrupted");
    const during = await ingestThrough(a.url, article("during-kill"));
    expect(during.changed).toBe(true);
    await admin.config("SET", "maxclients", "10000");
    await onA.status.until((s) => s.data.at(-1)?.liveUpdatesStatus.state === "LIVE" && s.data.length >= 3, "A live again", 30_000);

    // A's own subscribers: told in their streams and by the status, which is LIVE again once A can publish.
    expect(onA.status.data.map((d) => d.liveUpdatesStatus.state)).toEqual(["LIVE", "INTERRUPTED", "LIVE"]);
    expect(interrupted(onA.articles)).toBe(true);
    // B's subscribers missed the same event: they are told too, when A can publish again.
    await onB.articles.until(interrupted, "the interruption notice on B");
    await onB.status.until((s) => s.data.map((d) => d.liveUpdatesStatus.state).join() === "LIVE,INTERRUPTED,LIVE", "B's status blip");

    // Delivery goes on everywhere afterwards.
    await ingestThrough(a.url, article("after-kill"));
    for (const on of [onA, onB]) {
      await on.articles.until((s) => s.data.some((d) => d.articleIngested.url === url("after-kill")), "the article after the kill");
      expect(on.articles.error).toBeUndefined();
    }
  });
});

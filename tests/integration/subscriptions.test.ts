import { print } from "graphql";
import { SignJWT } from "jose";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { IngestArticleDocument, RetractClaimDocument, type IngestArticleInput } from "../__generated__/graphql.js";
import { uniqueTag } from "../support/ids.js";
import { ingestOk } from "../support/ingest.js";
import { removeArticles } from "../support/remove-articles.js";
import { EDITOR_TOKEN, postGraphQL, startTestServer, type TestServer, useTestServer } from "../support/server.js";
import { metric, Subscriber, untilActiveSubscriptions, wsClient } from "../support/subscriptions.js";

const server = useTestServer();
const tag = uniqueTag("live");
const SYMBOL = `L${tag.replace(/\W/g, "").slice(-8).toUpperCase()}`;
const OTHER = `O${tag.replace(/\W/g, "").slice(-8).toUpperCase()}`;
const EVENT = `${tag}-hack`;
const url = (name: string) => `https://${name}.example/${tag}`;
const clients: ReturnType<typeof wsClient>[] = [];

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await removeArticles(server.driver, tag);
});

function client(params?: Record<string, unknown>, target: TestServer = server) {
  const c = wsClient(target.url, params);
  clients.push(c);
  return c;
}

const hackMovesAsset = (key: string, confidence: number, extra: Record<string, unknown> = {}) => ({
  key,
  text: `The hack moved the token (${key}).`,
  relation: "CAUSES" as const,
  confidence,
  cause: { kind: "EVENT" as const, key: EVENT },
  effect: { kind: "ASSET" as const, key: SYMBOL },
  ...extra,
});

function article(
  name: string,
  symbol: string,
  claims: IngestArticleInput["claims"] = [],
  extra: Partial<IngestArticleInput> = {},
): IngestArticleInput {
  return {
    url: url(name),
    title: `${name} ${tag}`,
    publishedAt: "2031-08-01T10:00:00Z",
    source: { domain: `${name}.example`, name },
    assets: [{ symbol, name: `Asset ${symbol}` }],
    events: [
      {
        key: EVENT,
        kind: "HACK",
        title: `Bridge hack ${tag}`,
        occurredAt: "2031-08-01T08:00:00Z",
        affects: [{ kind: "ASSET", key: SYMBOL }],
      },
    ],
    claims,
    ...extra,
  };
}

const JWT_SECRET = "a-shared-secret-of-at-least-32-characters";

/** An HS256 JWT signed with the strict server's secret, expiring at `exp` (seconds). */
const jwt = (claims: Record<string, unknown>, exp: number) =>
  new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).setIssuedAt().setExpirationTime(exp).sign(new TextEncoder().encode(JWT_SECRET));

const ARTICLES = `subscription Articles($filter: ArticleFilter) { articleIngested(filter: $filter) { url title } }`;
const CLAIMS = `subscription Claims($filter: ClaimFilter) {
  claimAdded(filter: $filter) {
    key confidence polarity
    cause { __typename ... on Event { key } }
    effect { __typename ... on Asset { symbol } }
    attributedTo { domain }
    article { url }
  }
}`;
const RETRACTIONS = `subscription Retractions($filter: ClaimFilter) { claimRetracted(filter: $filter) { key retractedAt retractionReason } }`;

describe("subscriptions over graphql-ws", () => {
  let baseline = 0;
  beforeAll(async () => {
    baseline = await untilActiveSubscriptions(server.origin, () => true);
  });

  it("deliver exactly the matching articles and claims, in commit order, and nothing for a repeated or rejected ingest", async () => {
    const ws = client();
    const articles = new Subscriber<{ articleIngested: { url: string } }>(ws, ARTICLES, { filter: { asset: SYMBOL } });
    const confident = new Subscriber<{
      claimAdded: {
        key: string;
        cause: { key: string };
        effect: { symbol: string };
        attributedTo: { domain: string }[];
        article: { url: string };
      };
    }>(ws, CLAIMS, { filter: { asset: SYMBOL, minConfidence: 0.6 } });
    const denials = new Subscriber<{ claimAdded: { key: string } }>(ws, CLAIMS, { filter: { asset: SYMBOL, polarity: "DENIED" } });
    const elsewhere = new Subscriber(ws, CLAIMS, { filter: { asset: OTHER } });
    const published = new Subscriber<{ claimAdded: { key: string } }>(ws, CLAIMS, {
      filter: { asset: SYMBOL, from: "2031-08-02T00:00:00Z", to: "2031-08-04T00:00:00Z" },
    });
    await untilActiveSubscriptions(server.origin, (n) => n >= baseline + 5);

    await ingestOk(
      server,
      article("first", SYMBOL, [
        hackMovesAsset("a-strong", 0.8, { attributedTo: ["wire.example"] }),
        hackMovesAsset("b-weak", 0.5),
        hackMovesAsset("c-denied", 0.7, { polarity: "DENIED" }),
      ]),
    );
    await ingestOk(server, article("second", SYMBOL, [hackMovesAsset("d-later", 0.9)], { publishedAt: "2031-08-03T10:00:00Z" }));
    await ingestOk(server, article("unrelated", OTHER, [], { events: [] }));
    // The same content again (nothing written), and an ingest that fails validation.
    const repeat = await ingestOk(
      server,
      article("first", SYMBOL, [
        hackMovesAsset("a-strong", 0.8, { attributedTo: ["wire.example"] }),
        hackMovesAsset("b-weak", 0.5),
        hackMovesAsset("c-denied", 0.7, { polarity: "DENIED" }),
      ]),
    );
    expect(repeat.changed).toBe(false);
    const rejected = await server.request(
      IngestArticleDocument,
      { input: article("rejected", SYMBOL, [hackMovesAsset("x", 0.9, { cause: { kind: "EVENT", key: `${tag}-nope` } })]) },
      { token: EDITOR_TOKEN },
    );
    expect(rejected.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    // A last article: once it arrives, everything committed before it has been delivered.
    await ingestOk(server, article("last", SYMBOL));
    await articles.until((s) => s.data.some((d) => d.articleIngested.url === url("last")), "the last article");
    await confident.until((s) => s.data.length >= 3, "three confident claims");

    expect(articles.data.map((d) => d.articleIngested.url)).toEqual([url("first"), url("second"), url("last")]);
    expect(confident.data.map((d) => d.claimAdded.key)).toEqual(["a-strong", "c-denied", "d-later"]);
    expect(confident.data[0]!.claimAdded).toMatchObject({
      cause: { key: EVENT },
      effect: { symbol: SYMBOL },
      attributedTo: [{ domain: "wire.example" }],
      article: { url: url("first") },
    });
    expect(denials.data.map((d) => d.claimAdded.key)).toEqual(["c-denied"]);
    // Only the claim of the article published in the window.
    expect(published.data.map((d) => d.claimAdded.key)).toEqual(["d-later"]);
    expect(elsewhere.results).toEqual([]);
    expect(articles.results.every((r) => r.errors === undefined)).toBe(true);
  });

  it("send each event as the graph has it then: a new version of an article arrives with its new fields", async () => {
    const ws = client();
    const articles = new Subscriber<{ articleIngested: { url: string; title: string } }>(ws, ARTICLES, { filter: { asset: SYMBOL } });
    await untilActiveSubscriptions(server.origin, (n) => n >= baseline + 1);
    await ingestOk(server, article("versioned", SYMBOL, [], { title: `v1 ${tag}` }));
    await ingestOk(server, article("versioned", SYMBOL, [], { title: `v2 ${tag}` }));
    await articles.until((s) => s.data.length >= 2, "both versions");
    expect(articles.data.map((d) => d.articleIngested.title)).toEqual([`v1 ${tag}`, `v2 ${tag}`]);
  });

  it("announce a claim when it is first retracted, and not again", async () => {
    const ws = client();
    const retractions = new Subscriber<{ claimRetracted: { key: string; retractionReason: string } }>(ws, RETRACTIONS, {
      filter: { asset: SYMBOL },
    });
    await untilActiveSubscriptions(server.origin, (n) => n >= baseline + 1);
    const ids = await postGraphQL<{ article: { claims: { id: string; key: string }[] } }>(
      server.url,
      `{ article(url: "${url("second")}") { claims { id key } } }`,
    );
    const id = ids.data!.article.claims.find((c) => c.key === "d-later")!.id;
    for (const reason of ["wrong figure", "asked twice"]) {
      const res = await server.request(RetractClaimDocument, { id, reason }, { token: EDITOR_TOKEN });
      expect(res.errors).toBeUndefined();
    }
    await retractions.until((s) => s.data.length >= 1, "the retraction");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(retractions.data.map((d) => d.claimRetracted)).toEqual([
      { key: "d-later", retractedAt: expect.any(String), retractionReason: "wrong figure" },
    ]);
  });

  it("refuse queries and mutations over WebSocket, and a bad filter, with typed errors", async () => {
    const ws = client();
    const query = new Subscriber(ws, "{ __typename }");
    const badFilter = new Subscriber(ws, CLAIMS, { filter: { minConfidence: 7 } });
    await query.until((s) => s.error !== undefined, "the refusal");
    await badFilter.until((s) => s.error !== undefined || s.results.length > 0, "the bad filter's answer");
    expect(JSON.stringify(query.error)).toContain("Only subscriptions run over WebSocket");
    expect(JSON.stringify(badFilter.error ?? badFilter.results)).toContain("BAD_USER_INPUT");
  });

  it("hold a subscription to the HTTP path's cost, field and token limits before it starts", async () => {
    const ws = client();
    const nested = new Subscriber(
      ws,
      `subscription { articleIngested { source { articles(first: 200) { edges { node { source { articles(first: 200) { edges { node { id title } } } } } } } } } }`,
    );
    const wide = new Subscriber(ws, `subscription { articleIngested { ${"title ".repeat(450)} } }`);
    const long = new Subscriber(ws, `subscription { articleIngested { ${"url ".repeat(5_000)} } }`);
    for (const [subscriber, limit] of [
      [nested, "cost"],
      [wide, "fields"],
      [long, "tokens"],
    ] as const) {
      await subscriber.until((s) => s.error !== undefined, `the ${limit} refusal`);
      expect(subscriber.error).toMatchObject([{ extensions: { code: "QUERY_TOO_COMPLEX", limit } }]);
      expect((subscriber.error as { extensions: object }[])[0]!.extensions).not.toHaveProperty("http");
    }
    expect([nested, wide, long].every((s) => s.results.length === 0)).toBe(true);
  });

  it("end a client's streams when it leaves", async () => {
    const before = await untilActiveSubscriptions(server.origin, () => true);
    const ws = client();
    new Subscriber(ws, ARTICLES, { filter: { asset: SYMBOL } });
    new Subscriber(ws, CLAIMS, {});
    await untilActiveSubscriptions(server.origin, (n) => n === before + 2);
    await ws.dispose();
    await untilActiveSubscriptions(server.origin, (n) => n === before);
  });
});

describe("subscription limits and auth", () => {
  let strict: TestServer;
  const opened: ReturnType<typeof wsClient>[] = [];
  beforeAll(async () => {
    strict = await startTestServer({
      SUBSCRIPTIONS_REQUIRE_AUTH: "true",
      SUBSCRIPTIONS_MAX_PER_CONNECTION: "2",
      SUBSCRIPTIONS_MAX_CONNECTIONS: "3",
      JWT_SECRET,
      JWT_CLOCK_TOLERANCE_SECONDS: "0",
    });
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((c) => c.dispose()));
  });
  afterAll(() => strict?.close());

  it("closes a connection without a valid token with 4403 when subscriptions are private", async () => {
    for (const params of [undefined, { authorization: "Bearer not-a-valid-token-000000000" }]) {
      const ws = wsClient(strict.url, params);
      opened.push(ws);
      const sub = new Subscriber(ws, ARTICLES);
      await sub.until((s) => s.error !== undefined, "the close");
      expect((sub.error as { code?: number }).code).toBe(4403);
    }
  });

  it("accepts the same bearer tokens as HTTP, and at most the configured subscriptions per connection", async () => {
    const ws = wsClient(strict.url, { authorization: `Bearer ${EDITOR_TOKEN}` });
    opened.push(ws);
    const first = new Subscriber(ws, ARTICLES);
    const second = new Subscriber(ws, CLAIMS);
    await untilActiveSubscriptions(strict.origin, (n) => n >= 2);
    const third = new Subscriber(ws, RETRACTIONS);
    await third.until((s) => s.error !== undefined, "the refusal");
    expect(JSON.stringify(third.error)).toContain("TOO_MANY_SUBSCRIPTIONS");
    expect(first.error).toBeUndefined();
    expect(second.error).toBeUndefined();
  });

  it("accepts an editor JWT without a sub, as HTTP does", async () => {
    const token = await jwt({ roles: ["editor"] }, Math.floor(Date.now() / 1000) + 300);
    const written = await postGraphQL(
      strict.url,
      "mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { created } }",
      { input: article("nosub", OTHER) },
      { token },
    );
    expect(written.errors).toBeUndefined();
    const ws = wsClient(strict.url, { authorization: `Bearer ${token}` });
    opened.push(ws);
    const sub = new Subscriber(ws, ARTICLES);
    await untilActiveSubscriptions(strict.origin, (n) => n >= 1);
    expect(sub.error).toBeUndefined();
  });

  it("closes a connection with 4403 when its JWT expires, as HTTP starts answering 401 for it", async () => {
    await untilConnections(strict.origin, 0);
    const exp = Math.floor(Date.now() / 1000) + 3;
    const token = await jwt({ sub: "short-lived", roles: ["editor"] }, exp);
    const ws = wsClient(strict.url, { authorization: `Bearer ${token}` });
    opened.push(ws);
    const sub = new Subscriber<{ articleIngested: { url: string } }>(ws, ARTICLES, { filter: { asset: SYMBOL } });
    await untilActiveSubscriptions(strict.origin, (n) => n >= 1);
    const before = await postGraphQL(strict.url, print(IngestArticleDocument), { input: article("before-expiry", SYMBOL) }, { token });
    expect(before.errors).toBeUndefined();
    await sub.until((s) => s.data.length === 1, "the article before expiry");

    await sub.until((s) => s.error !== undefined, "the close at expiry", 10_000);
    expect(Date.now()).toBeGreaterThanOrEqual(exp * 1000);
    expect(sub.error).toMatchObject({ code: 4403, reason: "Forbidden: the token has expired" });
    const after = await postGraphQL(strict.url, print(IngestArticleDocument), { input: article("after-expiry", SYMBOL) }, { token });
    expect(after.status).toBe(401);
    await ingestOk(strict, article("after-expiry", SYMBOL));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sub.data.map((d) => d.articleIngested.url)).toEqual([url("before-expiry")]);
  });

  it("lets only subscriptions that pass validation hold a slot: a burst of invalid ones gets their own errors", async () => {
    await untilConnections(strict.origin, 0);
    const ws = wsClient(strict.url, { authorization: `Bearer ${EDITOR_TOKEN}` });
    opened.push(ws);
    const invalid = Array.from({ length: 6 }, () => new Subscriber(ws, "subscription { articleIngested { noSuchField } }"));
    const valid = [new Subscriber(ws, ARTICLES), new Subscriber(ws, CLAIMS)];
    for (const sub of invalid) await sub.until((s) => s.error !== undefined, "the validation error");
    for (const sub of invalid) expect(JSON.stringify(sub.error)).toContain('Cannot query field \\"noSuchField\\"');
    await untilActiveSubscriptions(strict.origin, (n) => n >= 2);
    expect(valid.map((s) => s.error)).toEqual([undefined, undefined]);
    const third = new Subscriber(ws, RETRACTIONS);
    await third.until((s) => s.error !== undefined, "the refusal");
    expect(JSON.stringify(third.error)).toContain("TOO_MANY_SUBSCRIPTIONS");
  });

  it("closes connections over SUBSCRIPTIONS_MAX_CONNECTIONS with 1013 (try again later)", async () => {
    // Earlier tests' connections are gone first, so exactly these count.
    await untilConnections(strict.origin, 0);
    const auth = { authorization: `Bearer ${EDITOR_TOKEN}` };
    const admitted = [1, 2, 3].map(() => {
      const ws = wsClient(strict.url, auth);
      opened.push(ws);
      return new Subscriber(ws, ARTICLES);
    });
    await untilActiveSubscriptions(strict.origin, (n) => n >= 3);
    const ws = wsClient(strict.url, auth);
    opened.push(ws);
    const refused = new Subscriber(ws, ARTICLES);
    await refused.until((s) => s.error !== undefined, "the refusal");
    expect((refused.error as { code?: number }).code).toBe(1013);
    expect(admitted.map((s) => s.error)).toEqual([undefined, undefined, undefined]);
  });

  it("pings, and closes a connection that stops answering (a vanished client), ending its subscriptions", async () => {
    const quick = await startTestServer({ SUBSCRIPTIONS_KEEPALIVE_MS: "1000" });
    try {
      const socket = new WebSocket(quick.url.replace(/^http/, "ws"), "graphql-transport-ws");
      const acked = new Promise((resolve) => socket.on("message", (data) => String(data).includes("connection_ack") && resolve(true)));
      await new Promise((resolve) => socket.once("open", resolve));
      socket.send(JSON.stringify({ type: "connection_init" }));
      await acked;
      socket.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query: "subscription { articleIngested { url } }" } }));
      await untilActiveSubscriptions(quick.origin, (n) => n === 1);
      // The client's machine goes quiet: no pongs any more.
      (socket as unknown as { _socket: { pause(): void } })._socket.pause();
      await untilConnections(quick.origin, 0);
      await untilActiveSubscriptions(quick.origin, (n) => n === 0);
      socket.terminate();
    } finally {
      await quick.close();
    }
  });

  it("closes open sockets with 1001 (going away) when the server shuts down", async () => {
    const other = await startTestServer();
    const ws = wsClient(other.url);
    opened.push(ws);
    const sub = new Subscriber(ws, ARTICLES);
    await untilActiveSubscriptions(other.origin, (n) => n >= 1);
    await other.close();
    await sub.until((s) => s.error !== undefined, "the close");
    expect((sub.error as { code?: number }).code).toBe(1001);
  });
});

async function untilConnections(origin: string, count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await metric(origin, "graphql_ws_connections")) !== count) {
    if (Date.now() > deadline) throw new Error(`WebSocket connections did not reach ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

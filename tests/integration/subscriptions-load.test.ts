import { afterAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { IngestArticleInput } from "../__generated__/graphql.js";
import { uniqueTag } from "../support/ids.js";
import { ingestOk } from "../support/ingest.js";
import { removeArticles } from "../support/remove-articles.js";
import { startTestServer, type TestServer } from "../support/server.js";
import { metric, Subscriber, untilActiveSubscriptions, wsClient } from "../support/subscriptions.js";

const tag = uniqueTag("load");
const SYMBOL = `W${tag.replace(/\W/g, "").slice(-8).toUpperCase()}`;
const servers: TestServer[] = [];
afterAll(async () => {
  if (servers[0]) await removeArticles(servers[0].driver, tag);
  for (const server of servers) await server.close();
});

async function server(env: Record<string, string> = {}) {
  const started = await startTestServer(env);
  servers.push(started);
  return started;
}

let serial = 0;
function article(body = "A short note."): IngestArticleInput {
  serial += 1;
  return {
    url: `https://load.example/${tag}/${serial}`,
    title: `Load ${serial} ${tag}`,
    publishedAt: "2031-10-01T10:00:00Z",
    source: { domain: "load.example", name: "Load" },
    body,
    assets: [{ symbol: SYMBOL, name: `Asset ${SYMBOL}` }],
    macroFactors: [{ key: `${tag}-rates`, name: `Rates ${tag}` }],
    claims: [
      {
        key: "k",
        text: "Rates moved it.",
        relation: "CAUSES",
        confidence: 0.7,
        cause: { kind: "MACRO_FACTOR", key: `${tag}-rates` },
        effect: { kind: "ASSET", key: SYMBOL },
      },
    ],
  };
}

/** Used heap after a full collection (this process runs the server). */
function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with --expose-gc (vitest.config.ts sets it)");
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe("subscribers that come and go", () => {
  it("200 subscribers connecting and dropping while ingests run leave no stream, socket or heap behind", async () => {
    const api = await server();
    const round = async (subscribers: number) => {
      const clients = Array.from({ length: subscribers }, () => wsClient(api.url));
      const subs = clients.map(
        (client) =>
          new Subscriber(
            client,
            "subscription($f: ClaimFilter) { claimAdded(filter: $f) { key cause { __typename } attributedTo { domain } } }",
            { f: { asset: SYMBOL } },
          ),
      );
      await untilActiveSubscriptions(api.origin, (n) => n >= subscribers);
      // Half leave at once; the others after an event reached them, with the next ingest under way.
      await Promise.all(clients.slice(0, subscribers / 2).map((client) => client.dispose()));
      await ingestOk(api, article());
      await Promise.all(subs.slice(subscribers / 2).map((sub) => sub.until((s) => s.data.length >= 1, "an event")));
      const pending = ingestOk(api, article());
      await Promise.all(clients.slice(subscribers / 2).map((client) => client.dispose()));
      await pending;
    };

    const listeners = await metric(api.origin, "live_event_bus_listeners");
    await round(50); // warm-up: compiled code, pools, caches
    await untilActiveSubscriptions(api.origin, (n) => n === 0);
    const before = heapAfterGc();
    for (let i = 0; i < 4; i += 1) await round(50);
    await untilActiveSubscriptions(api.origin, (n) => n === 0);
    const deadline = Date.now() + 10_000;
    while ((await metric(api.origin, "graphql_ws_connections")) > 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await metric(api.origin, "graphql_ws_connections")).toBe(0);
    expect(await metric(api.origin, "live_event_bus_listeners")).toBe(listeners);
    const grown = heapAfterGc() - before;
    // 200 subscribers held nothing once gone: a leak of even 40 KB each would show as 8 MB.
    expect(grown, `heap grew by ${(grown / 1e6).toFixed(1)} MB`).toBeLessThan(8e6);
    console.info(`heap after 200 subscribers came and went: ${(grown / 1e6).toFixed(2)} MB more than before`);
  });

  it("a subscriber that stops reading is cut off once its queue is full, while ingests go on", async () => {
    const api = await server({ SUBSCRIPTION_QUEUE_LIMIT: "5" });
    // A raw graphql-transport-ws client, so its socket can stop reading.
    const socket = new WebSocket(api.url.replace(/^http/, "ws"), "graphql-transport-ws");
    const messages: Array<{ type: string; payload?: unknown }> = [];
    socket.on("message", (data) => messages.push(JSON.parse(String(data)) as { type: string }));
    await new Promise((resolve) => socket.once("open", resolve));
    socket.send(JSON.stringify({ type: "connection_init" }));
    const until = async (predicate: () => boolean, what: string) => {
      const deadline = Date.now() + 20_000;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    };
    await until(() => messages.some((m) => m.type === "connection_ack"), "connection_ack");
    socket.send(
      JSON.stringify({
        id: "slow",
        type: "subscribe",
        payload: { query: `subscription { articleIngested(filter: { asset: "${SYMBOL}" }) { url body } }` },
      }),
    );
    const baseline = await untilActiveSubscriptions(api.origin, (n) => n >= 1);
    (socket as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();

    // Each event carries a 180 KB body: the socket's buffers fill after a few, then the queue.
    const body = "Markets moved. ".repeat(12_000);
    for (let i = 0; i < 30; i += 1) expect((await ingestOk(api, article(body))).changed).toBe(true);
    await untilActiveSubscriptions(api.origin, (n) => n === baseline - 1);
    expect(await metric(api.origin, "graphql_ws_connections")).toBe(1); // the connection stays; its stream is gone

    (socket as unknown as { _socket: { resume(): void } })._socket.resume();
    await until(() => messages.some((m) => m.type === "complete"), "the stream's end");
    const last = messages.filter((m) => m.type === "next").at(-1) as { payload: { errors?: Array<{ extensions?: { code?: string } }> } };
    expect(last.payload.errors?.[0]?.extensions?.code).toBe("SUBSCRIBER_TOO_SLOW");
    const delivered = messages.filter((m) => m.type === "next").length;
    expect(delivered).toBeLessThan(30); // it was never sent everything: the rest was dropped, not buffered
    socket.close();
  });
});

import type { ExecutionResult } from "graphql";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";

/** A graphql-ws client of the server at `httpUrl` (its /graphql URL), over the `ws` package. */
export function wsClient(httpUrl: string, connectionParams?: Record<string, unknown>): Client {
  return createClient({
    url: httpUrl.replace(/^http/, "ws"),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
  });
}

/** One subscription's messages as a client sees them: results (data or errors), then an error or completion. */
export class Subscriber<T = Record<string, unknown>> {
  readonly results: ExecutionResult<T>[] = [];
  error: unknown = undefined;
  completed = false;
  readonly stop: () => void;

  constructor(client: Client, query: string, variables?: Record<string, unknown>) {
    this.stop = client.subscribe<T>(
      { query, variables },
      {
        next: (result) => void this.results.push(result as ExecutionResult<T>),
        error: (error) => {
          this.error = error;
        },
        complete: () => {
          this.completed = true;
        },
      },
    );
  }

  /** The data of every result received so far. */
  get data(): T[] {
    return this.results.flatMap((result) => (result.data ? [result.data] : []));
  }

  /** Waits until `predicate` holds (checked every 25 ms), or fails after `timeoutMs`. */
  async until(predicate: (subscriber: this) => boolean, what: string, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this)) {
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(this.results)} error=${String(this.error)}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/** A gauge or counter of the server's /metrics (the first series of that name). */
export async function metric(origin: string, name: string): Promise<number> {
  const text = await (await fetch(new URL("/metrics", origin))).text();
  const line = text.split("\n").find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  if (!line) throw new Error(`no metric ${name}`);
  return Number(line.split(" ").at(-1));
}

/** Waits until the server has `count` open subscription streams (so events published next reach them). */
export async function untilActiveSubscriptions(origin: string, predicate: (count: number) => boolean, timeoutMs = 15_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const count = await metric(origin, "graphql_subscriptions_active");
    if (predicate(count)) return count;
    if (Date.now() > deadline) throw new Error(`active subscriptions stayed at ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

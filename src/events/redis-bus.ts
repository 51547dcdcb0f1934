import { EventEmitter } from "node:events";
import { Redis, type RedisOptions } from "ioredis";
import type { Logger } from "pino";
import type { BusState, EventBus, GraphEvent } from "./events.js";

/** The Redis pub/sub channel every replica publishes to and listens on. */
export const EVENTS_CHANNEL = "market-narrative-graph:events";

/** Longest wait between reconnection attempts while Redis is away (ms). */
const MAX_RECONNECT_DELAY_MS = 2_000;

/**
 * Events across replicas through Redis pub/sub: every replica publishes what it commits and
 * delivers what any replica published. While Redis is away, publishing fails fast (the write
 * that caused it has committed and stays committed), `state` is INTERRUPTED, and the client
 * keeps reconnecting; once Redis is back the subscription is restored and delivery resumes.
 */
export class RedisEventBus implements EventBus {
  private readonly local = new EventEmitter().setMaxListeners(0);
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private current: BusState = "INTERRUPTED";

  constructor(url: string, private readonly logger: Logger) {
    const options: RedisOptions = {
      // Fail a publish at once rather than queue it while Redis is away: writes must not wait on it.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (attempt) => Math.min(attempt * 200, MAX_RECONNECT_DELAY_MS),
      connectionName: "market-narrative-graph",
    };
    this.publisher = new Redis(url, options);
    // The subscriber may queue its SUBSCRIBE until connected, and restores it on every reconnect.
    this.subscriber = new Redis(url, { ...options, enableOfflineQueue: true, maxRetriesPerRequest: null, autoResubscribe: true });
    this.publisher.on("error", (error: Error) => this.logger.debug({ err: error }, "redis publisher error"));
    this.subscriber.on("error", (error: Error) => this.logger.debug({ err: error }, "redis subscriber error"));
    this.subscriber.on("message", (_channel: string, message: string) => this.deliver(message));
    this.subscriber.on("ready", () => this.setState("LIVE"));
    this.subscriber.on("close", () => this.setState("INTERRUPTED"));
    this.subscriber.subscribe(EVENTS_CHANNEL).catch((error: unknown) => this.logger.warn({ err: error }, "could not subscribe to Redis yet; retrying"));
  }

  get state(): BusState {
    return this.current;
  }

  /** Resolves once the subscription to the channel is active (or rejects after `timeoutMs`). */
  async ready(timeoutMs = 10_000): Promise<void> {
    if (this.current === "LIVE") return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Redis did not answer within ${timeoutMs} ms`)), timeoutMs);
      const off = this.onStateChange((state) => {
        if (state !== "LIVE") return;
        clearTimeout(timer);
        off();
        resolve();
      });
    });
  }

  async publish(events: readonly GraphEvent[]): Promise<void> {
    if (events.length === 0) return;
    try {
      // One round trip, in commit order (Redis keeps a connection's order).
      const pipeline = this.publisher.pipeline();
      for (const event of events) pipeline.publish(EVENTS_CHANNEL, JSON.stringify(event));
      const results = (await pipeline.exec()) ?? [];
      const failed = results.find(([error]) => error);
      if (failed) throw failed[0];
    } catch (error) {
      this.logger.warn({ err: error, events: events.length }, "live events not delivered: Redis is unavailable");
    }
  }

  subscribe(listener: (event: GraphEvent) => void): () => void {
    this.local.on("event", listener);
    return () => this.local.off("event", listener);
  }

  onStateChange(listener: (state: BusState) => void): () => void {
    this.local.on("state", listener);
    return () => this.local.off("state", listener);
  }

  listenerCount(): number {
    return this.local.listenerCount("event") + this.local.listenerCount("state");
  }

  async close(): Promise<void> {
    this.local.removeAllListeners();
    this.subscriber.disconnect();
    this.publisher.disconnect();
  }

  private deliver(message: string): void {
    try {
      this.local.emit("event", JSON.parse(message) as GraphEvent);
    } catch (error) {
      this.logger.warn({ err: error }, "ignored a malformed message on the events channel");
    }
  }

  private setState(state: BusState): void {
    if (state === this.current) return;
    this.current = state;
    this.logger[state === "LIVE" ? "info" : "warn"]({ state }, state === "LIVE" ? "live updates flowing (Redis)" : "live updates interrupted: Redis is unreachable");
    this.local.emit("state", state);
  }
}

import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import { hostname } from "node:os";
import { Redis, type RedisOptions } from "ioredis";
import type { Logger } from "pino";
import type { BusState, EventBus, GraphEvent } from "./events.js";

/** The Redis pub/sub channel every replica publishes to and listens on. */
const EVENTS_CHANNEL = "market-narrative-graph:events";

/** The CLIENT LIST name of a replica's connection: its role, host and process id, so an operator can tell them apart. */
export function connectionName(role: "publisher" | "subscriber", pid = process.pid): string {
  return `market-narrative-graph:${role}:${hostname().replace(/\s/g, "_")}:${pid}`;
}

/** Longest wait between reconnection attempts while Redis is away (ms). */
const MAX_RECONNECT_DELAY_MS = 2_000;

/**
 * Sent on the channel by a replica whose publishing failed once it can publish again: every
 * other replica tells its subscribers that events may have been missed.
 */
interface EventsLostMessage {
  readonly type: "eventsLost";
  readonly replica: string;
}

/**
 * Events across replicas through Redis pub/sub: every replica publishes what it commits and
 * delivers what any replica published. Live only while both connections are up and the last
 * publish went through. While either is away, publishing fails fast (the write that caused it
 * has committed and stays committed), `state` is INTERRUPTED, and the clients keep
 * reconnecting; once both are back (the subscription restored) delivery resumes. Events that a
 * replica failed to publish are announced to every replica as lost when it can publish again,
 * so subscribers elsewhere are told too.
 */
export class RedisEventBus implements EventBus {
  private readonly local = new EventEmitter().setMaxListeners(0);
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly replica = randomUUID();
  private subscribed = false;
  private canPublish = false;
  /** Events this replica could not publish since it last could: told to the others when it can again. */
  private lostEvents = false;
  private current: BusState = "INTERRUPTED";

  constructor(
    url: string,
    private readonly logger: Logger,
  ) {
    const options: RedisOptions = {
      // Fail a publish at once rather than queue it while Redis is away: writes must not wait on it.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (attempt) => Math.min(attempt * 200, MAX_RECONNECT_DELAY_MS),
    };
    this.publisher = new Redis(url, { ...options, connectionName: connectionName("publisher") });
    // The subscriber may queue its SUBSCRIBE until connected, and restores it on every reconnect.
    this.subscriber = new Redis(url, {
      ...options,
      connectionName: connectionName("subscriber"),
      enableOfflineQueue: true,
      maxRetriesPerRequest: null,
      autoResubscribe: true,
    });
    this.publisher.on("error", (error: Error) => this.logger.debug({ err: error }, "redis publisher error"));
    this.subscriber.on("error", (error: Error) => this.logger.debug({ err: error }, "redis subscriber error"));
    this.subscriber.on("message", (_channel: string, message: string) => this.deliver(message));
    this.subscriber.on("ready", () => this.update({ subscribed: true }));
    this.subscriber.on("close", () => this.update({ subscribed: false }));
    this.publisher.on("ready", () => void this.publisherBack());
    this.publisher.on("close", () => this.update({ canPublish: false }));
    this.subscriber
      .subscribe(EVENTS_CHANNEL)
      .catch((error: unknown) => this.logger.warn({ err: error }, "could not subscribe to Redis yet; retrying"));
  }

  get state(): BusState {
    return this.current;
  }

  /** Resolves once both connections are up and the subscription to the channel is active (or rejects after `timeoutMs`). */
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
      await this.send(events);
    } catch (error) {
      this.logger.warn({ err: error, events: events.length }, "live events not delivered: Redis is unavailable");
      this.lostEvents = true;
      this.update({ canPublish: false });
      // The connection may look up while commands fail: find out when it answers again.
      if (this.publisher.status === "ready") void this.publisherBack();
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

  /** One round trip, in order (Redis keeps a connection's order); throws when any message was not published. */
  private async send(messages: readonly (GraphEvent | EventsLostMessage)[]): Promise<void> {
    const pipeline = this.publisher.pipeline();
    for (const message of messages) pipeline.publish(EVENTS_CHANNEL, JSON.stringify(message));
    const results = (await pipeline.exec()) ?? [];
    const failed = results.find(([error]) => error);
    if (failed) throw failed[0];
  }

  /** The publisher is connected again: once it answers, tell the other replicas what was lost, and publishing is live. */
  private async publisherBack(): Promise<void> {
    try {
      if (this.lostEvents) {
        await this.send([{ type: "eventsLost", replica: this.replica }]);
        this.lostEvents = false;
      } else {
        await this.publisher.ping();
      }
      this.update({ canPublish: true });
    } catch (error) {
      // Still failing: the next "ready" (or publish) tries again.
      this.logger.debug({ err: error }, "redis publisher not answering yet");
    }
  }

  private deliver(message: string): void {
    let parsed: GraphEvent | EventsLostMessage;
    try {
      parsed = JSON.parse(message) as GraphEvent | EventsLostMessage;
    } catch (error) {
      this.logger.warn({ err: error }, "ignored a malformed message on the events channel");
      return;
    }
    if (parsed.type !== "eventsLost") {
      this.local.emit("event", parsed);
    } else if (parsed.replica !== this.replica && this.current === "LIVE") {
      // Another replica could not publish for a while: subscribers here missed its events too.
      this.logger.warn({ replica: parsed.replica }, "live events of another replica were lost while it could not reach Redis");
      this.local.emit("state", "INTERRUPTED");
      this.local.emit("state", "LIVE");
    }
  }

  private update(change: { subscribed?: boolean; canPublish?: boolean }): void {
    this.subscribed = change.subscribed ?? this.subscribed;
    this.canPublish = change.canPublish ?? this.canPublish;
    const state: BusState = this.subscribed && this.canPublish ? "LIVE" : "INTERRUPTED";
    if (state === this.current) return;
    this.current = state;
    const why = this.subscribed ? "cannot publish to Redis" : "not subscribed to Redis";
    this.logger[state === "LIVE" ? "info" : "warn"](
      { state },
      state === "LIVE" ? "live updates flowing (Redis)" : `live updates interrupted: ${why}`,
    );
    this.local.emit("state", state);
  }
}

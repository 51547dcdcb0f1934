import type { BusState, EventBus, GraphEvent } from "../events/events.js";

/** Told to a subscriber in its stream: delivery stopped (the bus is away), or it fell too far behind and is dropped. */
export type StreamNotice = { readonly notice: "INTERRUPTED" } | { readonly notice: "TOO_SLOW"; readonly limit: number };

export type StreamItem<T> = T | StreamNotice;

export const isNotice = <T>(item: StreamItem<T>): item is StreamNotice => typeof item === "object" && item !== null && "notice" in item;

/**
 * A subscription's items in arrival order, in a queue of at most `limit`. A subscriber that
 * lets the queue fill (a slow or vanished client) gets a TOO_SLOW notice and the stream ends,
 * so it never holds more than `limit` items nor slows anyone else: arrivals only append.
 * `attach` starts the arrivals and returns what stops them; they stop when the stream ends,
 * however it ends (the client leaving included).
 */
export class BoundedStream<T> implements AsyncIterableIterator<StreamItem<T>> {
  private readonly queue: StreamItem<T>[] = [];
  private waiting: ((result: IteratorResult<StreamItem<T>>) => void) | null = null;
  private ended = false;
  private readonly unsubscribe: Array<() => void>;

  constructor(
    attach: (push: (item: StreamItem<T>) => void) => Array<() => void>,
    private readonly limit: number,
    /** Where open streams are counted (for /metrics); the stream leaves it when it ends. */
    private readonly open?: Set<object>,
  ) {
    open?.add(this);
    this.unsubscribe = attach((item) => this.push(item));
  }

  private push(item: StreamItem<T>): void {
    if (this.ended) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: item, done: false });
      return;
    }
    if (this.queue.length >= this.limit) {
      // Drop what is queued, say why, and end after saying it.
      this.queue.length = 0;
      this.queue.push({ notice: "TOO_SLOW", limit: this.limit });
      this.stop();
      return;
    }
    this.queue.push(item);
  }

  /** Events waiting for the subscriber (for tests and metrics). */
  get queued(): number {
    return this.queue.length;
  }

  next(): Promise<IteratorResult<StreamItem<T>>> {
    const item = this.queue.shift();
    if (item !== undefined) return Promise.resolve({ value: item, done: false });
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<StreamItem<T>>> {
    this.stop();
    this.queue.length = 0;
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<StreamItem<T>>> {
    this.return();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private stop(): void {
    if (this.ended) return;
    this.ended = true;
    this.open?.delete(this);
    for (const off of this.unsubscribe ?? []) off();
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.({ value: undefined, done: true });
  }
}

/**
 * One subscription's events: those `select` keeps, in publication order. An interruption of
 * the bus is told as an INTERRUPTED notice; the stream goes on and delivers again when the bus is back.
 */
export function eventStream<T>(
  bus: EventBus,
  select: (event: GraphEvent) => T | null,
  limit: number,
  open?: Set<object>,
): BoundedStream<T> {
  return new BoundedStream<T>(
    (push) => [
      bus.subscribe((event) => {
        const item = select(event);
        if (item !== null) push(item);
      }),
      bus.onStateChange((state: BusState) => {
        if (state === "INTERRUPTED") push({ notice: "INTERRUPTED" });
      }),
    ],
    limit,
    open,
  );
}

import { EventEmitter } from "node:events";
import type { BusState, EventBus, GraphEvent } from "./events.js";

/** Events for this process only: the default, for a single replica. */
export class InProcessEventBus implements EventBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  readonly state: BusState = "LIVE";

  async publish(events: readonly GraphEvent[]): Promise<void> {
    for (const event of events) this.emitter.emit("event", event);
  }

  subscribe(listener: (event: GraphEvent) => void): () => void {
    this.emitter.on("event", listener);
    return () => this.emitter.off("event", listener);
  }

  onStateChange(): () => void {
    return () => {};
  }

  listenerCount(): number {
    return this.emitter.listenerCount("event") + this.emitter.listenerCount("state");
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

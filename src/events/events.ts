/**
 * What the API announces after a write commits, with what subscription filters match on
 * (canonical values: symbols upper-case, domains and keys as stored). Plain JSON, so the same
 * event crosses Redis unchanged.
 */
export interface ArticleIngestedEvent {
  readonly type: "articleIngested";
  readonly article: {
    readonly uid: string;
    readonly source: string | null;
    readonly assets: readonly string[];
    readonly tags: readonly string[];
    /** Narratives the article or one of its current claims advances. */
    readonly narratives: readonly string[];
    readonly sentiment: string | null;
    /** ISO 8601; null when unknown. */
    readonly publishedAt: string | null;
  };
}

export interface ClaimEvent {
  readonly type: "claimAdded" | "claimRetracted";
  readonly claim: {
    readonly uid: string;
    readonly polarity: string;
    readonly modality: string;
    readonly confidence: number;
    /** Its article's publication, epoch ms (the claim's sortAt; the earliest JavaScript time when undated). */
    readonly publishedAt: number;
    /** `Label:key` of the cause and effect (as cypher/labels.ts refKey writes them). */
    readonly cause: string | null;
    readonly effect: string | null;
    /** Assets the claim is about: named as cause, effect or condition, or via an event or price move of theirs. */
    readonly assets: readonly string[];
    readonly narratives: readonly string[];
    /** The publishing outlet and the outlets the claim is attributed to. */
    readonly sources: readonly string[];
  };
}

export type GraphEvent = ArticleIngestedEvent | ClaimEvent;

/** Where events go after a commit, and where subscriptions read them. */
export interface EventBus {
  /** Announces committed events in order; never throws (an unavailable bus is logged and reported by `state`). */
  publish(events: readonly GraphEvent[]): Promise<void>;
  /** Calls `listener` for every event published by any replica; returns the unsubscribe function. */
  subscribe(listener: (event: GraphEvent) => void): () => void;
  /** Calls `listener` whenever delivery stops or resumes; returns the unsubscribe function. */
  onStateChange(listener: (state: BusState) => void): () => void;
  readonly state: BusState;
  /** Listeners attached now (events and state changes): what open subscriptions hold on the bus. */
  listenerCount(): number;
  close(): Promise<void>;
}

/** LIVE: events flow. INTERRUPTED: the bus (Redis) is unreachable; events published meanwhile may be lost. */
export type BusState = "LIVE" | "INTERRUPTED";

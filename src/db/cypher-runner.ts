import type { Driver, ManagedTransaction, QueryResult, Session } from "neo4j-driver";
import { QueryTimeoutError } from "../errors.js";
import { isRetryableConflict, mapDatabaseError } from "./errors.js";
import { toPlain } from "./values.js";

export type Row = Record<string, unknown>;

const MAX_WRITE_ATTEMPTS = 6;
export type Params = Record<string, unknown>;

/** What a write transaction changed so far, summed over its statements. */
interface WriteCounters {
  nodesCreated: number;
  relationshipsCreated: number;
  propertiesSet: number;
}

/** A write transaction whose statements are counted as round trips and whose changes are tallied. */
export interface WriteTransaction {
  run<T extends Row = Row>(query: string, params?: Params): Promise<T[]>;
  readonly counters: Readonly<WriteCounters>;
}

export interface CypherOptions {
  readonly database: string | undefined;
  /** Time limit of each statement or write transaction, ms. */
  readonly timeoutMs: number;
  /** When the work of the whole request must be done (epoch ms): later statements get only what is left, and none at all once it has passed (QueryTimeoutError). */
  readonly deadline?: number;
  /** Called after every committed write, e.g. to drop what a request cached before it. */
  readonly afterWrite?: () => void;
}

/**
 * The one way code talks to Neo4j. Reads go through executeRead and writes through
 * executeWrite, so a cluster routes them; every statement sent counts as a round trip,
 * which makes N+1 patterns observable per request.
 */
export class CypherRunner {
  #roundTrips = 0;

  constructor(
    private readonly driver: Driver,
    private readonly options: CypherOptions,
  ) {}

  /** Statements sent to the database by this runner so far. */
  get roundTrips(): number {
    return this.#roundTrips;
  }

  async read<T extends Row = Row>(query: string, params: Params = {}): Promise<T[]> {
    const session = this.#session("READ");
    try {
      // One auto-commit statement: RUN and PULL go out together, where a managed transaction
      // would send BEGIN and COMMIT as well (a read has nothing to commit or retry here).
      const timeout = this.#timeLeft();
      this.#roundTrips += 1;
      return plainRows<T>(await session.run(query, params, { timeout }));
    } catch (error) {
      throw mapDatabaseError(error);
    } finally {
      await session.close();
    }
  }

  /**
   * Runs `work` in one write transaction: all of it commits or none of it does. Concurrent
   * writers that deadlock on the same nodes are retried a few times with jitter.
   */
  async write<T>(work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const result = await this.#writeOnce(work);
        this.options.afterWrite?.();
        return result;
      } catch (error) {
        if (attempt >= MAX_WRITE_ATTEMPTS || !isRetryableConflict(error)) throw mapDatabaseError(error);
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50 * attempt));
      }
    }
  }

  async #writeOnce<T>(work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    const session = this.#session("WRITE");
    try {
      // executeWrite may retry `work` on a transient error; each attempt starts its own tally.
      return await session.executeWrite((tx) => work(this.#writeTransaction(tx)), { timeout: this.#timeLeft() });
    } finally {
      await session.close();
    }
  }

  /** The time limit of the next statement or transaction, ms: the per-statement limit, or what is left before the deadline. */
  #timeLeft(): number {
    if (this.options.deadline === undefined) return this.options.timeoutMs;
    const left = this.options.deadline - Date.now();
    if (left <= 0) throw new QueryTimeoutError();
    return Math.min(this.options.timeoutMs, Math.ceil(left));
  }

  /**
   * Sessions share the driver's bookmark manager, so a read after a write (this request's or
   * another's in this process) sees that write, also on a cluster's followers.
   */
  #session(defaultAccessMode: "READ" | "WRITE"): Session {
    return this.driver.session({
      database: this.options.database,
      defaultAccessMode,
      bookmarkManager: this.driver.executeQueryBookmarkManager,
    });
  }

  #writeTransaction(tx: ManagedTransaction): WriteTransaction {
    const counters: WriteCounters = { nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0 };
    return {
      counters,
      run: async <R extends Row = Row>(query: string, params: Params = {}) => {
        const result = await this.#send(tx, query, params);
        const updates = result.summary.counters.updates();
        counters.nodesCreated += updates.nodesCreated;
        counters.relationshipsCreated += updates.relationshipsCreated;
        counters.propertiesSet += updates.propertiesSet;
        return plainRows<R>(result);
      },
    };
  }

  #send(tx: ManagedTransaction, query: string, params: Params): Promise<QueryResult> {
    this.#roundTrips += 1;
    return tx.run(query, params);
  }
}

function plainRows<T extends Row>(result: QueryResult): T[] {
  return result.records.map((record) => toPlain(record.toObject()) as T);
}

import type { Driver, ManagedTransaction } from "neo4j-driver";
import { mapDatabaseError } from "./errors.js";
import { toPlain } from "./values.js";

export type Row = Record<string, unknown>;
export type Params = Record<string, unknown>;

/** A write transaction whose statements are counted as round trips. */
export interface WriteTransaction {
  run<T extends Row = Row>(query: string, params?: Params): Promise<T[]>;
}

export interface CypherOptions {
  readonly database: string | undefined;
  readonly timeoutMs: number;
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
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: "READ" });
    try {
      return await session.executeRead((tx) => this.#run<T>(tx, query, params), { timeout: this.options.timeoutMs });
    } catch (error) {
      throw mapDatabaseError(error);
    } finally {
      await session.close();
    }
  }

  /** Runs `work` in one write transaction: all of it commits or none of it does. */
  async write<T>(work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: "WRITE" });
    try {
      return await session.executeWrite(
        (tx) => work({ run: <R extends Row = Row>(query: string, params: Params = {}) => this.#run<R>(tx, query, params) }),
        { timeout: this.options.timeoutMs },
      );
    } catch (error) {
      throw mapDatabaseError(error);
    } finally {
      await session.close();
    }
  }

  async #run<T extends Row>(tx: ManagedTransaction, query: string, params: Params): Promise<T[]> {
    this.#roundTrips += 1;
    const result = await tx.run(query, params);
    return result.records.map((record) => toPlain(record.toObject()) as T);
  }
}

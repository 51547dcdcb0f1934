import { Neo4jError } from "neo4j-driver";
import { AppError, DatabaseUnavailableError, QueryTimeoutError } from "../errors.js";

const UNAVAILABLE_CODES = new Set(["ServiceUnavailable", "SessionExpired"]);

/**
 * True when the driver says the database cannot be reached or cannot take more work now (as
 * opposed to a bad query): connection failures, a database that is not available, and a full
 * pool whose connections did not free up in time (the driver gives that one no code, only its
 * message).
 */
function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Neo4jError)) return false;
  return (
    UNAVAILABLE_CODES.has(error.code) ||
    error.code.startsWith("Neo.TransientError.General.DatabaseUnavailable") ||
    error.message.startsWith("Connection acquisition timed out")
  );
}

/** A transient conflict between concurrent writers (deadlock, lock timeout), worth retrying. */
export function isRetryableConflict(error: unknown): boolean {
  return error instanceof Neo4jError && (error.code.includes("DeadlockDetected") || error.code.includes("Transaction.Outdated"));
}

/**
 * The transaction ran out of time: it timed out running, or was stopped while it waited for a
 * lock (Neo4j's LockClientStopped). Retrying would only wait again.
 */
function isTimeout(error: unknown): boolean {
  return error instanceof Neo4jError && (error.code.includes("TransactionTimedOut") || error.code.includes("LockClientStopped"));
}

/**
 * The one place driver errors become client-facing errors. Anything not recognised is
 * returned unchanged, so the masking plugin hides it and logs it.
 */
export function mapDatabaseError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (isUnavailable(error)) return new DatabaseUnavailableError();
  if (isTimeout(error)) return new QueryTimeoutError();
  return error;
}

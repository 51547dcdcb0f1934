import { GraphQLError } from "graphql";

/** Every code a client may see in `extensions.code`. */
export const ErrorCode = {
  BadRequest: "BAD_REQUEST",
  BadUserInput: "BAD_USER_INPUT",
  Unauthenticated: "UNAUTHENTICATED",
  Forbidden: "FORBIDDEN",
  NotFound: "NOT_FOUND",
  QueryTooComplex: "QUERY_TOO_COMPLEX",
  QueryTimeout: "QUERY_TIMEOUT",
  RateLimited: "RATE_LIMITED",
  DatabaseUnavailable: "DATABASE_UNAVAILABLE",
  Internal: "INTERNAL_SERVER_ERROR",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Base of the error family: anything of this class is safe to show to a client. */
export class AppError extends GraphQLError {
  constructor(message: string, code: ErrorCode, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

/** The request cannot be served as sent (e.g. a subscription over HTTP); HTTP 400. */
export class BadRequestError extends AppError {
  constructor(message: string) {
    super(message, ErrorCode.BadRequest, { http: { status: 400 } });
  }
}

/** Input was wrong; `field` is the argument path, e.g. `input.claims[2].confidence`. */
export class BadUserInputError extends AppError {
  constructor(message: string, field?: string, extensions: Record<string, unknown> = {}) {
    super(message, ErrorCode.BadUserInput, field === undefined ? extensions : { ...extensions, field });
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = "Authentication required: send Authorization: Bearer <token>") {
    super(message, ErrorCode.Unauthenticated);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "This operation needs the editor role") {
    super(message, ErrorCode.Forbidden);
  }
}

/** Neo4j cannot be reached; answered at once with HTTP 503 and Retry-After, and the API recovers by itself. */
export class DatabaseUnavailableError extends AppError {
  constructor(message = "The graph database is unavailable; try again shortly") {
    super(message, ErrorCode.DatabaseUnavailable, { http: { status: 503, headers: new Map([["retry-after", "5"]]) } });
  }
}

/**
 * A value a client sent that a scalar cannot accept. Deliberately not a GraphQLError: GraphQL
 * then wraps it with the AST node or variable path it came from, and the error formatter turns
 * it into BAD_USER_INPUT naming that field.
 */
export class InvalidValueError extends Error {
  override name = "InvalidValueError";
}

/** The limits a request can exceed, as `extensions.limit` names them. */
export type QueryLimitName = "depth" | "aliases" | "directives" | "tokens" | "fields" | "cost";

/** A request over one of the query limits; nothing of it ran. `extensions.limit` and `max` say which. */
export class QueryTooComplexError extends AppError {
  constructor(message: string, limit: QueryLimitName, max: number, extensions: Record<string, unknown> = {}) {
    super(message, ErrorCode.QueryTooComplex, { ...extensions, limit, max, http: { status: 400 } });
  }
}

/** The database worked on the request longer than the per-request time limit (NEO4J_QUERY_TIMEOUT_MS). */
export class QueryTimeoutError extends AppError {
  constructor(message = "The query ran longer than the per-request database time limit") {
    super(message, ErrorCode.QueryTimeout);
  }
}

/** The client sent more requests than its rate limit allows; HTTP 429 with Retry-After. */
export class RateLimitedError extends AppError {
  constructor(kind: "reads" | "writes", perMinute: number, retryAfterSeconds: number) {
    super(`Too many ${kind}: at most ${perMinute} a minute per client; try again in ${retryAfterSeconds} s`, ErrorCode.RateLimited, {
      retryAfter: retryAfterSeconds,
      http: { status: 429, headers: new Map([["retry-after", String(retryAfterSeconds)]]) },
    });
  }
}

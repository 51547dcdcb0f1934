import { GraphQLError } from "graphql";

/** Every code a client may see in `extensions.code`. */
export const ErrorCode = {
  BadUserInput: "BAD_USER_INPUT",
  Unauthenticated: "UNAUTHENTICATED",
  Forbidden: "FORBIDDEN",
  NotFound: "NOT_FOUND",
  QueryTooComplex: "QUERY_TOO_COMPLEX",
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

export class DatabaseUnavailableError extends AppError {
  constructor(message = "The graph database is unavailable; try again shortly") {
    super(message, ErrorCode.DatabaseUnavailable);
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

export class QueryTooComplexError extends AppError {
  constructor(message: string) {
    super(message, ErrorCode.QueryTooComplex);
  }
}

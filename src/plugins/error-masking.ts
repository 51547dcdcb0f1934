import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import type { Context } from "../context.js";
import { AppError, ErrorCode } from "../errors.js";
import { invalidValueCause, invalidValueField } from "./input-value-errors.js";
import { tokenLimitRejection } from "./query-limits.js";
import { boundaryAtOrBefore, characterCount, stepCharacters } from "../text/characters.js";

/**
 * Safe to show: errors GraphQL itself raised (parse, validation, coercion) and errors of the
 * application's family (every AppError is a GraphQLError). Anything else that a resolver threw
 * (a driver error, a bug) is not.
 */
function isClientSafe(error: unknown): boolean {
  if (!(error instanceof GraphQLError)) return false;
  const original = error.originalError;
  return original === undefined || original === null || original instanceof GraphQLError || invalidValueCause(error) !== null;
}

/** Characters of an error message sent at the most: messages quote what clients sent, which may be megabytes. */
const MAX_MESSAGE_CHARACTERS = 300;

/** graphql-js's hints at names in the schema: fields, types, arguments and enum values (or the start of one a cut message ends in). */
const SUGGESTION = / ?Did you mean [^?]*(\?|$)/g;

/** How errors reach clients: Apollo's (and the subscription server's) `formatError`. */
export type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * Error masking: `formatError` makes a value a scalar rejected BAD_USER_INPUT naming its field
 * (GraphQL reports literals as validation failures) and unexpected errors a generic message,
 * which `plugin` logs with the request id. Messages are cut to MAX_MESSAGE_CHARACTERS (between
 * characters, with "…") and never hold half a character; with `hideSuggestions` (production),
 * "Did you mean …?" hints are left out, so the schema's names cannot be probed by typos when
 * introspection is off.
 */
export function useErrorMasking(options: { hideSuggestions: boolean }): { formatError: FormatError; plugin: ApolloServerPlugin<Context> } {
  const formatError: FormatError = (formatted, error) => {
    const masked = classify(formatted, error);
    // Cut first: the message may quote megabytes of what the client sent.
    const message = cutMessage(masked.message);
    return wellFormed({ ...masked, message: options.hideSuggestions ? message.replace(SUGGESTION, "") : message });
  };
  return { formatError, plugin: errorLogging() };
}

function cutMessage(message: string): string {
  if (characterCount(message) <= MAX_MESSAGE_CHARACTERS) return message;
  return `${message.slice(0, boundaryAtOrBefore(message, stepCharacters(message, 0, MAX_MESSAGE_CHARACTERS - 1)))}…`;
}

/** `value` with every string in it made well-formed UTF-16 (an unpaired surrogate becomes U+FFFD). */
function wellFormed<T>(value: T): T {
  if (typeof value === "string") return value.toWellFormed() as T;
  if (Array.isArray(value)) return value.map(wellFormed) as T;
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, wellFormed(inner)])) as T;
  }
  return value;
}

function classify(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (error instanceof GraphQLError && invalidValueCause(error)) {
    const field = invalidValueField(error);
    return { ...formatted, extensions: { code: ErrorCode.BadUserInput, ...(field ? { field } : {}) } };
  }
  const tokens = tokenLimitRejection(formatted.message);
  if (tokens) return { ...formatted, message: tokens.message, extensions: withoutHttp(tokens.extensions) };
  const wrapped = wrappedAppError(error);
  if (wrapped) {
    // Apollo wraps what a validation rule reports in its own error; the application's code stands.
    return { ...formatted, message: wrapped.message, extensions: withoutHttp(wrapped.extensions) };
  }
  if (isClientSafe(error)) return formatted;
  return {
    message: "Internal server error",
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: ErrorCode.Internal },
  };
}

/** Extensions as a client sees them: Apollo turns `http` into the response's status and headers. */
function withoutHttp({ http: _http, ...extensions }: Record<string, unknown>): Record<string, unknown> {
  return extensions;
}

/** An AppError that another GraphQLError wraps (not the error itself), if any. */
function wrappedAppError(error: unknown): AppError | null {
  let current = error instanceof GraphQLError ? error.originalError : null;
  for (let depth = 0; current && depth < 5; depth += 1) {
    if (current instanceof AppError) return current;
    current = current instanceof GraphQLError ? current.originalError : null;
  }
  return null;
}

/** Logs every error that masking hides, with the request id, so it can be traced. */
function errorLogging(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (isClientSafe(error)) continue;
            contextValue.logger.error({ err: error.originalError ?? error, path: error.path }, "unexpected error");
          }
        },
      };
    },
  };
}

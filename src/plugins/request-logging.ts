import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "../context.js";

/** One log line per GraphQL operation: name, duration, database round trips, error codes. */
export function useRequestLogging(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, errors, contextValue: ctx }) {
          ctx.logger.info(
            {
              operationName: operationName ?? null,
              durationMs: Math.round(performance.now() - started),
              roundTrips: contextValue.cypher.roundTrips,
              errorCodes: errors?.map((e) => e.extensions?.code ?? "INTERNAL_SERVER_ERROR"),
            },
            "graphql operation",
          );
        },
      };
    },
  };
}

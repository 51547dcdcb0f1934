import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "../context.js";

/**
 * Adds the GraphQL side of a request to its one log line (http/request-log.ts): the
 * operation's name, its Cypher round trips and its error codes.
 */
export function useRequestLogging(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operationName, errors, contextValue }) {
          Object.assign(contextValue.operation, {
            operationName: operationName ?? null,
            roundTrips: contextValue.cypher.roundTrips,
            errorCodes: errors?.map((e) => String(e.extensions?.code ?? "INTERNAL_SERVER_ERROR")),
          });
        },
      };
    },
  };
}

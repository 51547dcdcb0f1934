import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "../context.js";

/**
 * With GRAPHQL_DEBUG on, each response carries `extensions.diagnostics.roundTrips`: how many
 * Cypher statements the request sent, so clients and tests can see N+1 patterns.
 */
export function useDiagnostics(enabled: boolean): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      if (!enabled) return;
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== "single") return;
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            diagnostics: { roundTrips: contextValue.cypher.roundTrips },
          };
        },
      };
    },
  };
}

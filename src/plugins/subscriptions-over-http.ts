import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "../context.js";
import { BadRequestError } from "../errors.js";

/**
 * Refuses a subscription operation sent over HTTP with 400 BAD_REQUEST pointing at the
 * WebSocket endpoint, before anything runs: subscriptions are served by graphql-ws only
 * (live/ws-server.ts), and HTTP would otherwise try to execute one as a query.
 */
export function useSubscriptionsOverWebSocketOnly(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== "subscription") return;
          throw new BadRequestError(
            "Subscriptions run over WebSocket (the graphql-transport-ws protocol of graphql-ws) at ws://<this " +
              "host>/graphql; POST /graphql answers queries and mutations.",
          );
        },
      };
    },
  };
}

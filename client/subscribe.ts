import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import { createClient, type Client } from "graphql-ws";
import type { GraphQLResponseError } from "./request.js";

export interface LiveOptions {
  /** WebSocket URL of the API; default `/graphql` on the page's own host (ws:, or wss: on https:). */
  readonly url?: string;
  /** Sent as `authorization: Bearer <token>` in connection_init, for servers with private subscriptions. */
  readonly token?: string;
}

/** A graphql-ws client (reconnecting with back-off); one per page is enough for many subscriptions. */
export function liveClient(options: LiveOptions = {}): Client {
  const url = options.url ?? `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}/graphql`;
  return createClient({
    url,
    connectionParams: options.token ? { authorization: `Bearer ${options.token}` } : undefined,
    retryAttempts: Infinity,
    shouldRetry: () => true,
  });
}

export interface LiveHandlers<Result> {
  /** Each event's data. */
  onData(data: Result): void;
  /** Errors in one message (e.g. LIVE_UPDATES_INTERRUPTED; the subscription goes on), or the subscription's end by error. */
  onError?(errors: readonly GraphQLResponseError[]): void;
}

/** Subscribes with a typed document; returns the function that ends the subscription. */
export function subscribe<Result, Variables extends Record<string, unknown>>(
  client: Client,
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
  handlers: LiveHandlers<Result>,
): () => void {
  return client.subscribe<Result>(
    { query: print(document), variables },
    {
      next: (result) => {
        if (result.errors?.length) handlers.onError?.(result.errors as readonly GraphQLResponseError[]);
        if (result.data) handlers.onData(result.data as Result);
      },
      error: (error) =>
        handlers.onError?.(
          Array.isArray(error)
            ? (error as GraphQLResponseError[])
            : [{ message: error instanceof Error ? error.message : "connection closed" }],
        ),
      complete: () => {},
    },
  );
}

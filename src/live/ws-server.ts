import type http from "node:http";
import {
  getOperationAST,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationRule,
} from "graphql";
import type { Context as WsContext } from "graphql-ws";
import { useServer } from "graphql-ws/use/ws";
import type { Logger } from "pino";
import { Gauge, type Registry } from "prom-client";
import { WebSocketServer } from "ws";
import type { Authenticator } from "../auth/authenticator.js";
import { ANONYMOUS, type Viewer } from "../auth/viewer.js";
import type { QueryLimits, SubscriptionSettings } from "../config.js";
import { createContext, type ContextDependencies } from "../request/create-context.js";
import { BadRequestError } from "../errors.js";
import { costRejection, tokenLimitRejection } from "../plugins/query-limits.js";
import type { LiveContext } from "./live.resolver.js";

type Extra = {
  viewer?: Viewer;
  /** Stops the timer that closes the connection when its credentials expire. */
  cancelExpiry?: () => void;
  /** Ids of the subscriptions that passed validation and hold a slot. */
  admitted?: Set<string>;
};

/** Longest delay setTimeout takes (about 24.8 days); longer waits are chained. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Calls `then` at `at` (ms since the epoch), however far away; returns what cancels it. */
function at(time: number, then: () => void): () => void {
  let timer: NodeJS.Timeout;
  const wait = () => {
    const left = time - Date.now();
    timer = setTimeout(left > MAX_TIMER_MS ? wait : then, Math.max(0, Math.min(left, MAX_TIMER_MS)));
    timer.unref();
  };
  wait();
  return () => clearTimeout(timer);
}

/** The bearer header of a connection: `authorization` (or `Authorization`) in connection_init's payload, else the upgrade request's header. */
function authorizationOf(ctx: WsContext<Record<string, unknown> | undefined, { request: http.IncomingMessage }>): string | undefined {
  const params = ctx.connectionParams ?? {};
  const fromParams = params.authorization ?? params.Authorization;
  return typeof fromParams === "string" ? fromParams : ctx.extra.request.headers.authorization;
}

/**
 * GraphQL subscriptions over graphql-ws (the `graphql-transport-ws` protocol) on the HTTP
 * server's port, path /graphql. Only subscription operations are accepted (queries and
 * mutations go over HTTP); each is held to the HTTP path's limits (tokens, depth, aliases,
 * directives, field selections and estimated cost: the cost of one event's selection) before
 * it starts. Returns what closes every socket with 1001 (going away) on shutdown.
 */
export function startSubscriptionServer(options: {
  httpServer: http.Server;
  schema: GraphQLSchema;
  deps: ContextDependencies;
  authenticator: Authenticator;
  settings: SubscriptionSettings;
  validationRules: readonly ValidationRule[];
  limits: QueryLimits;
  /** How errors are shown to clients (the HTTP path's formatError). */
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  logger: Logger;
  /** Where the connection and subscription gauges are registered. */
  registry: Registry;
}): { close(): Promise<void> } {
  const { schema, deps, authenticator, settings, logger } = options;
  const wss = new WebSocketServer({ server: options.httpServer, path: "/graphql", maxPayload: 64 * 1024 });
  // Registered before graphql-ws's own listener: a connection over the limit is closed at once.
  wss.on("connection", (socket) => {
    if (wss.clients.size > settings.maxConnections) socket.close(1013, "Too many connections; try again later");
  });
  const rules = [...specifiedRules, ...options.validationRules];
  // As HTTP shows an error, without the status it would set there (`extensions.http`).
  const shown = (error: GraphQLError): GraphQLFormattedError => {
    const formatted = options.formatError(error.toJSON(), error);
    const { http: _http, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  };
  const openStreams = new Set<object>();
  new Gauge({
    name: "graphql_ws_connections",
    help: "Open WebSocket connections (graphql-ws)",
    registers: [options.registry],
    collect() {
      this.set(wss.clients.size);
    },
  });
  new Gauge({
    name: "live_event_bus_listeners",
    help: "Listeners attached to the event bus (each open subscription holds one or two)",
    registers: [options.registry],
    collect() {
      this.set(deps.events?.listenerCount() ?? 0);
    },
  });
  new Gauge({
    name: "graphql_subscriptions_active",
    help: "Subscriptions with an open event queue",
    registers: [options.registry],
    collect() {
      this.set(openStreams.size);
    },
  });

  const server = useServer<Record<string, unknown> | undefined, Extra>(
    {
      schema,
      connectionInitWaitTimeout: 10_000,
      onConnect: async (ctx) => {
        let viewer: Viewer;
        try {
          viewer = await authenticator.authenticate(authorizationOf(ctx));
        } catch {
          return false; // 4403 Forbidden: a token was given and is not valid
        }
        // Exactly what HTTP accepts: any valid token, with or without a subject.
        if (settings.requireAuth && viewer.via === "anonymous") return false;
        ctx.extra.viewer = viewer;
        // A token that lapses ends the connection when HTTP would start refusing it.
        if (viewer.expiresAt !== undefined) {
          const socket = ctx.extra.socket;
          ctx.extra.cancelExpiry = at(viewer.expiresAt, () => socket.close(4403, "Forbidden: the token has expired"));
        }
        return true;
      },
      onClose: (ctx) => ctx.extra.cancelExpiry?.(),
      onSubscribe: (ctx, id, payload) => {
        const admitted = (ctx.extra.admitted ??= new Set());
        // A new subscription under an id used before: the old one has ended (graphql-ws refuses duplicates).
        admitted.delete(id);
        let document;
        try {
          document = parse(payload.query, { maxTokens: options.limits.maxTokens });
        } catch (error) {
          if (!(error instanceof GraphQLError)) return [new GraphQLError(String(error))];
          return [tokenLimitRejection(error.message) ?? error];
        }
        const errors = validate(schema, document, rules);
        if (errors.length > 0) return errors;
        const operation = getOperationAST(document, payload.operationName);
        if (operation?.operation !== "subscription") {
          return [new BadRequestError("Only subscriptions run over WebSocket; send queries and mutations to POST /graphql.")];
        }
        const tooComplex = costRejection(options.limits, {
          schema,
          document,
          operation,
          operationName: payload.operationName,
          variables: payload.variables,
        });
        if (tooComplex) return [tooComplex];
        // Only subscriptions that passed validation and are still open hold a slot.
        for (const other of admitted) if (!(other in ctx.subscriptions)) admitted.delete(other);
        if (admitted.size >= settings.maxPerConnection) {
          return [
            new GraphQLError(`At most ${settings.maxPerConnection} subscriptions per connection.`, {
              extensions: { code: "TOO_MANY_SUBSCRIPTIONS" },
            }),
          ];
        }
        admitted.add(id);
        const viewer = ctx.extra.viewer ?? ANONYMOUS;
        const contextValue: LiveContext = Object.assign(
          createContext(deps, {
            requestId: `ws:${id}`,
            viewer,
            clientKey: viewer.subject ? `subject:${viewer.subject}` : `ip:${ctx.extra.request.socket.remoteAddress ?? "unknown"}`,
            logger: logger.child({ subscription: id, operation: payload.operationName ?? null }),
          }),
          { subscriptionQueueLimit: settings.queueLimit, openStreams },
        );
        return {
          schema,
          document,
          variableValues: payload.variables ?? undefined,
          operationName: payload.operationName ?? undefined,
          contextValue,
        };
      },
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: result.errors.map(shown) } : undefined),
      onError: (_ctx, _id, _payload, errors) => errors.map(shown),
    },
    wss,
    settings.keepAliveMs,
  );

  return {
    close: async () => {
      await server.dispose();
    },
  };
}

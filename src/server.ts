import { auditExportRoutes } from "./traversals/audit/audit-export.route.js";
import { isUtf8 } from "node:buffer";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import cors from "cors";
import express, { type ErrorRequestHandler } from "express";
import { GraphQLError, type GraphQLSchema } from "graphql";
import type { Driver } from "neo4j-driver";
import type { Logger } from "pino";
import type { Config } from "./config.js";
import { createAuthenticator } from "./auth/authenticator.js";
import type { Context } from "./context.js";
import { createContext } from "./request/create-context.js";
import { healthRoutes, type HealthState } from "./http/health.js";
import { metricsRoute } from "./http/metrics.js";
import { operationReport, requestLogging } from "./http/request-log.js";
import { useDiagnostics } from "./plugins/diagnostics.js";
import { useErrorMasking } from "./plugins/error-masking.js";
import { useQueryLimits } from "./plugins/query-limits.js";
import { useRateLimits } from "./plugins/rate-limits.js";
import { createMetrics, useMetrics } from "./plugins/metrics.js";
import { useRequestLogging } from "./plugins/request-logging.js";
import { useSubscriptionsOverWebSocketOnly } from "./plugins/subscriptions-over-http.js";
import { webPages } from "./web/pages.js";
import type { EventBus } from "./events/events.js";
import { startSubscriptionServer } from "./live/ws-server.js";

const BODY_LIMIT = "1mb";

export interface AppDependencies {
  readonly schema: GraphQLSchema;
  readonly config: Config;
  readonly driver: Driver;
  readonly logger: Logger;
  /** Where committed writes are announced, and subscriptions listen. */
  readonly events: EventBus;
}

export interface App {
  readonly httpServer: http.Server;
  /** Starts listening; resolves with the GraphQL endpoint URL. */
  listen(port: number, host: string): Promise<string>;
  /** Stops taking requests, lets in-flight ones finish, then closes. The driver is the caller's. */
  close(): Promise<void>;
}

/** Answers body-parser failures (too large, malformed JSON) in GraphQL's error shape. */
const bodyErrors: ErrorRequestHandler = (error: { status?: number; type?: string; message: string }, _req, res, next) => {
  if (!error.status || error.status >= 500) return next(error);
  const code = error.type === "entity.too.large" ? "PAYLOAD_TOO_LARGE" : "BAD_REQUEST";
  // The parser's message quotes the body, cut by UTF-16 units: never send half a character.
  res.status(error.status).json({ errors: [{ message: error.message.toWellFormed(), extensions: { code } }] });
};

/**
 * Refuses a JSON body (declared UTF-8, or with no charset) that is not valid UTF-8: decoding
 * would silently turn its bad bytes into U+FFFD and store them. Answered by bodyErrors.
 */
const utf8Body = (req: http.IncomingMessage, _res: unknown, body: Buffer) => {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.headers["content-type"] ?? "")?.[1]?.toLowerCase();
  if ((charset === undefined || charset === "utf-8" || charset === "utf8") && !isUtf8(body)) {
    throw Object.assign(new Error("The request body is not valid UTF-8."), { status: 400, type: "encoding.invalid" });
  }
};

/** Composition: schema -> Apollo -> Express routes -> HTTP server. */
export async function createApp({ schema, config, driver, logger, events }: AppDependencies): Promise<App> {
  const app = express();
  const httpServer = http.createServer(app);
  const metrics = createMetrics();
  const health: HealthState = { draining: false };
  const authenticator = createAuthenticator(config.auth);

  const production = config.env === "production";
  const limits = useQueryLimits(config.graphql.limits);
  const masking = useErrorMasking({ hideSuggestions: production });
  const apollo = new ApolloServer<Context>({
    schema,
    formatError: masking.formatError,
    includeStacktraceInErrorResponses: false,
    introspection: config.graphql.introspection,
    allowBatchedHttpRequests: false,
    // No automatic persisted queries: clients send the query itself (and a client cannot fill a server-side cache).
    persistedQueries: false,
    // main.ts owns SIGTERM/SIGINT (drain, close subscriptions, stop Neo4j, exit 0); Apollo's own
    // handler would stop the server and re-raise the signal, killing the process mid-shutdown.
    stopOnTerminationSignals: false,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // The playground is our own bundle (web/pages.ts), not Apollo's CDN-hosted landing page.
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints in this schema: without this, Apollo wraps every field's resolver to compute a cache policy.
      ApolloServerPluginCacheControlDisabled(),
      useSubscriptionsOverWebSocketOnly(),
      useRateLimits(config.rateLimits),
      ...limits.plugins,
      useRequestLogging(),
      masking.plugin,
      useMetrics(metrics),
      useDiagnostics(config.debug),
    ],
  });
  await apollo.start();

  app.disable("x-powered-by");
  app.use(requestLogging(logger));
  app.use(healthRoutes(driver, config.neo4j.database, health));
  app.get("/metrics", metricsRoute(metrics.registry, config.metricsToken));
  // Exports read like queries: open to readers, streamed (no GraphQL cost limit: nothing is nested).
  app.use(auditExportRoutes(driver, config.neo4j.database, logger));
  if (config.graphql.playground) app.use(webPages(schema));
  app.use(
    "/graphql",
    // Browser apps on other origins only from the allowlist (CORS_ORIGINS; "*" allows any).
    cors({ origin: config.http.corsOrigins.includes("*") ? true : [...config.http.corsOrigins], maxAge: 600 }),
    express.json({ limit: BODY_LIMIT, verify: utf8Body }),
    bodyErrors,
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const viewer = await authenticator.authenticate(req.headers.authorization).catch((error: unknown) => {
          if (!(error instanceof GraphQLError)) req.log.error({ err: error }, "could not authenticate the request");
          throw error;
        });
        const clientKey = viewer.subject ? `subject:${viewer.subject}` : `ip:${req.ip ?? req.socket.remoteAddress ?? "unknown"}`;
        return createContext(
          { driver, config, events },
          {
            requestId: String(req.id),
            // One time limit for all the statements of a request, however many fields it asks.
            deadline: Date.now() + config.neo4j.queryTimeoutMs,
            viewer,
            clientKey,
            logger: req.log,
            operation: operationReport(res),
          },
        );
      },
    }),
  );

  const subscriptions = startSubscriptionServer({
    httpServer,
    schema,
    deps: { driver, config, events },
    authenticator,
    settings: config.subscriptions,
    validationRules: limits.validationRules,
    limits: config.graphql.limits,
    formatError: masking.formatError,
    logger,
    registry: metrics.registry,
  });

  return {
    httpServer,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => {
          const { port: bound } = httpServer.address() as AddressInfo;
          const shownHost = host.includes(":") ? `[${host}]` : host;
          resolve(`http://${shownHost}:${bound}/graphql`);
        });
      }),
    close: async () => {
      health.draining = true;
      // Subscribers first: their sockets would otherwise hold the HTTP server open.
      await subscriptions.close();
      await apollo.stop();
    },
  };
}

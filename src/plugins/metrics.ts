import type { ApolloServerPlugin } from "@apollo/server";
import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { Context } from "../context.js";

/** Prometheus metrics of one server instance (its own registry, so tests can run several). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const operations = new Counter({
    name: "graphql_operations_total",
    help: "GraphQL operations by name and outcome",
    labelNames: ["operation", "outcome"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "graphql_operation_duration_seconds",
    help: "GraphQL operation latency",
    labelNames: ["operation"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const roundTrips = new Histogram({
    name: "graphql_cypher_round_trips",
    help: "Cypher statements sent per GraphQL operation",
    buckets: [0, 1, 2, 3, 4, 6, 8, 12, 16, 32],
    registers: [registry],
  });
  return { registry, operations, duration, roundTrips };
}

export type Metrics = ReturnType<typeof createMetrics>;

export function useMetrics(metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const stop = metrics.duration.startTimer();
      return {
        async willSendResponse({ operationName, errors, contextValue }) {
          const operation = operationName ?? "anonymous";
          stop({ operation });
          metrics.operations.inc({ operation, outcome: errors?.length ? "error" : "ok" });
          metrics.roundTrips.observe(contextValue.cypher.roundTrips);
        },
      };
    },
  };
}

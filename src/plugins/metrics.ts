import type { ApolloServerPlugin } from "@apollo/server";
import { Kind, type OperationDefinitionNode } from "graphql";
import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { Context } from "../context.js";

/**
 * Prometheus metrics of one server instance (its own registry, so tests can run several).
 * Every label value comes from a bounded set, so series do not grow with what clients send:
 * the operation type, the root field (a field of the schema, "multiple" or "none") and the
 * outcome. Client-chosen operation names are not labels.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const operations = new Counter({
    name: "graphql_operations_total",
    help: "GraphQL operations by type, root field and outcome",
    labelNames: ["type", "root_field", "outcome"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "graphql_operation_duration_seconds",
    help: "GraphQL operation latency by type and root field",
    labelNames: ["type", "root_field"] as const,
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

/** The labels of an operation: its type and its root field, from the validated document only. */
function labelsOf(operation: OperationDefinitionNode | undefined): { type: string; root_field: string } {
  if (!operation) return { type: "none", root_field: "none" };
  const fields = new Set(operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : ["multiple"])));
  return { type: operation.operation, root_field: fields.size === 1 ? [...fields][0]! : fields.size === 0 ? "none" : "multiple" };
}

export function useMetrics(metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operation, errors, contextValue }) {
          const labels = labelsOf(operation);
          metrics.duration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
          metrics.operations.inc({ ...labels, outcome: errors?.length ? "error" : "ok" });
          metrics.roundTrips.observe(contextValue.cypher.roundTrips);
        },
      };
    },
  };
}

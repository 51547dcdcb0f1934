import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import {
  getVariableValues,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationContext,
} from "graphql";
import { getComplexity } from "graphql-query-complexity";
import type { QueryLimits } from "../config.js";
import type { Context } from "../context.js";
import { QueryTooComplexError, type QueryLimitName } from "../errors.js";
import { costliestPaged, recordingFieldCost, type PagedFieldCost } from "./query-cost.js";

/** An armor rejection, reported during validation as QUERY_TOO_COMPLEX naming the limit. */
function rejectAs(limit: QueryLimitName, max: number) {
  return [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(new QueryTooComplexError(error.message.replace(/^Syntax Error: /, ""), limit, max)),
  ];
}

/**
 * The rejection of an operation whose field selections or estimated cost (see query-cost.ts)
 * exceed the limits, or null. Variables that do not coerce are left to execution, which
 * rejects them before resolving anything.
 */
export function costRejection(
  limits: QueryLimits,
  request: {
    schema: GraphQLSchema;
    document: DocumentNode;
    operation: OperationDefinitionNode | null | undefined;
    operationName: string | null | undefined;
    variables: Record<string, unknown> | null | undefined;
  },
): QueryTooComplexError | null {
  const variables = getVariableValues(request.schema, request.operation?.variableDefinitions ?? [], request.variables ?? {});
  if (variables.errors) return null;
  let cost: number;
  const paged: PagedFieldCost[] = [];
  try {
    cost = getComplexity({
      schema: request.schema,
      query: request.document,
      variables: variables.coerced,
      operationName: request.operationName ?? undefined,
      estimators: [recordingFieldCost(paged)],
      maxQueryNodes: limits.maxFields,
    });
  } catch (error) {
    if ((error as Error).message.includes("maximum allowed number of nodes")) {
      return new QueryTooComplexError(`Field selection limit of ${limits.maxFields} exceeded.`, "fields", limits.maxFields);
    }
    throw error;
  }
  if (cost <= limits.maxCost) return null;
  const advice = costliestPaged(paged, cost, limits.maxCost);
  const hint = !advice
    ? " Select fewer fields or lists."
    : advice.maxFirst === null
      ? ` Lower \`first\` on ${advice.field} (${advice.first} here) or the lists around it, or select less inside it.`
      : advice.maxFirst > 0
        ? ` Lower \`first\` on ${advice.field} (${advice.first} here) to at most ${advice.maxFirst}, or select less inside it.`
        : ` Select less inside ${advice.field} (\`first\` ${advice.first} here) or elsewhere: lowering its \`first\` alone is not enough.`;
  return new QueryTooComplexError(`Cost limit of ${limits.maxCost} exceeded, estimated ${cost}.${hint}`, "cost", limits.maxCost, {
    cost,
    ...(advice
      ? { lowerFirstOn: advice.field, first: advice.first, ...(advice.maxFirst === null ? {} : { maxFirst: advice.maxFirst }) }
      : {}),
  });
}

/** costRejection for every HTTP operation, once its variables are known and before anything runs. */
function useQueryCost(limits: QueryLimits): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ schema }) {
      return {
        async didResolveOperation({ request, document, operation, operationName }) {
          const rejection = costRejection(limits, { schema, document, operation, operationName, variables: request.variables });
          if (rejection) throw rejection;
        },
      };
    },
  };
}

/**
 * Everything that bounds one request before any Cypher runs: tokens (graphql-js's parser),
 * depth, aliases and directives (graphql-armor), field selections and the cost model
 * (graphql-query-complexity).
 * Rejections are QUERY_TOO_COMPLEX with `extensions.limit` and `max`. (Suggestions are
 * hidden in production by error masking, see error-masking.ts: armor's own hides only field
 * suggestions.)
 */
export function useQueryLimits(limits: QueryLimits) {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, propagateOnRejection: false, onReject: rejectAs("depth", limits.maxDepth) },
    // Aliases of __typename count too (armor leaves them out by default): each is still a field to answer.
    maxAliases: { n: limits.maxAliases, allowList: [], propagateOnRejection: false, onReject: rejectAs("aliases", limits.maxAliases) },
    maxDirectives: { n: limits.maxDirectives, propagateOnRejection: false, onReject: rejectAs("directives", limits.maxDirectives) },
    // Tokens are counted by graphql-js's own parser (parseOptions below): armor's token plugin
    // throws from a hook Apollo treats as an internal failure.
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  });
  const { plugins, validationRules } = armor.protect();
  // armor is typed against Apollo's CommonJS build; the plugins are the same objects.
  const armorPlugins = plugins as unknown as ApolloServerPlugin<Context>[];
  return { plugins: [...armorPlugins, useQueryCost(limits)], validationRules, parseOptions: { maxTokens: limits.maxTokens } };
}

// graphql-js 16 says "more that" in this message; both spellings are matched.
const TOKEN_LIMIT_MESSAGE = /^Syntax Error: Document contains more tha[nt] (\d+) tokens\. Parsing aborted\.$/;

/** The parser's token-limit error as QUERY_TOO_COMPLEX, or null for any other error. */
export function tokenLimitRejection(message: string): QueryTooComplexError | null {
  const match = TOKEN_LIMIT_MESSAGE.exec(message);
  return match ? new QueryTooComplexError(`Token limit of ${match[1]} exceeded.`, "tokens", Number(match[1])) : null;
}

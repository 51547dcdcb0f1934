import "reflect-metadata";
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { SourceResolver } from "./domain/source/source.resolver.js";
import { DateTimeScalar } from "./graphql/date-time.scalar.js";

/** Builds the executable schema from the resolver classes. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [SourceResolver],
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
  });
}

/** The SDL committed at schema/schema.graphql: sorted, so diffs show real changes only. */
export function printAppSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + "\n";
}

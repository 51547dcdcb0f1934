import "reflect-metadata";
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { ArticleResolver } from "./domain/article/article.resolver.js";
import { IngestResolver } from "./domain/article/ingest/ingest.resolver.js";
import { AssetResolver, PriceMoveResolver } from "./domain/asset/asset.resolver.js";
import { IndicatorReadingResolver, PriceLevelResolver } from "./domain/asset/stated.resolver.js";
import { IndicatorReadingArticleResolver, PriceLevelArticleResolver } from "./domain/article/stated.resolver.js";
import { ClaimArticlesResolver } from "./domain/article/claim-article.resolver.js";
import { EventReportsResolver } from "./domain/article/event-report.resolver.js";
import { EventStatementsResolver, PriceMoveStatementsResolver } from "./domain/article/stated-figures.resolver.js";
import {
  AssetAboutResolver,
  EntityAboutResolver,
  EventAboutResolver,
  MacroFactorAboutResolver,
  NarrativeAboutResolver,
  PriceMoveAboutResolver,
  SourceArticlesResolver,
} from "./domain/node/about.resolver.js";
import { ClaimResolver } from "./domain/claim/claim.resolver.js";
import { AssetEventsResolver, EventResolver } from "./domain/event/event.resolver.js";
import { NarrativeResolver } from "./domain/narrative/narrative.resolver.js";
import { NodeResolver } from "./domain/node/node.resolver.js";
import { NodeCandidatesResolver } from "./domain/node/node-candidates.resolver.js";
import { MERGES_RESOLVERS, NodeMergeResolver } from "./domain/node/merge.resolver.js";
import { SourceResolver } from "./domain/source/source.resolver.js";
import { TimelineResolver } from "./traversals/timeline/timeline.resolver.js";
import { SearchResolver } from "./traversals/search/search.resolver.js";
import { CausalChainsResolver } from "./traversals/causal/causal-chains.resolver.js";
import { CausalStepResolver } from "./traversals/causal/causal-step.resolver.js";
import { AttributionConflictResolver, AuditResolver } from "./traversals/audit/audit.resolver.js";
import { DriverResolver } from "./traversals/explain/driver.resolver.js";
import { ExplainResolver } from "./traversals/explain/explain.resolver.js";
import { RelatedArticlesResolver } from "./traversals/related/related.resolver.js";
import { LiveResolver } from "./live/live.resolver.js";
import { DateTimeScalar } from "./graphql/date-time.scalar.js";

const UNUSED_PUB_SUB = {
  publish(): never {
    throw new Error("subscriptions publish through the event bus (events/), not type-graphql's pubSub");
  },
  subscribe(): never {
    throw new Error("subscriptions read their own event streams (live/), not type-graphql's pubSub");
  },
};

/** Builds the executable schema from the resolver classes. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      NodeResolver,
      NodeCandidatesResolver,
      NodeMergeResolver,
      ...MERGES_RESOLVERS,
      SourceResolver,
      ArticleResolver,
      IngestResolver,
      ClaimResolver,
      AssetResolver,
      PriceMoveResolver,
      PriceLevelResolver,
      IndicatorReadingResolver,
      EventResolver,
      NarrativeResolver,
      PriceLevelArticleResolver,
      IndicatorReadingArticleResolver,
      ClaimArticlesResolver,
      EventReportsResolver,
      EventStatementsResolver,
      PriceMoveStatementsResolver,
      AssetEventsResolver,
      AssetAboutResolver,
      PriceMoveAboutResolver,
      EntityAboutResolver,
      MacroFactorAboutResolver,
      EventAboutResolver,
      NarrativeAboutResolver,
      SourceArticlesResolver,
      CausalChainsResolver,
      CausalStepResolver,
      ExplainResolver,
      DriverResolver,
      AuditResolver,
      AttributionConflictResolver,
      TimelineResolver,
      SearchResolver,
      RelatedArticlesResolver,
      LiveResolver,
    ],
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    // Every subscription brings its own stream (live/live.resolver.ts); type-graphql insists on a
    // pub/sub anyway, so it gets one that says it is not used.
    pubSub: UNUSED_PUB_SUB,
    validate: false,
  });
}

/** The SDL committed at schema/schema.graphql: sorted, so diffs show real changes only. */
export function printAppSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + "\n";
}

import { GraphQLError } from "graphql";
import { Arg, Ctx, Resolver, Root, Subscription } from "type-graphql";
import type { Context } from "../context.js";
import type { ArticleIngestedEvent, BusState, ClaimEvent, GraphEvent } from "../events/events.js";
import { ArticleFilter } from "../domain/article/article.filter.js";
import { toArticleCriteria } from "../domain/article/article.criteria.js";
import { Article } from "../domain/article/article.type.js";
import { ClaimFilter } from "../domain/claim/claim.filter.js";
import { toClaimCriteria } from "../domain/claim/claim.criteria.js";
import { Claim } from "../domain/claim/claim.type.js";
import { loadNode } from "../domain/shared/load.js";
import { BoundedStream, eventStream, isNotice, type StreamItem } from "./event-stream.js";
import { LiveUpdatesState, LiveUpdatesStatus } from "./live.type.js";
import { articleMatcher, claimMatcher } from "./matchers.js";

/** Events a subscriber may leave unread before it is dropped (see BoundedStream); SUBSCRIPTION_QUEUE_LIMIT overrides it. */
const DEFAULT_QUEUE_LIMIT = 100;

/** What the subscription server adds to a subscription's context (live/ws-server.ts). */
export interface LiveContext extends Context {
  /** Events a subscriber may leave unread before it is dropped. */
  readonly subscriptionQueueLimit?: number;
  /** The server's open streams, counted for /metrics. */
  readonly openStreams?: Set<object>;
}

function streamOf<T>(context: LiveContext, select: (event: GraphEvent) => T | null): AsyncIterable<StreamItem<T>> {
  return eventStream(context.events, select, context.subscriptionQueueLimit ?? DEFAULT_QUEUE_LIMIT, context.openStreams);
}

/** The event, or the notice turned into an error of this one message (the subscription goes on unless it was TOO_SLOW). */
function eventOf<T>(item: StreamItem<T>): T {
  if (!isNotice(item)) return item;
  if (item.notice === "INTERRUPTED") {
    throw new GraphQLError(
      "Live updates are interrupted (the event bus is unreachable); events may be missed until they resume. Re-read what you show once liveUpdatesStatus is LIVE again.",
      {
        extensions: { code: "LIVE_UPDATES_INTERRUPTED" },
      },
    );
  }
  throw new GraphQLError(`This subscription fell ${item.limit} events behind and was ended; subscribe again.`, {
    extensions: { code: "SUBSCRIBER_TOO_SLOW" },
  });
}

async function readBack<T extends Article | Claim>(ctx: Context, label: "Article" | "Claim", uid: string): Promise<T> {
  // The subscription's context outlives this event: what an earlier event cached may be stale now.
  ctx.clearLoaders();
  const node = await loadNode<T>(ctx, label, uid);
  if (!node) throw new GraphQLError(`${label} ${uid} was announced but could not be read`, { extensions: { code: "NOT_FOUND" } });
  return node;
}

@Resolver()
export class LiveResolver {
  @Subscription(() => Article, {
    description:
      "Each article whose ingest commits with new content (not a repeated or rejected ingest), in commit " +
      "order, if it matches the filter (same meaning as `articles`'s). The article is read when sent, so " +
      "its fields are current.",
    subscribe: ({ args, context }) =>
      streamOf(context as LiveContext, articleMatcher(toArticleCriteria((args.filter as ArticleFilter | undefined) ?? null))),
  })
  articleIngested(
    @Root() item: StreamItem<ArticleIngestedEvent>,
    @Arg("filter", () => ArticleFilter, { nullable: true }) _filter: ArticleFilter | null,
    @Ctx() ctx: Context,
  ): Promise<Article> {
    return readBack<Article>(ctx, "Article", eventOf(item).article.uid);
  }

  @Subscription(() => Claim, {
    description:
      "Each claim that becomes current when an ingest commits (new, or restored by an earlier version " +
      "coming back), in commit order, if it matches the filter (same meaning as `claims`'s: asset directly " +
      "or via its events and moves, cause, effect, polarity, modality, minConfidence, outlet publishing or " +
      "attributed, narrative). Select cause, effect and attributedTo to see what it links and on whose " +
      "authority.",
    subscribe: ({ args, context }) =>
      streamOf(context as LiveContext, claimMatcher(toClaimCriteria((args.filter as ClaimFilter | undefined) ?? null), "claimAdded")),
  })
  claimAdded(
    @Root() item: StreamItem<ClaimEvent>,
    @Arg("filter", () => ClaimFilter, { nullable: true }) _filter: ClaimFilter | null,
    @Ctx() ctx: Context,
  ): Promise<Claim> {
    return readBack<Claim>(ctx, "Claim", eventOf(item).claim.uid);
  }

  @Subscription(() => Claim, {
    description:
      "Each claim when it is first retracted (retractClaim), if it matches the filter (as claimAdded's), so " +
      "timelines can take it out.",
    subscribe: ({ args, context }) =>
      streamOf(context as LiveContext, claimMatcher(toClaimCriteria((args.filter as ClaimFilter | undefined) ?? null), "claimRetracted")),
  })
  claimRetracted(
    @Root() item: StreamItem<ClaimEvent>,
    @Arg("filter", () => ClaimFilter, { nullable: true }) _filter: ClaimFilter | null,
    @Ctx() ctx: Context,
  ): Promise<Claim> {
    return readBack<Claim>(ctx, "Claim", eventOf(item).claim.uid);
  }

  @Subscription(() => LiveUpdatesStatus, {
    description:
      "The state of live updates on this server: first the current one, then every change (INTERRUPTED " +
      "while Redis is away, LIVE when it is back).",
    subscribe: ({ context }) => statusStream(context as LiveContext),
  })
  liveUpdatesStatus(@Root() item: StreamItem<LiveUpdatesStatus>): LiveUpdatesStatus {
    return eventOf(item);
  }
}

/** The bus's state now, then each change; ends when the subscriber leaves. */
function statusStream(context: LiveContext): BoundedStream<LiveUpdatesStatus> {
  const status = (state: BusState) =>
    Object.assign(new LiveUpdatesStatus(), { state: LiveUpdatesState[state], since: new Date().toISOString() });
  return new BoundedStream<LiveUpdatesStatus>(
    (push) => {
      push(status(context.events.state));
      return [context.events.onStateChange((state) => push(status(state)))];
    },
    DEFAULT_QUEUE_LIMIT,
    context.openStreams,
  );
}

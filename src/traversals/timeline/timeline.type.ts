import { createUnionType, Field, ObjectType, registerEnumType } from "type-graphql";
import { Article } from "../../domain/article/article.type.js";
import { PriceMove } from "../../domain/asset/asset.type.js";
import { Claim } from "../../domain/claim/claim.type.js";
import { Event } from "../../domain/event/event.type.js";
import { Connection } from "../../graphql/connection.js";
import type { CursorKey } from "../../graphql/pagination.js";

/** What a timeline entry shows. */
export enum TimelineEntryKind {
  ARTICLE = "ARTICLE",
  EVENT = "EVENT",
  PRICE_MOVE = "PRICE_MOVE",
  CLAIM = "CLAIM",
}
registerEnumType(TimelineEntryKind, {
  name: "TimelineEntryKind",
  description: "ARTICLE at its publication, EVENT when it occurred, PRICE_MOVE when it started, CLAIM when its " + "article was published.",
});

/**
 * Tie-break between entries at the same instant: what happened (events, price moves) comes
 * before what was written about it (articles, then the claims they make).
 */
export const KIND_RANK: Readonly<Record<TimelineEntryKind, number>> = {
  [TimelineEntryKind.EVENT]: 0,
  [TimelineEntryKind.PRICE_MOVE]: 1,
  [TimelineEntryKind.ARTICLE]: 2,
  [TimelineEntryKind.CLAIM]: 3,
};

/** The kinds in rank order. */
export const KINDS_BY_RANK = (Object.keys(KIND_RANK) as TimelineEntryKind[]).sort((a, b) => KIND_RANK[a] - KIND_RANK[b]);

export type TimelineNodeValue = Article | Event | PriceMove | Claim;

/** The node behind a timeline entry. */
const TimelineNode = createUnionType({
  name: "TimelineNode",
  description: "The article, event, price move or claim a timeline entry shows.",
  types: () => [Article, Event, PriceMove, Claim] as const,
});

@ObjectType({ description: "One point (or span) on a timeline; exactly one of article, event, priceMove and claim is set." })
export class TimelineEntry {
  @Field(() => Date, { description: "Where the entry sits: publication, occurrence or start time." })
  at!: string;

  @Field(() => TimelineEntryKind)
  kind!: TimelineEntryKind;

  @Field(() => Date, { nullable: true, description: "End of a span: a price move's endAt, an event's endedAt; null for points." })
  endAt!: string | null;

  @Field({
    description: "A one-line label: the article's or event's title, the claim's text, or e.g. \"BTC 76000 → 78199\" " + "for a price move.",
  })
  title!: string;

  @Field(() => TimelineNode)
  node!: TimelineNodeValue;

  @Field(() => Article, { nullable: true })
  article!: Article | null;

  @Field(() => Event, { nullable: true })
  event!: Event | null;

  @Field(() => PriceMove, { nullable: true })
  priceMove!: PriceMove | null;

  @Field(() => Claim, { nullable: true })
  claim!: Claim | null;

  /** Sort key [at epoch millis, kind rank, id] the cursor encodes. */
  position!: CursorKey;
}

@ObjectType()
export class TimelineConnection extends Connection(TimelineEntry, "Timeline") {}

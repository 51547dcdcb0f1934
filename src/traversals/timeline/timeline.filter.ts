import { Field, InputType } from "type-graphql";
import { TimelineEntryKind } from "./timeline.type.js";

@InputType({ description: "Narrows a timeline; every given field must match. An empty filter is the whole graph, page by page." })
export class TimelineFilter {
  @Field(() => String, {
    nullable: true,
    description:
      "Asset symbol: articles mentioning it, events affecting it, its price moves, claims about it " +
      "(directly or via those events and moves).",
  })
  asset?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Narrative key: articles and claims advancing it (an article also by a claim of it); events and price " +
      "moves a claim advancing it names as cause, effect or condition.",
  })
  narrative?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Tag: articles tagged with it, the events and price moves they report, the claims they make.",
  })
  tag?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Outlet domain: its articles, the events and price moves they report, the claims they make or that " + "are attributed to it.",
  })
  source?: string | null;

  @Field(() => Date, {
    nullable: true,
    description:
      "Entries at or after this time; an event or price move whose span (occurredAt to endedAt, startAt to endAt) " +
      "runs into the window is in it, listed at its start.",
  })
  from?: string | null;

  @Field(() => Date, { nullable: true, description: "Entries at or before this time (an event or move: that start by then)." })
  to?: string | null;

  @Field(() => [TimelineEntryKind], { nullable: true, description: "Only these kinds of entry (default: all)." })
  kinds?: TimelineEntryKind[] | null;
}

import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import { toConnection } from "../../graphql/pagination.js";
import { toTimelineEntry } from "./timeline-entry.mapper.js";
import { toTimelineCriteria } from "./timeline.criteria.js";
import { timelinePage } from "./timeline.cursor.js";
import { TimelineFilter } from "./timeline.filter.js";
import { findTimelinePage } from "./timeline.repository.js";
import { TimelineConnection, TimelineEntry } from "./timeline.type.js";

const DEFAULT_PAGE = 50;

@Resolver(() => TimelineEntry)
export class TimelineResolver {
  @Query(() => TimelineConnection, {
    description:
      "Articles, events, price moves and current claims in time order (oldest first; at equal times events, " +
      "then price moves, articles, claims). " +
      "Cursors are positions in that order, so entries added while paging neither repeat nor shift earlier " +
      "pages.",
  })
  async timeline(
    @Arg("filter", () => TimelineFilter) filter: TimelineFilter,
    @Arg("first", () => Int, { nullable: true, defaultValue: DEFAULT_PAGE }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<TimelineConnection> {
    const criteria = toTimelineCriteria(filter);
    const page = timelinePage(first ?? DEFAULT_PAGE, after);
    const { rows, totalCount } = await findTimelinePage(ctx.cypher, criteria, new Date().toISOString(), page);
    return toConnection(rows.map(toTimelineEntry), totalCount, page, (entry) => entry.position);
  }
}

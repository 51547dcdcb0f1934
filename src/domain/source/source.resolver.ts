import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import { MAX_PAGE_SIZE } from "../../graphql/connection.args.js";
import { pageRequest, SOURCE_CURSOR, toConnection } from "../../graphql/pagination.js";
import { loadNode } from "../shared/load.js";
import { canonicalDomain } from "../../input/domain-name.js";
import { findSourcesPage } from "./source.repository.js";
import { Source, SourceConnection } from "./source.type.js";

@Resolver(() => Source)
export class SourceResolver {
  @Query(() => Source, { nullable: true, description: "An outlet by its domain; scheme, www. and case are ignored." })
  source(@Arg("domain") domain: string, @Ctx() ctx: Context): Promise<Source | null> {
    return loadNode<Source>(ctx, "Source", canonicalDomain(domain));
  }

  @Query(() => SourceConnection, { description: "All outlets, ordered by domain." })
  async sources(
    @Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<SourceConnection> {
    const page = pageRequest(first ?? 50, after, MAX_PAGE_SIZE, SOURCE_CURSOR);
    const { sources, totalCount } = await findSourcesPage(ctx.cypher, page);
    return toConnection(sources, totalCount, page, (source) => [source.domain]);
  }
}

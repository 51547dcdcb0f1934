import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { ConnectionArgs, MAX_PAGE_SIZE } from "../../graphql/connection.args.js";
import { ARTICLE_CURSOR, pageRequest, SOURCE_CURSOR, toConnection } from "../../graphql/pagination.js";
import { ArticleConnection } from "../article/article.type.js";
import { loadNode } from "../node/load.js";
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

  @FieldResolver(() => ArticleConnection, { description: "Articles this outlet published, newest first." })
  articles(@Root() source: Source, @Args() { first, after }: ConnectionArgs, @Ctx() ctx: Context) {
    const page = pageRequest(first ?? 20, after, MAX_PAGE_SIZE, ARTICLE_CURSOR);
    return ctx.loaders.articlesAbout.load({ label: "Source", key: source.domain, page, options: { asOf: new Date().toISOString() } });
  }
}

import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { BadUserInputError } from "../../errors.js";
import { MAX_PAGE_SIZE } from "../../graphql/connection.args.js";
import { fromGlobalId } from "../../graphql/global-id.js";
import { ARTICLE_CURSOR, pageRequest } from "../../graphql/pagination.js";
import { IndicatorReading, Asset, PriceLevel, PriceMove } from "../asset/asset.type.js";
import { ClaimVisibilityArgs, toClaimVisibility } from "../claim/claim-visibility.args.js";
import { Claim, claimAt } from "../claim/claim.type.js";
import { withoutRelated } from "../../cypher/projection.js";
import { Entity } from "../entity/entity.type.js";
import { Event } from "../event/event.type.js";
import { MacroFactor } from "../macro-factor/macro-factor.type.js";
import { Narrative } from "../narrative/narrative.type.js";
import { loadNode } from "../shared/load.js";
import { nodeSelection } from "../shared/node.selection.js";
import { Source } from "../source/source.type.js";
import { ArticleVersion } from "./article-version.type.js";
import { ArticleFilter } from "./article.filter.js";
import { toArticleCriteria } from "./article.criteria.js";
import type { ArticleList } from "./article-lists.loaders.js";
import { findArticlesPage, findVersionAt } from "./article.repository.js";
import { Article, ArticleConnection } from "./article.type.js";
import { canonicalUrl } from "../../input/canonical-url.js";
import { articleUid } from "../shared/article-id.js";
import { Tag } from "./tag.type.js";

/** One of the article's lists, of its current version or of the version current at its asOf. */
function listOf<T extends object>(ctx: Context, article: Article, list: ArticleList): Promise<T[]> {
  const items = article.asOf
    ? ctx.loaders.articleListsAt[list].load({ key: article.uid, options: { asOf: article.asOf } })
    : ctx.loaders.articleLists[list].load(article.uid);
  return items as Promise<T[]>;
}

/**
 * The article as it stood at `asOf`: the version then current; null if it had not been
 * ingested yet, or, known only from citations, not yet cited.
 */
async function articleAt(ctx: Context, article: Article, asOf: string): Promise<Article | null> {
  const { versioned, known, version } = await findVersionAt(ctx.cypher, article.uid, asOf);
  if (versioned ? !version : !known) return null;
  const past = version?.supersededAt ? { ...version, ingestedAt: version.recordedAt } : {};
  return Object.assign(new Article(), article, past, { asOf });
}

@Resolver(() => Article)
export class ArticleResolver {
  @Query(() => Article, {
    nullable: true,
    description:
      "An article by global id or by URL (any standard form of it, see README). With asOf: the article as " +
      "the graph knew it then, its fields and lists those of the version current at that time; null if it " +
      "had not been ingested by then (an article known only from citations: not cited by then).",
  })
  async article(
    @Arg("id", () => ID, { nullable: true }) id: string | null,
    @Arg("url", () => String, { nullable: true }) url: string | null,
    @Arg("asOf", () => Date, { nullable: true }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<Article | null> {
    if ((id == null) === (url == null)) throw new BadUserInputError("Pass exactly one of id and url", id == null ? "id" : "url");
    let uid: string | null = null;
    if (id != null) {
      const { type, key } = fromGlobalId(id);
      uid = type === "Article" ? key : null;
    } else {
      const canonical = canonicalUrl(url!);
      if (!canonical) throw new BadUserInputError(`"${url}" is not an absolute http(s) URL`, "url");
      uid = articleUid(canonical);
    }
    const article = await loadNode<Article>(ctx, "Article", uid);
    return article && asOf ? articleAt(ctx, article, asOf) : article;
  }

  @Query(() => ArticleConnection, { description: "Articles newest first, optionally filtered." })
  async articles(
    @Arg("filter", () => ArticleFilter, { nullable: true }) filter: ArticleFilter | null,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<ArticleConnection> {
    const page = pageRequest(first ?? 20, after, MAX_PAGE_SIZE, ARTICLE_CURSOR);
    return findArticlesPage(ctx.cypher, toArticleCriteria(filter), page);
  }

  @FieldResolver(() => Source, { nullable: true, description: "The outlet that published it (its one publisher)." })
  async source(@Root() article: Article, @Ctx() ctx: Context) {
    // Lists read the current publisher with the article; a view asOf an earlier time reads the one it had then.
    if (!article.asOf && article.publisher !== undefined) return article.publisher;
    return (await listOf<Source>(ctx, article, "source"))[0] ?? null;
  }

  @FieldResolver(() => [ArticleVersion], {
    description:
      "Every period in which one content was the article's current version, newest first; empty for " + "articles only known as citations.",
  })
  async versions(@Root() article: Article, @Ctx() ctx: Context): Promise<ArticleVersion[]> {
    const versions = await ctx.loaders.versionsOfArticle.load(article.uid);
    // The current version's content lives on the article itself.
    const current = article.asOf ? await loadNode<Article>(ctx, "Article", article.uid) : article;
    if (!current || versions.every((v) => v.supersededAt)) return versions;
    const body = current.body !== undefined ? current.body : await ctx.loaders.bodyOfArticle.load(current.uid);
    return versions.map((v) =>
      v.supersededAt
        ? v
        : Object.assign(new ArticleVersion(), current, { body, contentHash: v.contentHash, recordedAt: v.recordedAt, supersededAt: null }),
    );
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The article's text as ingested (up to 200,000 characters); fetched only when selected.",
  })
  body(@Root() article: Article, @Ctx() ctx: Context): string | null | Promise<string | null> {
    return article.body !== undefined ? article.body : ctx.loaders.bodyOfArticle.load(article.uid);
  }

  @FieldResolver(() => [Claim], {
    description:
      "Claims the article makes, by key: by default those of its current version (at the article's asOf, if " +
      "set) that are not retracted (the rule of the root `claims`).",
  })
  async claims(@Root() article: Article, @Args() visibility: ClaimVisibilityArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const options = toClaimVisibility({ ...visibility, asOf: visibility.asOf ?? article.asOf });
    if (options.now) return ctx.loaders.claimsOfArticle.load({ key: article.uid, options, select: nodeSelection(info) });
    // Asked at an earlier time: the claims carry it, so their links read are those held then.
    const claims = await ctx.loaders.claimsOfArticle.load({ key: article.uid, options, select: withoutRelated(nodeSelection(info)) });
    return claims.map((claim) => claimAt(claim, options.asOf));
  }

  @FieldResolver(() => [Article], { description: "The articles it cites (its source list)." })
  cites(@Root() article: Article, @Ctx() ctx: Context) {
    return listOf<Article>(ctx, article, "cites");
  }

  @FieldResolver(() => [Article], { description: "Articles whose current version cites it." })
  citedBy(@Root() article: Article, @Ctx() ctx: Context) {
    return ctx.loaders.citedByOfArticle.load(article.uid);
  }

  @FieldResolver(() => [Tag])
  tags(@Root() article: Article, @Ctx() ctx: Context) {
    return listOf<Tag>(ctx, article, "tags");
  }

  @FieldResolver(() => [Asset])
  assets(@Root() article: Article, @Ctx() ctx: Context) {
    return listOf<Asset>(ctx, article, "assets");
  }

  @FieldResolver(() => [Entity])
  entities(@Root() article: Article, @Ctx() ctx: Context) {
    return listOf<Entity>(ctx, article, "entities");
  }

  @FieldResolver(() => [MacroFactor])
  macroFactors(@Root() article: Article, @Ctx() ctx: Context) {
    return listOf<MacroFactor>(ctx, article, "macroFactors");
  }

  @FieldResolver(() => [Event], { description: "Events it reports." })
  events(@Root() article: Article, @Ctx() ctx: Context) {
    return listOf<Event>(ctx, article, "events");
  }

  @FieldResolver(() => [PriceMove], { description: "Price moves it reports." })
  priceMoves(@Root() article: Article, @Ctx() ctx: Context) {
    return listOf<PriceMove>(ctx, article, "priceMoves");
  }

  @FieldResolver(() => [PriceLevel], { description: "Price levels it states." })
  levels(@Root() article: Article, @Ctx() ctx: Context) {
    return listOf<PriceLevel>(ctx, article, "levels");
  }

  @FieldResolver(() => [IndicatorReading], { description: "Indicator readings it states." })
  indicators(@Root() article: Article, @Ctx() ctx: Context) {
    return listOf<IndicatorReading>(ctx, article, "indicators");
  }

  @FieldResolver(() => [Narrative], { description: "Narratives it advances." })
  narratives(@Root() article: Article, @Ctx() ctx: Context) {
    return listOf<Narrative>(ctx, article, "narratives");
  }
}

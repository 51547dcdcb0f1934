import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { BadUserInputError } from "../../errors.js";
import { MAX_PAGE_SIZE } from "../../graphql/connection.args.js";
import { fromGlobalId } from "../../graphql/global-id.js";
import { pageRequest, TIME_ID_CURSOR } from "../../graphql/pagination.js";
import { IndicatorReading, Asset, PriceLevel, PriceMove } from "../asset/asset.type.js";
import { ClaimVisibilityArgs, toClaimVisibility } from "../claim/claim-visibility.args.js";
import { Claim } from "../claim/claim.type.js";
import { Entity } from "../entity/entity.type.js";
import { Event } from "../event/event.type.js";
import { MacroFactor } from "../macro-factor/macro-factor.type.js";
import { Narrative } from "../narrative/narrative.type.js";
import { loadNode } from "../node/load.js";
import { Source } from "../source/source.type.js";
import { ArticleFilter } from "./article.filter.js";
import { toArticleCriteria } from "./article.criteria.js";
import { findArticlesPage } from "./article.repository.js";
import { Article, ArticleConnection } from "./article.type.js";
import { articleUid, canonicalUrl } from "./ingest/canonical-url.js";
import { Tag } from "./tag.type.js";

@Resolver(() => Article)
export class ArticleResolver {
  @Query(() => Article, { nullable: true, description: "An article by global id or by URL (any form of it: www., tracking parameters and case are ignored)." })
  article(
    @Arg("id", () => ID, { nullable: true }) id: string | null,
    @Arg("url", () => String, { nullable: true }) url: string | null,
    @Ctx() ctx: Context,
  ): Promise<Article | null> {
    if ((id == null) === (url == null)) throw new BadUserInputError("Pass exactly one of id and url", id == null ? "id" : "url");
    if (id != null) {
      const { type, key } = fromGlobalId(id);
      return type === "Article" ? loadNode<Article>(ctx, "Article", key) : Promise.resolve(null);
    }
    const canonical = canonicalUrl(url!);
    if (!canonical) throw new BadUserInputError(`"${url}" is not an absolute http(s) URL`, "url");
    return loadNode<Article>(ctx, "Article", articleUid(canonical));
  }

  @Query(() => ArticleConnection, { description: "Articles newest first, optionally filtered." })
  async articles(
    @Arg("filter", () => ArticleFilter, { nullable: true }) filter: ArticleFilter | null,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<ArticleConnection> {
    const page = pageRequest(first ?? 20, after, MAX_PAGE_SIZE, TIME_ID_CURSOR);
    return findArticlesPage(ctx.cypher, toArticleCriteria(filter), page);
  }

  @FieldResolver(() => Source, { nullable: true, description: "The outlet that published it." })
  source(@Root() article: Article, @Ctx() ctx: Context) {
    return loadNode<Source>(ctx, "Source", article.sourceDomain);
  }

  @FieldResolver(() => [Claim], {
    description: "Claims the article makes, by key: by default those of its current version that are not retracted (the rule of the root `claims`).",
  })
  claims(@Root() article: Article, @Args() visibility: ClaimVisibilityArgs, @Ctx() ctx: Context) {
    return ctx.loaders.claimsOfArticle.load({ key: article.uid, options: toClaimVisibility(visibility) });
  }

  @FieldResolver(() => [Article], { description: "The articles it cites (its source list)." })
  cites(@Root() article: Article, @Ctx() ctx: Context) {
    return ctx.loaders.citesOfArticle.load(article.uid);
  }

  @FieldResolver(() => [Article], { description: "Articles that cite it." })
  citedBy(@Root() article: Article, @Ctx() ctx: Context) {
    return ctx.loaders.citedByOfArticle.load(article.uid);
  }

  @FieldResolver(() => [Tag])
  tags(@Root() article: Article, @Ctx() ctx: Context) {
    return ctx.loaders.tagsOfArticle.load(article.uid);
  }

  @FieldResolver(() => [Asset])
  assets(@Root() article: Article, @Ctx() ctx: Context) {
    return ctx.loaders.assetsOfArticle.load(article.uid);
  }

  @FieldResolver(() => [Entity])
  entities(@Root() article: Article, @Ctx() ctx: Context) {
    return ctx.loaders.entitiesOfArticle.load(article.uid);
  }

  @FieldResolver(() => [MacroFactor])
  macroFactors(@Root() article: Article, @Ctx() ctx: Context) {
    return ctx.loaders.macroFactorsOfArticle.load(article.uid);
  }

  @FieldResolver(() => [Event], { description: "Events it reports." })
  events(@Root() article: Article, @Ctx() ctx: Context) {
    return ctx.loaders.eventsOfArticle.load(article.uid);
  }

  @FieldResolver(() => [PriceMove], { description: "Price moves it reports." })
  priceMoves(@Root() article: Article, @Ctx() ctx: Context) {
    return ctx.loaders.priceMovesOfArticle.load(article.uid);
  }

  @FieldResolver(() => [PriceLevel], { description: "Price levels it states." })
  levels(@Root() article: Article, @Ctx() ctx: Context) {
    return ctx.loaders.levelsOfArticle.load(article.uid);
  }

  @FieldResolver(() => [IndicatorReading], { description: "Indicator readings it states." })
  indicators(@Root() article: Article, @Ctx() ctx: Context) {
    return ctx.loaders.indicatorsOfArticle.load(article.uid);
  }

  @FieldResolver(() => [Narrative], { description: "Narratives it advances." })
  narratives(@Root() article: Article, @Ctx() ctx: Context) {
    return ctx.loaders.narrativesOfArticle.load(article.uid);
  }
}

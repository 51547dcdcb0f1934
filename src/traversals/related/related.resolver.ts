import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { BadUserInputError } from "../../errors.js";
import { Article } from "../../domain/article/article.type.js";
import { relatedArticlesLoader } from "./related.repository.js";
import { RelatedArticle } from "./related.type.js";

/** The request's related-articles loader, made on first use (a request's contexts are never shared). */
const loaders = new WeakMap<Context, ReturnType<typeof relatedArticlesLoader>>();
function loaderOf(ctx: Context) {
  let loader = loaders.get(ctx);
  if (!loader) loaders.set(ctx, (loader = relatedArticlesLoader(ctx.cypher)));
  return loader;
}

const MAX_RELATED = 20;

@Resolver(() => Article)
export class RelatedArticlesResolver {
  @FieldResolver(() => [RelatedArticle], {
    description:
      "Other articles ranked by what they share with this one's current version in the graph: citations " +
      "either way, reported events, current claims with the same cause and effect, narratives, and assets " +
      "(articles published within 3 days); score = sum of the reasons' weights (see RelatedReasonKind), " +
      "ties newest first. first: 1 to 20. Each shared thing contributes at most 25 candidates (the newest; " +
      "for assets the nearest in time).",
  })
  related(
    @Root() article: Article,
    @Arg("first", () => Int, { defaultValue: 5 }) first: number,
    @Ctx() ctx: Context,
  ): Promise<RelatedArticle[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_RELATED)
      throw new BadUserInputError(`first must be between 1 and ${MAX_RELATED}`, "first");
    return loaderOf(ctx).load({ uid: article.uid, first });
  }
}

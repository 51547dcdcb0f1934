import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { Claim } from "../claim/claim.type.js";
import { loadNode } from "../shared/load.js";
import { Article } from "./article.type.js";

/** A claim's articles: the one that makes it and those it cites (here, so claim/ needs no article/). */
@Resolver(() => Claim)
export class ClaimArticlesResolver {
  @FieldResolver(() => Article, { description: "The article that makes the claim." })
  async article(@Root() claim: Claim, @Ctx() ctx: Context) {
    return loadNode<Article>(ctx, "Article", claim.articleUid);
  }

  @FieldResolver(() => [Article], { description: "Cited articles that support the claim." })
  supportedBy(@Root() claim: Claim, @Ctx() ctx: Context) {
    return claim.asOf
      ? ctx.loaders.supportedByOfClaimAt.load({ key: claim.uid, options: { asOf: claim.asOf } })
      : ctx.loaders.supportedByOfClaim.load(claim.uid);
  }
}

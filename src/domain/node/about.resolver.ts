import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, registerEnumType, Resolver, Root, type ClassType } from "type-graphql";
import type { Context } from "../../context.js";
import type { Label } from "../../cypher/labels.js";
import { ConnectionArgs, MAX_PAGE_SIZE } from "../../graphql/connection.args.js";
import { ARTICLE_CURSOR, CLAIM_CURSOR, mapNodes, pageRequest } from "../../graphql/pagination.js";
import { ArticleConnection } from "../article/article.type.js";
import { ClaimVisibilityArgs, toClaimVisibility } from "../claim/claim-visibility.args.js";
import { claimAt, ClaimConnection } from "../claim/claim.type.js";
import { withoutRelated } from "../../cypher/projection.js";
import { Asset, PriceMove } from "../asset/asset.type.js";
import { Entity } from "../entity/entity.type.js";
import { Event } from "../event/event.type.js";
import { MacroFactor } from "../macro-factor/macro-factor.type.js";
import { Narrative } from "../narrative/narrative.type.js";
import { Source } from "../source/source.type.js";
import { nodeSelection } from "../shared/node.selection.js";

enum ClaimRole {
  ANY = "ANY",
  CAUSE = "CAUSE",
  EFFECT = "EFFECT",
  CONDITION = "CONDITION",
}
registerEnumType(ClaimRole, {
  name: "ClaimRole",
  description: "The part a node plays in a claim (ANY includes narratives a claim advances).",
});

/**
 * `articles` and `claims` connections for a node type: the articles about it and the current
 * claims naming it, each batched across parents into one query per level.
 */
function AboutResolver<T extends object>(type: ClassType<T>, label: Label, keyOf: (node: T) => string) {
  @Resolver(() => type)
  abstract class AboutResolverBase {
    @FieldResolver(() => ArticleConnection, {
      description:
        "Articles about this, newest first: publishing, mentioning, reporting or advancing it, or making a " +
        "current claim that names it.",
    })
    articles(@Root() node: T, @Args() { first, after }: ConnectionArgs, @Ctx() ctx: Context) {
      const page = pageRequest(first ?? 20, after, MAX_PAGE_SIZE, ARTICLE_CURSOR);
      return ctx.loaders.articlesAbout.load({ label, key: keyOf(node), page, options: { asOf: new Date().toISOString() } });
    }

    @FieldResolver(() => ClaimConnection, {
      description:
        "Claims that name this, newest article first; by default current and not retracted (the rule of the " + "root `claims`).",
    })
    async claims(
      @Root() node: T,
      @Args() { first, after }: ConnectionArgs,
      @Args() visibility: ClaimVisibilityArgs,
      @Arg("role", () => ClaimRole, { defaultValue: ClaimRole.ANY }) role: ClaimRole,
      @Ctx() ctx: Context,
      @Info() info: GraphQLResolveInfo,
    ) {
      const page = pageRequest(first ?? 20, after, MAX_PAGE_SIZE, CLAIM_CURSOR);
      const options = { ...toClaimVisibility(visibility) };
      const select = nodeSelection(info, ["edges", "node"]);
      if (options.now) return ctx.loaders.claimsAbout.load({ label, key: keyOf(node), page, variant: role, options, select });
      // Asked at an earlier time: the claims carry it, so their links read are those held then.
      const connection = await ctx.loaders.claimsAbout.load({
        label,
        key: keyOf(node),
        page,
        variant: role,
        options,
        select: withoutRelated(select),
      });
      return mapNodes(connection, (claim) => claimAt(claim, options.asOf));
    }
  }
  return AboutResolverBase;
}

// The lists about each kind of node. They live here, above the entity folders, so no entity
// imports another that lists it.
@Resolver(() => Asset)
export class AssetAboutResolver extends AboutResolver(Asset, "Asset", (asset) => asset.symbol) {}

@Resolver(() => PriceMove)
export class PriceMoveAboutResolver extends AboutResolver(PriceMove, "PriceMove", (move) => move.key) {}

@Resolver(() => Entity)
export class EntityAboutResolver extends AboutResolver(Entity, "Entity", (entity) => entity.key) {}

@Resolver(() => MacroFactor)
export class MacroFactorAboutResolver extends AboutResolver(MacroFactor, "MacroFactor", (factor) => factor.key) {}

@Resolver(() => Event)
export class EventAboutResolver extends AboutResolver(Event, "Event", (event) => event.key) {}

@Resolver(() => Narrative)
export class NarrativeAboutResolver extends AboutResolver(Narrative, "Narrative", (narrative) => narrative.key) {}

@Resolver(() => Source)
export class SourceArticlesResolver {
  @FieldResolver(() => ArticleConnection, { description: "Articles this outlet published, newest first." })
  articles(@Root() source: Source, @Args() { first, after }: ConnectionArgs, @Ctx() ctx: Context) {
    const page = pageRequest(first ?? 20, after, MAX_PAGE_SIZE, ARTICLE_CURSOR);
    return ctx.loaders.articlesAbout.load({ label: "Source", key: source.domain, page, options: { asOf: new Date().toISOString() } });
  }
}

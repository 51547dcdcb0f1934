import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { requireEditor } from "../../auth/viewer.js";
import type { Context } from "../../context.js";
import { BadUserInputError } from "../../errors.js";
import { FieldReader } from "../../input/field-reader.js";
import { Problems } from "../../input/problems.js";
import { MAX_PAGE_SIZE } from "../../graphql/connection.args.js";
import { fromGlobalId } from "../../graphql/global-id.js";
import { CLAIM_CURSOR, pageRequest } from "../../graphql/pagination.js";
import { CausalNode } from "../event/causal-node.union.js";
import { loadNode } from "../shared/load.js";
import { nodeSelection } from "../shared/node.selection.js";
import { Narrative } from "../narrative/narrative.type.js";
import { Source } from "../source/source.type.js";
import { toClaimCriteria } from "./claim.criteria.js";
import { ClaimFilter } from "./claim.filter.js";
import { findClaimsPage, retractClaim } from "./claim.repository.js";
import type { EndpointRequest } from "./claim.loaders.js";
import { Claim, ClaimConnection } from "./claim.type.js";

/** A claim's cause, effect or conditions to load: the links it holds now, or those it held at the asOf of the list that found it. */
function endpoints(claim: Claim, role: EndpointRequest["role"], info: GraphQLResolveInfo): EndpointRequest {
  return { uid: claim.uid, role, select: nodeSelection(info), ...(claim.asOf ? { asOf: claim.asOf } : {}) };
}

@Resolver(() => Claim)
export class ClaimResolver {
  @Query(() => ClaimConnection, {
    description:
      "Claims as the graph knew them at asOf (default: now), newest article first. Retracted and superseded " +
      "claims are left out unless the filter asks for them.",
  })
  async claims(
    @Arg("filter", () => ClaimFilter, { nullable: true }) filter: ClaimFilter | null,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Arg("asOf", () => Date, { nullable: true }) asOf: string | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ClaimConnection> {
    const page = pageRequest(first ?? 20, after, MAX_PAGE_SIZE, CLAIM_CURSOR);
    return findClaimsPage(ctx.cypher, toClaimCriteria(filter), asOf, page, nodeSelection(info, ["edges", "node"]));
  }

  @Mutation(() => Claim, { description: "Marks a claim retracted (editor only); it stays in the graph for audits and asOf queries." })
  async retractClaim(@Arg("id", () => ID) id: string, @Arg("reason") reason: string, @Ctx() ctx: Context): Promise<Claim> {
    requireEditor(ctx.viewer, "retractClaim");
    const { type, key } = fromGlobalId(id);
    if (type !== "Claim") throw new BadUserInputError(`"${id}" is the id of a ${type}, not a claim`, "id");
    const problems = new Problems();
    const text = new FieldReader(problems).text(reason, "reason", 2000);
    problems.throwIfAny();
    const retraction = await retractClaim(ctx.cypher, key, text, new Date().toISOString());
    if (!retraction) throw new BadUserInputError(`No claim has id "${id}"`, "id");
    ctx.logger.info({ claim: retraction.id, reason: text }, "claim retracted");
    // After the commit: subscribers never hear of a write that did not happen.
    if (retraction.event) await ctx.events.publish([retraction.event]);
    const claim = await loadNode<Claim>(ctx, "Claim", retraction.id);
    return claim!;
  }

  @FieldResolver(() => CausalNode, { nullable: true })
  async cause(@Root() claim: Claim, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    if (claim.related && "cause" in claim.related) return claim.related.cause ?? null;
    return (await ctx.loaders.endpointsOfClaim.load(endpoints(claim, "CAUSE", info)))[0] ?? null;
  }

  @FieldResolver(() => CausalNode, { nullable: true })
  async effect(@Root() claim: Claim, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    if (claim.related && "effect" in claim.related) return claim.related.effect ?? null;
    return (await ctx.loaders.endpointsOfClaim.load(endpoints(claim, "EFFECT", info)))[0] ?? null;
  }

  @FieldResolver(() => [CausalNode], { description: "What must hold first, for CONDITIONAL claims." })
  conditions(@Root() claim: Claim, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.endpointsOfClaim.load(endpoints(claim, "IF", info));
  }

  @FieldResolver(() => [Source], { description: 'Outlets the claim is attributed to inline ("according to ...").' })
  attributedTo(@Root() claim: Claim, @Ctx() ctx: Context) {
    return claim.asOf
      ? ctx.loaders.attributedToOfClaimAt.load({ key: claim.uid, options: { asOf: claim.asOf } })
      : ctx.loaders.attributedToOfClaim.load(claim.uid);
  }

  @FieldResolver(() => [Narrative])
  narratives(@Root() claim: Claim, @Ctx() ctx: Context) {
    return claim.asOf
      ? ctx.loaders.narrativesOfClaimAt.load({ key: claim.uid, options: { asOf: claim.asOf } })
      : ctx.loaders.narrativesOfClaim.load(claim.uid);
  }
}

import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { refKey } from "../../cypher/labels.js";
import { Claim, claimAt } from "../../domain/claim/claim.type.js";
import { CausalNode } from "../../domain/event/causal-node.union.js";
import type { GraphNode } from "../../domain/node/node.mapper.js";
import { CausalStep } from "./causal-path.type.js";

const claimsOf = async (step: CausalStep, ctx: Context) =>
  (await ctx.loaders.node.loadMany(step.claimIds.map((id) => refKey("Claim", id))))
    .filter((c): c is Claim => c instanceof Claim)
    .map((c) => claimAt(c, step.asOf));

/** A step's ends and claims, loaded with every other step's at the same level in one round trip. */
@Resolver(() => CausalStep)
export class CausalStepResolver {
  @FieldResolver(() => CausalNode)
  async from(@Root() step: CausalStep, @Ctx() ctx: Context): Promise<GraphNode | null> {
    return ctx.loaders.node.load(refKey(step.fromRef.label, step.fromRef.key));
  }

  @FieldResolver(() => CausalNode)
  async to(@Root() step: CausalStep, @Ctx() ctx: Context): Promise<GraphNode | null> {
    return ctx.loaders.node.load(refKey(step.toRef.label, step.toRef.key));
  }

  @FieldResolver(() => Claim, { description: "The most confident claim for this hop." })
  async claim(@Root() step: CausalStep, @Ctx() ctx: Context): Promise<Claim | null> {
    const claim = await ctx.loaders.node.load(refKey("Claim", step.claimIds[0]!));
    return claim instanceof Claim ? claimAt(claim, step.asOf) : null;
  }

  @FieldResolver(() => [Claim], { description: "Every claim asserting this hop that the question may use, most confident first." })
  claims(@Root() step: CausalStep, @Ctx() ctx: Context): Promise<Claim[]> {
    return claimsOf(step, ctx);
  }
}

import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { pairKey } from "../../cypher/claim-pair.js";
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

  @FieldResolver(() => [Claim], {
    description:
      'Claims contesting this hop (docs/meaning.md, "Contested hops"): current denials of a leads-to relation ' +
      "and PREVENTS claims on the same cause and effect, from outlets that assert the hop in none of their " +
      "articles (an outlet contradicting itself does not contest it); as of the question's time; most confident first.",
  })
  async denials(@Root() step: CausalStep, @Ctx() ctx: Context): Promise<Claim[]> {
    const claims = await ctx.loaders.contestingOfPair.load({ pair: pairKey(step.fromRef, step.toRef), asOf: step.asOf });
    return claims.map((claim) => claimAt(claim, step.asOf));
  }

  @FieldResolver(() => Boolean, { description: "True when another outlet contests this hop (denials is not empty)." })
  async contested(@Root() step: CausalStep, @Ctx() ctx: Context): Promise<boolean> {
    const denials = await ctx.loaders.contestingOfPair.load({ pair: pairKey(step.fromRef, step.toRef), asOf: step.asOf });
    return denials.length > 0;
  }
}

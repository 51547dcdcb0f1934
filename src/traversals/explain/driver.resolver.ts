import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { refKey } from "../../cypher/labels.js";
import { CausalNode } from "../../domain/event/causal-node.union.js";
import type { GraphNode } from "../../domain/node/node.mapper.js";
import { Driver } from "./explanation.type.js";

@Resolver(() => Driver)
export class DriverResolver {
  @FieldResolver(() => CausalNode, {
    description: "The event, macro factor, narrative, entity, asset or price move the chains start from.",
  })
  node(@Root() driver: Driver, @Ctx() ctx: Context): Promise<GraphNode | null> {
    return ctx.loaders.node.load(refKey(driver.nodeRef.label, driver.nodeRef.key));
  }
}

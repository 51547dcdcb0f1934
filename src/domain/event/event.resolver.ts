import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { Asset } from "../asset/asset.type.js";
import { CausalNode } from "./causal-node.union.js";
import { Event } from "./event.type.js";

@Resolver(() => Event)
export class EventResolver {
  @FieldResolver(() => [CausalNode], { description: "What the event affects." })
  affects(@Root() event: Event, @Ctx() ctx: Context) {
    return ctx.loaders.affectsOfEvent.load(event.key);
  }
}

@Resolver(() => Asset)
export class AssetEventsResolver {
  @FieldResolver(() => [Event], { description: "Events that affect it." })
  events(@Root() asset: Asset, @Ctx() ctx: Context) {
    return ctx.loaders.eventsOfAsset.load(asset.symbol);
  }
}

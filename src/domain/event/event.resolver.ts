import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { AboutResolver } from "../node/about.resolver.js";
import { CausalNode } from "../node/causal-node.union.js";
import { EventReport } from "./event.report.type.js";
import { Event } from "./event.type.js";

@Resolver(() => Event)
export class EventResolver extends AboutResolver(Event, "Event", (event) => event.key) {
  @FieldResolver(() => [CausalNode], { description: "What the event affects." })
  affects(@Root() event: Event, @Ctx() ctx: Context) {
    return ctx.loaders.affectsOfEvent.load(event.key);
  }

  @FieldResolver(() => [EventReport], { description: "Every article reporting the event, with the amount each gives." })
  reports(@Root() event: Event, @Ctx() ctx: Context) {
    return ctx.loaders.reportsOfEvent.load(event.key);
  }
}

import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { Event } from "../event/event.type.js";
import { EventReport } from "./event-report.type.js";

@Resolver(() => Event)
export class EventReportsResolver {
  @FieldResolver(() => [EventReport], { description: "Every article reporting the event, with the amount each gives." })
  reports(@Root() event: Event, @Ctx() ctx: Context) {
    return ctx.loaders.reportsOfEvent.load(event.key);
  }
}

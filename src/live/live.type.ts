import { Field, ObjectType, registerEnumType } from "type-graphql";

export enum LiveUpdatesState {
  LIVE = "LIVE",
  INTERRUPTED = "INTERRUPTED",
}

registerEnumType(LiveUpdatesState, {
  name: "LiveUpdatesState",
  description:
    "LIVE: subscriptions receive events. INTERRUPTED: the event bus (Redis) is unreachable; writes still " +
    "succeed, but their events may not reach subscribers until it is back.",
});

@ObjectType({ description: "Whether live updates are flowing on this server." })
export class LiveUpdatesStatus {
  @Field(() => LiveUpdatesState)
  state!: LiveUpdatesState;

  @Field(() => Date, { description: "When this server saw the state begin (or, for the first message, when it was asked)." })
  since!: string;
}

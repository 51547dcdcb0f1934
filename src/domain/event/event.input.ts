import { Field, Float, InputType } from "type-graphql";
import { NodeRef } from "../shared/node-ref.input.js";

@InputType({ description: "Something that happened; matched by key, created if new. The article reports it." })
export class EventInput {
  @Field()
  key!: string;

  @Field({ description: "e.g. liquidation, etf-flow, treasury, index-move, corporate-action." })
  kind!: string;

  @Field()
  title!: string;

  @Field(() => Date, { nullable: true })
  occurredAt?: string | null;

  @Field(() => Date, { nullable: true })
  endedAt?: string | null;

  @Field(() => Float, { nullable: true, description: "US-dollar amount as this article reports it." })
  amountUsd?: number | null;

  @Field(() => [NodeRef], {
    nullable: true,
    description:
      "What the event affects (assets, usually): an asset, entity, macro factor, event, price move or " +
      "narrative, not itself; a SOURCE is BAD_USER_INPUT.",
  })
  affects?: NodeRef[] | null;
}

@InputType({ description: "An event a cited article reports, with the figure it gives." })
export class EventReportInput {
  @Field({ description: "Key of an event in this input or the graph." })
  event!: string;

  @Field(() => Float, { nullable: true })
  amountUsd?: number | null;
}

import { Field, Float, ObjectType } from "type-graphql";
import { Node } from "../../graphql/node.interface.js";

@ObjectType({ implements: Node, description: "Something that happened (or, without occurredAt, a scenario articles discuss)." })
export class Event extends Node {
  @Field()
  key!: string;

  @Field()
  kind!: string;

  @Field()
  title!: string;

  @Field(() => Date, { nullable: true })
  occurredAt!: string | null;

  @Field(() => Date, { nullable: true })
  endedAt!: string | null;

  @Field(() => Float, { nullable: true, description: "US-dollar amount as first reported." })
  amountUsd!: number | null;

  @Field(() => [String], {
    description: "Every key and name it was given, its own first (see nodeCandidates): a reference to any of its keys resolves to it.",
  })
  aliases!: string[];
}

import { Field, ObjectType } from "type-graphql";
import { Node } from "../../graphql/node.interface.js";

@ObjectType({ implements: Node, description: "A storyline that articles and claims advance: ETF exodus, Saylor put, ..." })
export class Narrative extends Node {
  @Field()
  key!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => [String], {
    description: "Every key and name it was given, its own first (see nodeCandidates): a reference to any of its keys resolves to it.",
  })
  aliases!: string[];
}

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
}

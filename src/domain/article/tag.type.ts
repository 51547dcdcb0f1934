import { Field, ObjectType } from "type-graphql";

@ObjectType({ description: "A topic label articles carry, e.g. liquidation." })
export class Tag {
  @Field()
  name!: string;
}

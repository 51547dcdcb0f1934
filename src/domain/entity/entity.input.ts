import { Field, InputType } from "type-graphql";

@InputType({ description: "An organisation or person; matched by key, created if new." })
export class EntityInput {
  @Field()
  key!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: "e.g. company, person, fund, government, product." })
  kind?: string | null;
}

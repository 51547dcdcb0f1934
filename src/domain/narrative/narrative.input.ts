import { Field, InputType } from "type-graphql";

@InputType({ description: "A storyline articles and claims advance; matched by key, created if new." })
export class NarrativeInput {
  @Field()
  key!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

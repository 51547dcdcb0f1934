import { Field, InputType } from "type-graphql";

@InputType({ description: "A macro force (liquidity, Fed policy, ...); matched by key, created if new." })
export class MacroFactorInput {
  @Field()
  key!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: "e.g. liquidity, monetary-policy, geopolitics, sentiment." })
  kind?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

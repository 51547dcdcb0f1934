import { Field, InputType } from "type-graphql";
import { SourceKind } from "./source.type.js";

@InputType({ description: "An outlet; matched by canonical domain, created if new." })
export class SourceInput {
  @Field({ description: "Domain or URL of the outlet; canonicalised (lower case, no www.)." })
  domain!: string;

  @Field()
  name!: string;

  @Field(() => SourceKind, { nullable: true })
  kind?: SourceKind | null;
}

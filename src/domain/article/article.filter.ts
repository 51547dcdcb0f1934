import { Field, InputType } from "type-graphql";
import { Sentiment } from "./article.enums.js";

@InputType({ description: "Narrows a list of articles; every given field must match." })
export class ArticleFilter {
  @Field(() => String, { nullable: true, description: "Asset symbol the article mentions." })
  asset?: string | null;

  @Field(() => String, { nullable: true, description: "Domain of the publishing outlet." })
  source?: string | null;

  @Field(() => String, { nullable: true })
  tag?: string | null;

  @Field(() => String, { nullable: true, description: "Key of a narrative the article or one of its claims advances." })
  narrative?: string | null;

  @Field(() => Sentiment, { nullable: true })
  sentiment?: Sentiment | null;

  @Field(() => Date, { nullable: true, description: "Published at or after." })
  from?: string | null;

  @Field(() => Date, { nullable: true, description: "Published at or before." })
  to?: string | null;

  @Field(() => Boolean, { nullable: true, description: "true: only articles ingested in full; false: only those known as citations." })
  ingested?: boolean | null;
}

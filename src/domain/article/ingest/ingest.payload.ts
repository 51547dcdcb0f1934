import { Field, Int, ObjectType } from "type-graphql";
import { Article } from "../article.type.js";

@ObjectType({ description: "What one ingest wrote." })
export class IngestCounts {
  @Field(() => Int)
  nodesCreated!: number;

  @Field(() => Int)
  relationshipsCreated!: number;

  @Field(() => Int, { description: "Claims newly recorded." })
  claims!: number;

  @Field(() => Int, { description: "Claims of an earlier version of the article that this one superseded." })
  claimsSuperseded!: number;
}

@ObjectType()
export class IngestArticlePayload {
  @Field(() => Article)
  article!: Article;

  @Field({ description: "True when this call first ingested the article; false when it was already there." })
  created!: boolean;

  @Field({ description: "False when the same content was already stored, so nothing was written." })
  changed!: boolean;

  @Field(() => IngestCounts)
  counts!: IngestCounts;
}

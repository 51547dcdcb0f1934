import { Field, Float, ObjectType } from "type-graphql";
import { Article } from "./article.type.js";

@ObjectType({ description: "An article's report of an event, with the figure it gives." })
export class EventReport {
  @Field(() => Article)
  article!: Article;

  @Field(() => Float, { nullable: true })
  amountUsd!: number | null;
}

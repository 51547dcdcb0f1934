import { Field, Float, ObjectType } from "type-graphql";
import { Article } from "./article.type.js";

@ObjectType({
  description:
    "What one article's current version states about an event (see Event.statements): the fields it gives " +
    "(null where it gives none). The event's own fields take, field by field, the most recently published " +
    "statement that gives each.",
})
export class EventStatement {
  @Field(() => Article)
  article!: Article;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => String, { nullable: true })
  kind!: string | null;

  @Field(() => Date, { nullable: true })
  occurredAt!: string | null;

  @Field(() => Date, { nullable: true })
  endedAt!: string | null;

  @Field(() => Float, { nullable: true, description: "US dollars." })
  amountUsd!: number | null;
}

@ObjectType({
  description:
    "What one article's current version states about a price move (see PriceMove.statements): its span, " +
    "prices and description (null where it gives none). The move's own fields take, field by field, the " +
    "most recently published statement that gives each.",
})
export class PriceMoveStatement {
  @Field(() => Article)
  article!: Article;

  @Field(() => Date, { nullable: true })
  startAt!: string | null;

  @Field(() => Date, { nullable: true })
  endAt!: string | null;

  @Field(() => Float, { nullable: true })
  open!: number | null;

  @Field(() => Float, { nullable: true })
  high!: number | null;

  @Field(() => Float, { nullable: true })
  low!: number | null;

  @Field(() => Float, { nullable: true })
  close!: number | null;

  @Field(() => String, { nullable: true })
  description!: string | null;
}

import { Field, Int, ObjectType } from "type-graphql";
import { Sentiment } from "./article.enums.js";

@ObjectType({
  description:
    "A period in which one content of an article was its current version. Ingesting changed content " +
    "closes the current period and opens one for the new content; ingesting an earlier content again " +
    "opens a new period for it. A version older than the current one (by the outlet's updatedAt) is " +
    "recorded as history with an empty period (recordedAt = supersededAt): it was never current.",
})
export class ArticleVersion {
  @Field({ description: "Hash of the version's canonical content (the article's contentHash while it is current)." })
  contentHash!: string;

  @Field(() => Date, { description: "When this content became the current version." })
  recordedAt!: string;

  @Field(() => Date, { nullable: true, description: "When a changed version replaced it; null while current." })
  supersededAt!: string | null;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  summary!: string | null;

  @Field(() => String, { nullable: true })
  body!: string | null;

  @Field(() => Date, { nullable: true })
  publishedAt!: string | null;

  @Field(() => Date, {
    nullable: true,
    description: "The outlet's updatedAt for this version, which orders versions (null for versions stored before it was kept).",
  })
  updatedAt!: string | null;

  @Field(() => String, { nullable: true })
  author!: string | null;

  @Field(() => Sentiment, { nullable: true })
  sentiment!: Sentiment | null;

  @Field(() => Int, { nullable: true })
  score!: number | null;

  @Field(() => Int, { nullable: true })
  threatLevel!: number | null;

  @Field(() => String, { nullable: true })
  riskLevel!: string | null;
}

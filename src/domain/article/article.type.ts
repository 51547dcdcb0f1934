import type { Source } from "../source/source.type.js";
import { Field, Int, ObjectType } from "type-graphql";
import { Connection } from "../../graphql/connection.js";
import { Node } from "../../graphql/node.interface.js";
import { Sentiment } from "./article.enums.js";

@ObjectType({ implements: Node, description: "A piece of market commentary, or an article another one cites." })
export class Article extends Node {
  /** Internal stable id (derived from the canonical URL); the GraphQL id wraps it. */
  uid!: string;

  @Field({ description: "Canonical URL (lower-case host, no www., tracking parameters or trailing slash)." })
  url!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  summary!: string | null;

  /** Undefined until loaded: lists fetch articles without their bodies. */
  body!: string | null | undefined;

  @Field(() => Date, { nullable: true, description: "Null only for cited articles whose date is unknown." })
  publishedAt!: string | null;

  @Field(() => Date, {
    nullable: true,
    description: "When the outlet last corrected the current version (its updatedAt; publishedAt when it gave none).",
  })
  updatedAt!: string | null;

  @Field(() => Date, { nullable: true, description: "When this article was last ingested; null for articles only known as citations." })
  ingestedAt!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Hash of the current version's canonical content; ingesting other content makes a new version (see " + "versions).",
  })
  contentHash!: string | null;

  @Field(() => Sentiment, { nullable: true })
  sentiment!: Sentiment | null;

  @Field(() => Int, { nullable: true, description: "0..100" })
  score!: number | null;

  @Field(() => Int, { nullable: true, description: "1..5" })
  threatLevel!: number | null;

  @Field(() => String, { nullable: true })
  riskLevel!: string | null;

  @Field(() => String, { nullable: true })
  author!: string | null;

  /** The publishing source as the query that found the article read it (null: none); undefined when it did not. */
  publisher?: Source | null;

  @Field(() => Date, {
    nullable: true,
    description:
      "The time this view of the article stands at (article(asOf:)): its fields and lists are those of the " +
      "version current then. Null: now.",
  })
  asOf!: string | null;
}

@ObjectType()
export class ArticleConnection extends Connection(Article, "Article") {}

import { Field, Float, ObjectType, registerEnumType } from "type-graphql";
import { Article } from "../../domain/article/article.type.js";

/** What two articles share, and how much it weighs in `Article.related`'s score. */
export enum RelatedReasonKind {
  CITES = "CITES",
  CITED_BY = "CITED_BY",
  SAME_EVENT = "SAME_EVENT",
  SAME_CAUSE_AND_EFFECT = "SAME_CAUSE_AND_EFFECT",
  SAME_NARRATIVE = "SAME_NARRATIVE",
  SAME_ASSET = "SAME_ASSET",
}

registerEnumType(RelatedReasonKind, {
  name: "RelatedReasonKind",
  description: "What a related article shares with the article.",
  valuesConfig: {
    CITES: { description: "The article cites it (weight 4)." },
    CITED_BY: { description: "It cites the article (weight 4)." },
    SAME_EVENT: { description: "Both report the event (weight 3 each)." },
    SAME_CAUSE_AND_EFFECT: { description: "Both make a current claim with the same cause and effect (weight 3 per pair)." },
    SAME_NARRATIVE: { description: "Both advance the narrative (weight 2 each)." },
    SAME_ASSET: { description: "Both mention the asset and were published within 3 days of each other (weight 1 each)." },
  },
});

@ObjectType({ description: "One thing a related article shares with the article." })
export class RelatedReason {
  @Field(() => RelatedReasonKind)
  kind!: RelatedReasonKind;

  @Field({
    description:
      "The shared thing in words: an event's title, \"cause → effect\", a narrative's name, an asset's symbol, or the cited title.",
  })
  label!: string;

  @Field(() => Float, { description: "What this reason adds to the score (see RelatedReasonKind)." })
  weight!: number;
}

@ObjectType({ description: "Another article and what it shares with this one in the graph." })
export class RelatedArticle {
  @Field(() => Article)
  article!: Article;

  @Field(() => Float, { description: "Sum of the reasons' weights; higher is more related." })
  score!: number;

  @Field(() => [RelatedReason], { description: "Why: heaviest first, then in RelatedReasonKind's order, then by label." })
  reasons!: RelatedReason[];
}

import { createUnionType, Field, Float, ObjectType, registerEnumType } from "type-graphql";
import { Article } from "../../domain/article/article.type.js";
import { Asset } from "../../domain/asset/asset.type.js";
import { Claim } from "../../domain/claim/claim.type.js";
import { Entity } from "../../domain/entity/entity.type.js";
import { Event } from "../../domain/event/event.type.js";
import { MacroFactor } from "../../domain/macro-factor/macro-factor.type.js";
import { Narrative } from "../../domain/narrative/narrative.type.js";

/** What kind of node a search hit is, so clients can group hits without inspecting __typename. */
export enum SearchHitKind {
  ARTICLE = "ARTICLE",
  CLAIM = "CLAIM",
  ENTITY = "ENTITY",
  MACRO_FACTOR = "MACRO_FACTOR",
  NARRATIVE = "NARRATIVE",
  ASSET = "ASSET",
  EVENT = "EVENT",
}
registerEnumType(SearchHitKind, { name: "SearchHitKind", description: "The kind of node a search hit is." });

/** A node that full-text search can find. */
export type SearchResultNode = Article | Claim | Entity | MacroFactor | Narrative | Asset | Event;

/** The node types `search` can return. */
const SearchResult = createUnionType({
  name: "SearchResult",
  description: "An article, current claim, entity, macro factor, narrative, asset or event found by search.",
  types: () => [Article, Claim, Entity, MacroFactor, Narrative, Asset, Event] as const,
});

@ObjectType({ description: "One node that matched a search, with where and how well it matched." })
export class SearchHit {
  @Field(() => Float, { description: "Lucene relevance score; higher is better. Hits are ordered by it." })
  score!: number;

  @Field(() => SearchHitKind)
  kind!: SearchHitKind;

  @Field(() => SearchResult)
  node!: SearchResultNode;

  @Field({ description: "The property that matched best (most query words): title, summary, body, text, name or description." })
  field!: string;

  @Field({
    description:
      "At most 160 characters (Unicode code points) of that property around the first matched word, " +
      "whitespace collapsed, cut between characters as a reader sees them (never inside an emoji or other " +
      "cluster) and at a space where one is near, with … where the text was cut; the property's start when " +
      "no word occurs literally.",
  })
  snippet!: string;
}

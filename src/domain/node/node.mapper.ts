import type { NodeRow } from "../../cypher/projection.js";
import { ARTICLE_MAPPERS } from "../article/article.mapper.js";
import type { ArticleVersion } from "../article/article-version.type.js";
import type { Article } from "../article/article.type.js";
import type { Tag } from "../article/tag.type.js";
import { ASSET_MAPPERS, STATED_MAPPERS } from "../asset/asset.mapper.js";
import type { Asset, IndicatorReading, PriceLevel, PriceMove } from "../asset/asset.type.js";
import { CLAIM_MAPPERS } from "../claim/claim.mapper.js";
import type { Claim } from "../claim/claim.type.js";
import { ENTITY_MAPPERS } from "../entity/entity.mapper.js";
import type { Entity } from "../entity/entity.type.js";
import { EVENT_MAPPERS } from "../event/event.mapper.js";
import type { Event } from "../event/event.type.js";
import { MACRO_FACTOR_MAPPERS } from "../macro-factor/macro-factor.mapper.js";
import type { MacroFactor } from "../macro-factor/macro-factor.type.js";
import { NARRATIVE_MAPPERS } from "../narrative/narrative.mapper.js";
import type { Narrative } from "../narrative/narrative.type.js";
import { mapperOf } from "../shared/row-values.js";
import { SOURCE_MAPPERS } from "../source/source.mapper.js";
import { NODE_MERGE_MAPPERS } from "./node-merge.mapper.js";
import type { NodeMerge } from "./node-merge.type.js";
import type { Source } from "../source/source.type.js";

export type { NodeRow } from "../../cypher/projection.js";

export type GraphNode =
  | Article
  | ArticleVersion
  | Asset
  | Claim
  | Entity
  | Event
  | IndicatorReading
  | MacroFactor
  | Narrative
  | PriceLevel
  | PriceMove
  | Source
  | Tag
  | NodeMerge;

/** Maps a projected node of any label to its GraphQL type: each entity folder's mappers, composed. */
export const toGraphNode: (row: NodeRow) => GraphNode = mapperOf<GraphNode>({
  ...SOURCE_MAPPERS,
  ...ENTITY_MAPPERS,
  ...MACRO_FACTOR_MAPPERS,
  ...NARRATIVE_MAPPERS,
  ...ASSET_MAPPERS,
  ...STATED_MAPPERS,
  ...EVENT_MAPPERS,
  ...CLAIM_MAPPERS,
  ...ARTICLE_MAPPERS,
  ...NODE_MERGE_MAPPERS,
});

/** Maps a node known to be of type T (the query matched its label). */
export function toNodeOf<T extends GraphNode>(row: NodeRow): T {
  return toGraphNode(row) as T;
}

import type { NodeRow } from "../../cypher/projection.js";
import { toGlobalId } from "../../graphql/global-id.js";
import { ASSET_MAPPERS, STATED_MAPPERS } from "../asset/asset.mapper.js";
import { ENTITY_MAPPERS } from "../entity/entity.mapper.js";
import { EVENT_MAPPERS } from "../event/event.mapper.js";
import { MACRO_FACTOR_MAPPERS } from "../macro-factor/macro-factor.mapper.js";
import { NARRATIVE_MAPPERS } from "../narrative/narrative.mapper.js";
import { mapperOf, optionalNumber, optionalText, text, type NodeMappers } from "../shared/row-values.js";
import { SOURCE_MAPPERS, toSource } from "../source/source.mapper.js";
import type { Sentiment } from "./article.enums.js";
import { ArticleVersion } from "./article-version.type.js";
import { Article } from "./article.type.js";
import { Tag } from "./tag.type.js";

const toTag = (r: NodeRow): Tag => Object.assign(new Tag(), { name: text(r.name) });

export const toArticle = (r: NodeRow): Article =>
  Object.assign(new Article(), {
    id: toGlobalId("Article", text(r.id)),
    uid: text(r.id),
    url: text(r.url),
    title: text(r.title),
    summary: optionalText(r.summary),
    // Lists leave the body out; undefined tells the field resolver to load it.
    body: "body" in r ? optionalText(r.body) : undefined,
    publishedAt: optionalText(r.publishedAt),
    updatedAt: optionalText(r.updatedAt ?? r.publishedAt),
    ingestedAt: optionalText(r.ingestedAt),
    contentHash: optionalText(r.contentHash),
    sentiment: optionalText(r.sentiment) as Sentiment | null,
    score: optionalNumber(r.score),
    threatLevel: optionalNumber(r.threatLevel),
    riskLevel: optionalText(r.riskLevel),
    author: optionalText(r.author),
    publisher: "publisher" in r ? (r.publisher ? toSource(r.publisher as NodeRow) : null) : undefined,
    asOf: null,
  });

export const toArticleVersion = (r: NodeRow): ArticleVersion =>
  Object.assign(new ArticleVersion(), {
    contentHash: text(r.contentHash),
    recordedAt: text(r.recordedAt),
    supersededAt: optionalText(r.supersededAt),
    title: text(r.title),
    summary: optionalText(r.summary),
    body: optionalText(r.body),
    publishedAt: optionalText(r.publishedAt),
    updatedAt: optionalText(r.updatedAt),
    author: optionalText(r.author),
    sentiment: optionalText(r.sentiment) as Sentiment | null,
    score: optionalNumber(r.score),
    threatLevel: optionalNumber(r.threatLevel),
    riskLevel: optionalText(r.riskLevel),
  });

export const ARTICLE_MAPPERS: NodeMappers<Article | ArticleVersion | Tag> = {
  Tag: toTag,
  Article: toArticle,
  ArticleVersion: toArticleVersion,
};

/** Maps a row of anything an article's own lists hold (see article.lists.ts). */
export const toListed = mapperOf<object>({
  ...ARTICLE_MAPPERS,
  ...SOURCE_MAPPERS,
  ...ASSET_MAPPERS,
  ...STATED_MAPPERS,
  ...ENTITY_MAPPERS,
  ...MACRO_FACTOR_MAPPERS,
  ...NARRATIVE_MAPPERS,
  ...EVENT_MAPPERS,
});

import { articleUidOfClaim } from "../article/article-id.js";
import type { NodeRow } from "../../cypher/projection.js";
import { toGlobalId } from "../../graphql/global-id.js";
import type { Sentiment } from "../article/article.enums.js";
import { ArticleVersion } from "../article/article-version.type.js";
import { Article } from "../article/article.type.js";
import { Tag } from "../article/tag.type.js";
import type { AssetClass, LevelKind } from "../asset/asset.enums.js";
import { Asset, IndicatorReading, PriceLevel, PriceMove } from "../asset/asset.type.js";
import type { CausalRelation, Modality, Polarity } from "../claim/claim.enums.js";
import { Claim } from "../claim/claim.type.js";
import { Entity } from "../entity/entity.type.js";
import { Event } from "../event/event.type.js";
import { MacroFactor } from "../macro-factor/macro-factor.type.js";
import { Narrative } from "../narrative/narrative.type.js";
import { Source, type SourceKind } from "../source/source.type.js";

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
  | Tag;

const text = (value: unknown): string => String(value ?? "");
const optionalText = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
const optionalNumber = (value: unknown): number | null => (typeof value === "number" ? value : null);

const MAPPERS: Record<string, (row: NodeRow) => GraphNode> = {
  Tag: (r) => Object.assign(new Tag(), { name: text(r.name) }),
  Source: (r) =>
    Object.assign(new Source(), {
      id: toGlobalId("Source", text(r.domain)),
      domain: text(r.domain),
      name: text(r.name),
      kind: optionalText(r.kind) as SourceKind | null,
    }),
  Article: (r) =>
    Object.assign(new Article(), {
      id: toGlobalId("Article", text(r.id)),
      uid: text(r.id),
      url: text(r.url),
      title: text(r.title),
      summary: optionalText(r.summary),
      // Lists leave the body out; undefined tells the field resolver to load it.
      body: "body" in r ? optionalText(r.body) : undefined,
      publishedAt: optionalText(r.publishedAt),
      ingestedAt: optionalText(r.ingestedAt),
      contentHash: optionalText(r.contentHash),
      sentiment: optionalText(r.sentiment) as Sentiment | null,
      score: optionalNumber(r.score),
      threatLevel: optionalNumber(r.threatLevel),
      riskLevel: optionalText(r.riskLevel),
      author: optionalText(r.author),
      publisher: "publisher" in r ? (r.publisher ? (MAPPERS.Source!(r.publisher as NodeRow) as Source) : null) : undefined,
      asOf: null,
    }),
  ArticleVersion: (r) =>
    Object.assign(new ArticleVersion(), {
      contentHash: text(r.contentHash),
      recordedAt: text(r.recordedAt),
      supersededAt: optionalText(r.supersededAt),
      title: text(r.title),
      summary: optionalText(r.summary),
      body: optionalText(r.body),
      publishedAt: optionalText(r.publishedAt),
      author: optionalText(r.author),
      sentiment: optionalText(r.sentiment) as Sentiment | null,
      score: optionalNumber(r.score),
      threatLevel: optionalNumber(r.threatLevel),
      riskLevel: optionalText(r.riskLevel),
    }),
  Asset: (r) =>
    Object.assign(new Asset(), {
      id: toGlobalId("Asset", text(r.symbol)),
      symbol: text(r.symbol),
      name: text(r.name),
      assetClass: optionalText(r.assetClass) as AssetClass | null,
    }),
  Entity: (r) =>
    Object.assign(new Entity(), { id: toGlobalId("Entity", text(r.key)), key: text(r.key), name: text(r.name), kind: optionalText(r.kind) }),
  MacroFactor: (r) =>
    Object.assign(new MacroFactor(), {
      id: toGlobalId("MacroFactor", text(r.key)),
      key: text(r.key),
      name: text(r.name),
      kind: optionalText(r.kind),
      description: optionalText(r.description),
    }),
  Narrative: (r) =>
    Object.assign(new Narrative(), {
      id: toGlobalId("Narrative", text(r.key)),
      key: text(r.key),
      name: text(r.name),
      description: optionalText(r.description),
    }),
  Event: (r) =>
    Object.assign(new Event(), {
      id: toGlobalId("Event", text(r.key)),
      key: text(r.key),
      kind: text(r.kind),
      title: text(r.title),
      occurredAt: optionalText(r.occurredAt),
      endedAt: optionalText(r.endedAt),
      amountUsd: optionalNumber(r.amountUsd),
    }),
  PriceMove: (r) =>
    Object.assign(new PriceMove(), {
      id: toGlobalId("PriceMove", text(r.key)),
      key: text(r.key),
      startAt: text(r.startAt),
      endAt: text(r.endAt),
      open: optionalNumber(r.open),
      high: optionalNumber(r.high),
      low: optionalNumber(r.low),
      close: optionalNumber(r.close),
      changePct: optionalNumber(r.changePct),
      description: optionalText(r.description),
      symbol: text(r.symbol),
    }),
  PriceLevel: (r) =>
    Object.assign(new PriceLevel(), {
      id: toGlobalId("PriceLevel", text(r.key)),
      key: text(r.key),
      price: Number(r.price),
      kind: text(r.kind) as LevelKind,
      note: optionalText(r.note),
      symbol: text(r.symbol),
      articleUid: text(r.articleUid),
    }),
  Indicator: (r) =>
    Object.assign(new IndicatorReading(), {
      id: toGlobalId("Indicator", text(r.key)),
      key: text(r.key),
      metric: text(r.metric),
      value: optionalNumber(r.value),
      reading: text(r.reading),
      at: optionalText(r.at),
      symbol: text(r.symbol),
      articleUid: text(r.articleUid),
    }),
  Claim: (r) =>
    Object.assign(new Claim(), {
      id: toGlobalId("Claim", text(r.id)),
      uid: text(r.id),
      key: text(r.key),
      text: text(r.text),
      relation: text(r.relation) as CausalRelation,
      polarity: text(r.polarity) as Polarity,
      modality: text(r.modality) as Modality,
      confidence: Number(r.confidence),
      recordedAt: text(r.recordedAt),
      supersededAt: optionalText(r.supersededAt),
      retractedAt: optionalText(r.retractedAt),
      retractionReason: optionalText(r.retractionReason),
      articleUid: articleUidOfClaim(text(r.id)),
      related: r.related ? relatedNodes(r.related as Record<string, NodeRow | null>) : undefined,
    }),
};

/** Linked nodes a projection read along with a node (see projection.ts, RELATED_NODES). */
function relatedNodes(related: Record<string, NodeRow | null>): Record<string, GraphNode | null> {
  return Object.fromEntries(Object.entries(related).map(([name, row]) => [name, row ? toGraphNode(row) : null]));
}

/** Maps a projected node to its GraphQL type. */
export function toGraphNode(row: NodeRow): GraphNode {
  const mapper = MAPPERS[row.__label];
  if (!mapper) throw new Error(`no GraphQL type for label ${row.__label}`);
  return mapper(row);
}

export function toGraphNodeOrNull(row: NodeRow | null | undefined): GraphNode | null {
  return row ? toGraphNode(row) : null;
}

/** Maps a node known to be of type T (the query matched its label). */
export function toNodeOf<T extends GraphNode>(row: NodeRow): T {
  return toGraphNode(row) as T;
}

import type { LabelKey } from "../../../cypher/labels.js";

/** A reference to a node made at `field`, to be resolved in the input or the graph. */
export interface FieldRef extends LabelKey {
  readonly field: string;
}

export interface SourceRow {
  domain: string;
  name: string;
  kind: string | null;
}

interface CitedArticleRow {
  uid: string;
  url: string;
  title: string;
  publishedAt: string;
  summary: string | null;
  sourceDomain: string;
}

interface EventRow {
  key: string;
  kind: string;
  title: string;
  occurredAt: string | null;
  endedAt: string | null;
  amountUsd: number | null;
}

interface PriceMoveRow {
  key: string;
  symbol: string;
  startAt: string;
  endAt: string;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number | null;
  changePct: number | null;
  description: string | null;
}

interface LevelRow {
  key: string;
  symbol: string;
  price: number;
  kind: string;
  note: string | null;
}

interface IndicatorRow {
  key: string;
  symbol: string;
  metric: string;
  value: number | null;
  reading: string;
  at: string | null;
}

export interface ClaimRow {
  uid: string;
  key: string;
  text: string;
  relation: string;
  polarity: string;
  modality: string;
  confidence: number;
}

/** A link to write: from the node `from` (by its key) to the node `label`/`key`, as `role`. */
export interface LinkRow extends LabelKey {
  from: string;
  role: string;
}

/** An ingest input after validation: canonical keys, ready to be written with UNWIND/MERGE. */
export interface NormalizedArticle {
  article: {
    uid: string;
    url: string;
    title: string;
    summary: string | null;
    body: string | null;
    publishedAt: string;
    /** When the outlet last corrected this version: orders versions (see ARTICLE_STATEMENT). */
    updatedAt: string;
    author: string | null;
    sentiment: string | null;
    score: number | null;
    threatLevel: number | null;
    riskLevel: string | null;
    sourceDomain: string;
    contentHash: string;
  };
  sources: SourceRow[];
  cites: CitedArticleRow[];
  tags: string[];
  assets: { symbol: string; name: string; assetClass: string | null }[];
  entities: { key: string; name: string; kind: string | null }[];
  macroFactors: { key: string; name: string; kind: string | null; description: string | null }[];
  narratives: { key: string; name: string; description: string | null }[];
  events: EventRow[];
  /** Figures cited articles give for events: from = cited article uid, key = event key. */
  citedReports: { citeUid: string; event: string; amountUsd: number | null }[];
  eventLinks: LinkRow[];
  priceMoves: PriceMoveRow[];
  levels: LevelRow[];
  indicators: IndicatorRow[];
  claims: ClaimRow[];
  claimLinks: LinkRow[];
  /** References the input does not define: each must already exist in the graph. */
  externalRefs: FieldRef[];
  /** Keys this article gave for existing nodes (resolution LINK): each becomes an alias of the node `key` names. */
  aliases?: { label: LabelKey["label"]; alias: string; key: string }[];
}

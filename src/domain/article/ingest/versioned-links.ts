import { shortContentHash } from "./content-hash.js";
import type { NormalizedArticle } from "./normalized.js";

/**
 * Versioned links. An article's links (its publisher, citations, tags, mentions, narratives,
 * reports and statements) and a claim's links (cause, effect, conditions, attributions,
 * support, narratives) belong to the version that states them. A current link has its plain
 * type and `recordedAt`; when a later version drops it, it becomes `PAST_<TYPE>` with the same
 * properties plus `supersededAt` (see cypher/link-history.ts for how reads use them).
 */

/** Link types an article's own ingest decides. MAKES is not among them: a claim keeps its article, and its currency is the claim's own. */
export const ARTICLE_LINK_TYPES = ["PUBLISHED_BY", "CITES", "TAGGED", "MENTIONS", "ADVANCES", "REPORTS", "STATES"] as const;

/** Link types of a claim. */
export const CLAIM_LINK_TYPES = ["CAUSE", "EFFECT", "IF", "ATTRIBUTED_TO", "SUPPORTED_BY", "ADVANCES"] as const;

/**
 * What an article states about an event or a price move it reports, carried by its REPORTS
 * link (see docs/meaning.md, "Figures stated per article"): an event's title, kind, times and
 * amount; a move's span, prices and description. Times are ISO 8601 strings here.
 */
type Statement = Readonly<Record<string, string | number | null>>;

/** A link a version states, and its identity across versions (`TYPE|Label|key`). */
export interface VersionedLink {
  readonly id: string;
  readonly type: string;
  readonly label: string;
  readonly key: string;
  /** REPORTS only: what the article states about the node; a changed statement is a changed link. */
  readonly statement: Statement | null;
  /** A short hash of the statement, compared with the stored link's to tell a changed one (null without one). */
  readonly stated: string | null;
}

function versionedLink(type: string, label: string, key: string, statement: Statement | null = null): VersionedLink {
  return { id: `${type}|${label}|${key}`, type, label, key, statement, stated: statement ? shortContentHash(statement) : null };
}

/** A link to write: a VersionedLink of the owner with internal id `owner` (an article's or a claim's). */
export interface OwnedLink extends VersionedLink {
  readonly owner: string;
}

/** Links grouped by the label of their target, as mergeLinks reads them. */
export function byTargetLabel(links: readonly OwnedLink[]): Record<string, OwnedLink[]> {
  const groups: Record<string, OwnedLink[]> = {};
  for (const link of links) (groups[link.label] ??= []).push(link);
  return groups;
}

/** The links the article's version states, from its normalised input; each once. */
export function articleLinks(input: NormalizedArticle): VersionedLink[] {
  return uniqueLinks([
    versionedLink("PUBLISHED_BY", "Source", input.article.sourceDomain),
    ...input.cites.map((c) => versionedLink("CITES", "Article", c.uid)),
    ...input.tags.map((tag) => versionedLink("TAGGED", "Tag", tag)),
    ...input.assets.map((a) => versionedLink("MENTIONS", "Asset", a.symbol)),
    ...input.entities.map((e) => versionedLink("MENTIONS", "Entity", e.key)),
    ...input.macroFactors.map((m) => versionedLink("MENTIONS", "MacroFactor", m.key)),
    ...input.narratives.map((n) => versionedLink("ADVANCES", "Narrative", n.key)),
    ...input.events.map(({ key, title, kind, occurredAt, endedAt, amountUsd }) =>
      versionedLink("REPORTS", "Event", key, { title, kind, occurredAt, endedAt, amountUsd }),
    ),
    ...input.priceMoves.map(({ key, startAt, endAt, open, high, low, close, description }) =>
      versionedLink("REPORTS", "PriceMove", key, { startAt, endAt, open, high, low, close, description }),
    ),
    ...input.levels.map((l) => versionedLink("STATES", "PriceLevel", l.key)),
    ...input.indicators.map((r) => versionedLink("STATES", "Indicator", r.key)),
  ]);
}

/** The links each claim of the article states, keyed by the claim's internal id; each once. */
export function claimLinks(input: NormalizedArticle): Map<string, VersionedLink[]> {
  const byClaim = new Map<string, VersionedLink[]>(input.claims.map((claim) => [claim.uid, []]));
  for (const link of input.claimLinks) byClaim.get(link.from)?.push(versionedLink(link.role, link.label, link.key));
  return new Map([...byClaim].map(([uid, links]) => [uid, uniqueLinks(links)]));
}

function uniqueLinks(links: VersionedLink[]): VersionedLink[] {
  return [...new Map(links.map((link) => [link.id, link])).values()];
}

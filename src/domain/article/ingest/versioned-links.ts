import { KEY_PROPERTY } from "../../../cypher/labels.js";
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

/** Key property of every node a versioned link may point at. */
const TARGET_KEY: Readonly<Record<string, string>> = { ...KEY_PROPERTY, Tag: "name" };

/** A link a version states, and its identity across versions (`TYPE|Label|key`). */
export interface VersionedLink {
  readonly id: string;
  readonly type: string;
  readonly label: string;
  readonly key: string;
  /** REPORTS only: the figure the article gives; a changed figure is a changed link. */
  readonly amountUsd: number | null;
}

function versionedLink(type: string, label: string, key: string, amountUsd: number | null = null): VersionedLink {
  return { id: `${type}|${label}|${key}`, type, label, key, amountUsd };
}

/** Cypher expression: the identity of link `r` to node `n`, as versionedLink() writes it. */
function linkIdentity(r: string, n: string): string {
  const keys = Object.entries(TARGET_KEY).map(([label, property]) => `WHEN ${n}:${label} THEN ${n}.${property}`);
  return `type(${r}) + '|' + head(labels(${n})) + '|' + CASE ${keys.join(" ")} END`;
}

/** A link to write: a VersionedLink of the owner with internal id `owner` (an article's or a claim's). */
export interface OwnedLink extends VersionedLink {
  readonly owner: string;
}

/**
 * Cypher that retires the current links of `types` of the owners in `$retire` (maps
 * `{ uid, links }` of owners labelled `ownerLabel`) that their new version does not state:
 * each becomes PAST_<TYPE> with the same properties and `supersededAt = $now`. Links the
 * version keeps are left as they are, so they keep their identity and history.
 */
export function retireLinks(ownerLabel: "Article" | "Claim", types: readonly string[]): string {
  return `UNWIND $retire AS owner
    MATCH (x:${ownerLabel} { id: owner.uid })
    MATCH (x)-[r:${types.join("|")}]->(n)
    WITH x, r, n, owner, ${linkIdentity("r", "n")} AS id
    WHERE NOT any(link IN owner.links WHERE link.id = id AND coalesce(link.amountUsd, -1.0) = coalesce(r.amountUsd, -1.0))
    CREATE (x)-[past:$('PAST_' + type(r))]->(n)
    SET past = properties(r), past.supersededAt = datetime($now)
    DELETE r`;
}

/**
 * Cypher that makes every link of `$links` (OwnedLinks of owners labelled `ownerLabel`,
 * grouped by target label in `$links.<Label>`) current, with `recordedAt = $now` when new:
 * merged, or, for owners that are new in this transaction (so none of their links can exist
 * yet), simply created. One subquery per target label, so every lookup is an index seek.
 */
export function writeLinks(ownerLabel: "Article" | "Claim", mode: "MERGE" | "CREATE"): string {
  const write =
    mode === "MERGE"
      ? "MERGE (x)-[r:$(link.type)]->(n) ON CREATE SET r.recordedAt = datetime($now), r.amountUsd = link.amountUsd"
      : "CREATE (x)-[r:$(link.type)]->(n) SET r.recordedAt = datetime($now), r.amountUsd = link.amountUsd";
  return Object.entries(TARGET_KEY)
    .map(
      ([label, property]) => `CALL () {
      UNWIND coalesce($links.${label}, []) AS link
      MATCH (x:${ownerLabel} { id: link.owner })
      MATCH (n:${label} { ${property}: link.key })
      ${write}
    }`,
    )
    .join("\n    ");
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
    ...input.events.map((e) => versionedLink("REPORTS", "Event", e.key, e.amountUsd)),
    ...input.priceMoves.map((m) => versionedLink("REPORTS", "PriceMove", m.key)),
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

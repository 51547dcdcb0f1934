import { KEY_PROPERTY } from "../../../cypher/labels.js";
import type { NormalizedArticle } from "./normalized.js";

/**
 * Versioned links. An article's links (its publisher, citations, tags, mentions, narratives,
 * reports and statements) and a claim's links (cause, effect, conditions, attributions,
 * support, narratives) belong to the version that states them. A current link has its plain
 * type and `recordedAt`; when a later version drops it, it becomes `PAST_<TYPE>` with the same
 * properties plus `supersededAt`. Current reads therefore match plain types only; reads `asOf`
 * an earlier time match both and keep the links held then (linkHeldAt).
 */

/** Link types an article's own ingest decides. MAKES is not among them: a claim keeps its article, and its currency is the claim's own. */
export const ARTICLE_LINK_TYPES = ["PUBLISHED_BY", "CITES", "TAGGED", "MENTIONS", "ADVANCES", "REPORTS", "STATES"] as const;

/** Link types of a claim. */
export const CLAIM_LINK_TYPES = ["CAUSE", "EFFECT", "IF", "ATTRIBUTED_TO", "SUPPORTED_BY", "ADVANCES"] as const;

/** The type a link takes once a later version has dropped it. */
export const pastType = (type: string) => `PAST_${type}`;

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

export function versionedLink(type: string, label: string, key: string, amountUsd: number | null = null): VersionedLink {
  return { id: `${type}|${label}|${key}`, type, label, key, amountUsd };
}

/** Cypher expression: the identity of link `r` to node `n`, as versionedLink() writes it. */
function linkIdentity(r: string, n: string): string {
  const keys = Object.entries(TARGET_KEY).map(([label, property]) => `WHEN ${n}:${label} THEN ${n}.${property}`);
  return `type(${r}) + '|' + head(labels(${n})) + '|' + CASE ${keys.join(" ")} END`;
}

/** Cypher `CALL` subquery binding `n` to the node `{label, key}` of map `link`. Labels come from the fixed list, never from input. */
function lookupTarget(link: string): string {
  const branches = Object.entries(TARGET_KEY).map(
    ([label, property]) => `MATCH (n:${label} { ${property}: ${link}.key }) WHERE ${link}.label = '${label}' RETURN n`,
  );
  return `CALL (${link}) { ${branches.join(" UNION ")} }`;
}

/**
 * Cypher that makes `owner`'s current links of `types` exactly `links` (a variable in scope
 * holding a list of VersionedLink maps): current links not in it become PAST_<TYPE> with
 * `supersededAt = $now`; links in it that are not current are created with `recordedAt = $now`.
 * Links the version keeps are left as they are, so they keep their identity and history.
 */
export function reconcileLinks(owner: string, types: readonly string[], links: string): string {
  return `CALL (${owner}, ${links}) {
      MATCH (${owner})-[r:${types.join("|")}]->(n)
      WITH r, n, ${linkIdentity("r", "n")} AS id
      WHERE NOT any(link IN ${links} WHERE link.id = id AND coalesce(link.amountUsd, -1.0) = coalesce(r.amountUsd, -1.0))
      CREATE (${owner})-[past:$('PAST_' + type(r))]->(n)
      SET past = properties(r), past.supersededAt = datetime($now)
      DELETE r
    }
    CALL (${owner}, ${links}) {
      UNWIND ${links} AS link
      ${lookupTarget("link")}
      MERGE (${owner})-[r:$(link.type)]->(n)
      ON CREATE SET r.recordedAt = datetime($now), r.amountUsd = link.amountUsd
    }`;
}

/** Cypher condition: link `r` (current or PAST_) was held at the ISO date-time expression `asOf`. */
export function linkHeldAt(r: string, asOf: string): string {
  const at = `datetime(${asOf}).epochMillis`;
  return `coalesce(${r}.recordedAt.epochMillis, 0) <= ${at} AND (${r}.supersededAt IS NULL OR ${r}.supersededAt.epochMillis > ${at})`;
}

/** The links the article's version states, from its normalised input. */
export function articleLinks(input: NormalizedArticle): VersionedLink[] {
  return [
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
  ];
}

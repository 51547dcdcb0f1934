import type { ArticleIngestedEvent, ClaimEvent, GraphEvent } from "../events/events.js";
import { refKey } from "../cypher/labels.js";
import type { ArticleCriteria } from "../domain/article/article.criteria.js";
import type { ClaimCriteria } from "../domain/claim/claim.criteria.js";

/**
 * Whether an announced article matches a subscription's filter, by the same meaning as the
 * `articles` list's filter (values already canonical, see toArticleCriteria).
 */
export function articleMatcher(c: ArticleCriteria): (event: GraphEvent) => ArticleIngestedEvent | null {
  const from = c.from ? Date.parse(c.from) : null;
  const to = c.to ? Date.parse(c.to) : null;
  return (event) => {
    if (event.type !== "articleIngested") return null;
    const a = event.article;
    const published = a.publishedAt ? Date.parse(a.publishedAt) : null;
    const matches =
      c.ingested !== false &&
      (!c.asset || a.assets.includes(c.asset)) &&
      (!c.source || a.source === c.source) &&
      (!c.tag || a.tags.includes(c.tag)) &&
      (!c.narrative || a.narratives.includes(c.narrative)) &&
      (!c.sentiment || a.sentiment === c.sentiment) &&
      (from === null || (published !== null && published >= from)) &&
      (to === null || (published !== null && published <= to));
    return matches ? event : null;
  };
}

/** Whether an announced claim (added or retracted, as `type` says) matches a filter, by the meaning of the `claims` list's filter. */
export function claimMatcher(c: ClaimCriteria, type: ClaimEvent["type"]): (event: GraphEvent) => ClaimEvent | null {
  const cause = c.cause ? refKey(c.cause.label, c.cause.key) : null;
  const effect = c.effect ? refKey(c.effect.label, c.effect.key) : null;
  return (event) => {
    if (event.type !== type) return null;
    const claim = event.claim;
    const matches =
      (!c.asset || claim.assets.includes(c.asset)) &&
      (!cause || claim.cause === cause) &&
      (!effect || claim.effect === effect) &&
      (!c.polarity || claim.polarity === c.polarity) &&
      (!c.modality || claim.modality === c.modality) &&
      (c.minConfidence === null || claim.confidence >= c.minConfidence) &&
      (!c.source || claim.sources.includes(c.source)) &&
      (!c.narrative || claim.narratives.includes(c.narrative)) &&
      (c.from === null || claim.publishedAt >= c.from) &&
      (c.to === null || claim.publishedAt <= c.to);
    return matches ? event : null;
  };
}

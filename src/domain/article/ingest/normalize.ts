import { Sentiment } from "../article.enums.js";
import type { IngestArticleInput } from "../article.input.js";
import { articleUid, claimUid } from "../../shared/article-id.js";
import { contentHash } from "./content-hash.js";
import { InputScope, MAX_LIST } from "./input-scope.js";
import { normalizeClaims } from "./normalize-claims.js";
import { definePriceMoves, normalizeMarket } from "./normalize-market.js";
import { normalizeEventLinks, normalizeThings } from "./normalize-things.js";
import type { NormalizedArticle } from "./normalized.js";

/**
 * Validates an ingest input and brings it to canonical form. Every problem is collected and
 * reported at once as BAD_USER_INPUT with field paths (`input.claims[2].confidence`);
 * references the input does not define are returned for the caller to check in the graph.
 */
export function normalizeIngestInput(input: IngestArticleInput): NormalizedArticle {
  const scope = new InputScope();
  const { read } = scope;
  const at = (path: string) => scope.at(path);

  const url = read.url(input.url, at("url"));
  const uid = articleUid(url);
  const sourceDomain = scope.addSource(input.source, "source");
  read.list(input.sources, at("sources"), MAX_LIST).forEach((s, i) => scope.addSource(s, `sources[${i}]`));

  // Everything the input defines comes first, so references may point forwards.
  const things = normalizeThings(scope, input, url);
  const moveKeys = definePriceMoves(scope, input);
  const links = normalizeEventLinks(scope, input, things);
  const market = normalizeMarket(scope, input, uid, moveKeys);
  const claimDrafts = normalizeClaims(scope, input, things.cites);
  const article = {
    uid,
    url,
    title: read.text(input.title, at("title"), 500),
    summary: read.optionalText(input.summary, at("summary"), 5000),
    body: read.optionalText(input.body, at("body"), 200_000),
    publishedAt: read.dateTime(input.publishedAt, at("publishedAt")),
    author: read.optionalText(input.author, at("author"), 200),
    sentiment: read.oneOf(input.sentiment, at("sentiment"), Sentiment),
    score: read.integer(input.score, at("score"), 0, 100),
    threatLevel: read.integer(input.threatLevel, at("threatLevel"), 1, 5),
    riskLevel: read.optionalText(input.riskLevel, at("riskLevel"), 40)?.toUpperCase() ?? null,
    sourceDomain,
  };
  const updatedAt = read.optionalDateTime(input.updatedAt, at("updatedAt")) ?? article.publishedAt;
  if (Date.parse(updatedAt) < Date.parse(article.publishedAt)) scope.problems.add(at("updatedAt"), "must not be before publishedAt");
  scope.problems.throwIfAny();

  // The hash covers the canonical content, so cosmetic differences (order, whitespace, www., key case) are no new version.
  // (updatedAt orders versions; it is no content of its own.)
  const sources = [...scope.sources.values()];
  const hash = contentHash({ article, sources, ...things, ...links, ...market, claimDrafts });
  // A claim's identity is its article and its key, not the version it first appeared in.
  const claims = claimDrafts.map(({ links: _links, ...claim }) => ({ uid: claimUid(uid, claim.key), ...claim }));
  const claimLinks = claimDrafts.flatMap((draft, i) => draft.links.map((link) => ({ ...link, from: claims[i]!.uid })));

  return {
    article: { ...article, updatedAt, contentHash: hash },
    sources,
    ...things,
    ...links,
    ...market,
    claims,
    claimLinks,
    externalRefs: scope.externalRefs,
  };
}

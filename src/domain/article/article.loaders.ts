import DataLoader from "dataloader";
import type { CypherRunner } from "../../db/cypher-runner.js";
import { nestedConnectionLoader } from "../../cypher/connection-loader.js";
import { neighboursLoader, neighboursWithOptionsLoader } from "../../cypher/neighbours.js";
import type { ClaimVisibilityOptions } from "../claim/claim-visibility.args.js";
import type { Claim } from "../claim/claim.type.js";
import { currentListLoaders, listAtLoaders } from "./article-lists.loaders.js";
import type { Article } from "./article.type.js";
import type { ArticleVersion } from "./article-version.type.js";
import type { AsOf } from "../claim/claim.loaders.js";
import { toClaim } from "../claim/claim.mapper.js";
import type { NodeRow } from "../../cypher/projection.js";
import { toArticle, toArticleVersion } from "./article.mapper.js";
import {
  ARTICLE_BODIES,
  ARTICLES_ABOUT,
  CITED_BY_OF_ARTICLE,
  CLAIMS_OF_ARTICLE,
  REPORTS_OF_EVENT,
  SUPPORTED_BY_OF_CLAIM,
  SUPPORTED_BY_OF_CLAIM_AT,
  VERSIONS_OF_ARTICLE,
} from "./article.cypher.js";

/** Per-request loaders of an article's own lists, keyed by the article's internal id. */
export function createArticleLoaders(cypher: CypherRunner) {
  return {
    articleLists: currentListLoaders(cypher),
    articleListsAt: listAtLoaders(cypher),
    claimsOfArticle: neighboursWithOptionsLoader<Claim, ClaimVisibilityOptions>(cypher, CLAIMS_OF_ARTICLE, toClaim),
    /** Article bodies by internal id: lists leave them out, this fetches the ones a query selects. */
    bodyOfArticle: new DataLoader<string, string | null>(async (uids) => {
      const rows = await cypher.read<{ uid: string; body: string | null }>(ARTICLE_BODIES, { uids });
      const byUid = new Map(rows.map((row) => [row.uid, row.body]));
      return uids.map((uid) => byUid.get(uid) ?? null);
    }),
    citedByOfArticle: neighboursLoader<Article>(cypher, CITED_BY_OF_ARTICLE, toArticle),
    versionsOfArticle: neighboursLoader<ArticleVersion>(cypher, VERSIONS_OF_ARTICLE, toArticleVersion),
    /** Articles about a node: publishing it, mentioning, reporting or advancing it, or making claims about it. */
    articlesAbout: nestedConnectionLoader<Article>(cypher, ARTICLES_ABOUT, toArticle),
    supportedByOfClaim: neighboursLoader<Article>(cypher, SUPPORTED_BY_OF_CLAIM, toArticle),
    /** The cited articles as a claim held them at `options.asOf`. */
    supportedByOfClaimAt: neighboursWithOptionsLoader<Article, AsOf>(cypher, SUPPORTED_BY_OF_CLAIM_AT, toArticle),
    /** The articles reporting an event (keyed by event key), with the amount each gives. */
    reportsOfEvent: new DataLoader<string, EventReportRow[]>(async (keys) => {
      const rows = await cypher.read<{ key: string; reports: { amountUsd: number | null; article: NodeRow }[] }>(REPORTS_OF_EVENT, {
        keys,
      });
      const byKey = new Map(rows.map((row) => [row.key, row.reports]));
      return keys.map((key) =>
        (byKey.get(key) ?? []).map((report) => ({ amountUsd: report.amountUsd, article: toArticle(report.article) })),
      );
    }),
  };
}

/** An article's report of an event, with the figure it gives (EventReport). */
export interface EventReportRow {
  article: Article;
  amountUsd: number | null;
}

declare module "../../context.js" {
  interface Loaders extends ReturnType<typeof createArticleLoaders> {}
}

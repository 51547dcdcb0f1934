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
import type { EventStatement, PriceMoveStatement } from "./stated-figures.type.js";
import {
  ARTICLE_BODIES,
  ARTICLES_ABOUT,
  CITED_BY_OF_ARTICLE,
  CLAIMS_OF_ARTICLE,
  REPORTS_OF_EVENT,
  STATEMENTS_OF,
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
    /** What articles state about an event (keyed by event key), most recently published first. */
    statementsOfEvent: statementsLoader<EventStatement>(cypher, "Event", (s) => ({
      title: text(s.title),
      kind: text(s.kind),
      occurredAt: text(s.occurredAt),
      endedAt: text(s.endedAt),
      amountUsd: number(s.amountUsd),
    })),
    /** What articles state about a price move (keyed by move key), most recently published first. */
    statementsOfPriceMove: statementsLoader<PriceMoveStatement>(cypher, "PriceMove", (s) => ({
      startAt: text(s.startAt),
      endAt: text(s.endAt),
      open: number(s.open),
      high: number(s.high),
      low: number(s.low),
      close: number(s.close),
      description: text(s.description),
    })),
  };
}

const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
const number = (value: unknown): number | null => (typeof value === "number" ? value : null);

/** Statements about nodes of `label` by key: a REPORTS link's properties, decoded by `fields`, with its article. */
function statementsLoader<T extends { article: Article }>(
  cypher: CypherRunner,
  label: "Event" | "PriceMove",
  fields: (statement: Record<string, unknown>) => Omit<T, "article">,
): DataLoader<string, T[]> {
  return new DataLoader(async (keys) => {
    const rows = await cypher.read<{ key: string; statements: { statement: Record<string, unknown>; article: NodeRow }[] }>(
      STATEMENTS_OF(label),
      { keys },
    );
    const byKey = new Map(rows.map((row) => [row.key, row.statements]));
    return keys.map((key) =>
      (byKey.get(key) ?? []).map(({ statement, article }) => ({ ...fields(statement), article: toArticle(article) }) as T),
    );
  });
}

/** An article's report of an event, with the figure it gives (EventReport). */
export interface EventReportRow {
  article: Article;
  amountUsd: number | null;
}

declare module "../../context.js" {
  interface Loaders extends ReturnType<typeof createArticleLoaders> {}
}

import DataLoader from "dataloader";
import type { CypherRunner } from "../../db/cypher-runner.js";
import { nestedConnectionLoader } from "../../cypher/connection-loader.js";
import { neighboursLoader, neighboursWithOptionsLoader } from "../../cypher/neighbours.js";
import { VISIBILITY_OF_REQUEST, type ClaimVisibilityOptions } from "../claim/claim-visibility.args.js";
import { claimVisibleAt } from "../../cypher/claims.js";
import type { Claim } from "../claim/claim.type.js";
import { currentListLoaders, listAtLoaders } from "./article-lists.loaders.js";
import type { Article } from "./article.type.js";
import type { ArticleVersion } from "./article-version.type.js";
import { byClaim, heldByClaim, type AsOf } from "../claim/claim.loaders.js";
import { toClaim } from "../claim/claim.mapper.js";
import { projectNode, type NodeRow } from "../../cypher/projection.js";
import { toArticle, toArticleVersion } from "./article.mapper.js";

const byArticle = (pattern: string, orderBy: string, where?: string) => ({ parent: "Article" as const, pattern, orderBy, where });

/** Per-request loaders of an article's own lists, keyed by the article's internal id. */
export function createArticleLoaders(cypher: CypherRunner) {
  return {
    articleLists: currentListLoaders(cypher),
    articleListsAt: listAtLoaders(cypher),
    claimsOfArticle: neighboursWithOptionsLoader<Claim, ClaimVisibilityOptions>(
      cypher,
      byArticle("(parent)-[:MAKES]->(n:Claim)", "n.key", claimVisibleAt("n", VISIBILITY_OF_REQUEST)),
      toClaim,
    ),
    /** Article bodies by internal id: lists leave them out, this fetches the ones a query selects. */
    bodyOfArticle: new DataLoader<string, string | null>(async (uids) => {
      const rows = await cypher.read<{ uid: string; body: string | null }>(
        "UNWIND $uids AS uid MATCH (a:Article { id: uid }) RETURN uid, a.body AS body",
        { uids },
      );
      const byUid = new Map(rows.map((row) => [row.uid, row.body]));
      return uids.map((uid) => byUid.get(uid) ?? null);
    }),
    citedByOfArticle: neighboursLoader<Article>(cypher, byArticle("(parent)<-[:CITES]-(n:Article)", "n.publishedAt DESC, n.url"), toArticle),
    versionsOfArticle: neighboursLoader<ArticleVersion>(cypher, byArticle("(parent)-[:HAS_VERSION]->(n:ArticleVersion)", "n.recordedAt DESC"), toArticleVersion),
    /** Articles about a node: publishing it, mentioning, reporting or advancing it, or making claims about it. */
    articlesAbout: nestedConnectionLoader<Article>(cypher, {
      parents: ["Source", "Asset", "Entity", "MacroFactor", "Event", "PriceMove", "Narrative"],
      items: `MATCH (item:Article)-[:PUBLISHED_BY|MENTIONS|REPORTS|ADVANCES]->(node) RETURN item
              UNION
              MATCH (item:Article)-[:MAKES]->(c:Claim)-[:CAUSE|EFFECT|IF|ADVANCES]->(node)
              WHERE ${claimVisibleAt("c", { asOf: "req.options.asOf" })}
              RETURN item`,
    }, toArticle),
    supportedByOfClaim: neighboursLoader<Article>(cypher, byClaim("(parent)-[:SUPPORTED_BY]->(n:Article)", "n.url"), toArticle),
    /** The cited articles as a claim held them at `options.asOf`. */
    supportedByOfClaimAt: neighboursWithOptionsLoader<Article, AsOf>(cypher, heldByClaim("SUPPORTED_BY", "Article", "n.url"), toArticle),
    /** The articles reporting an event (keyed by event key), with the amount each gives. */
    reportsOfEvent: new DataLoader<string, EventReportRow[]>(async (keys) => {
      const rows = await cypher.read<{ key: string; reports: { amountUsd: number | null; article: NodeRow }[] }>(
        `UNWIND $keys AS key
         MATCH (e:Event { key: key })<-[r:REPORTS]-(a:Article)
         WITH key, r, a ORDER BY a.publishedAt, a.url
         RETURN key, collect({ amountUsd: r.amountUsd, article: ${projectNode("a")} }) AS reports`,
        { keys },
      );
      const byKey = new Map(rows.map((row) => [row.key, row.reports]));
      return keys.map((key) => (byKey.get(key) ?? []).map((report) => ({ amountUsd: report.amountUsd, article: toArticle(report.article) })));
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

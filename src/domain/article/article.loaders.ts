import DataLoader from "dataloader";
import type { CypherRunner } from "../../db/cypher-runner.js";
import { nestedConnectionLoader } from "../../cypher/connection-loader.js";
import { neighboursLoader, neighboursWithOptionsLoader } from "../../cypher/neighbours.js";
import { VISIBILITY_OF_REQUEST, type ClaimVisibilityOptions } from "../claim/claim-visibility.args.js";
import { claimVisibleAt } from "../../cypher/claims.js";
import type { Claim } from "../claim/claim.type.js";
import { currentListLoaders, listAtLoaders } from "./article.lists.js";
import type { Article } from "./article.type.js";
import type { ArticleVersion } from "./article-version.type.js";
import { toNodeOf } from "../node/node.mapper.js";

const byArticle = (pattern: string, orderBy: string, where?: string) => ({ parent: "Article" as const, pattern, orderBy, where });

/** Per-request loaders of an article's own lists, keyed by the article's internal id. */
export function createArticleLoaders(cypher: CypherRunner) {
  return {
    articleLists: currentListLoaders(cypher),
    articleListsAt: listAtLoaders(cypher),
    claimsOfArticle: neighboursWithOptionsLoader<Claim, ClaimVisibilityOptions>(
      cypher,
      byArticle("(parent)-[:MAKES]->(n:Claim)", "n.key", claimVisibleAt("n", VISIBILITY_OF_REQUEST)),
      toNodeOf<Claim>,
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
    citedByOfArticle: neighboursLoader<Article>(cypher, byArticle("(parent)<-[:CITES]-(n:Article)", "n.publishedAt DESC, n.url"), toNodeOf<Article>),
    versionsOfArticle: neighboursLoader<ArticleVersion>(cypher, byArticle("(parent)-[:HAS_VERSION]->(n:ArticleVersion)", "n.recordedAt DESC"), toNodeOf<ArticleVersion>),
    /** Articles about a node: publishing it, mentioning, reporting or advancing it, or making claims about it. */
    articlesAbout: nestedConnectionLoader<Article>(cypher, {
      parents: ["Source", "Asset", "Entity", "MacroFactor", "Event", "PriceMove", "Narrative"],
      items: `MATCH (item:Article)-[:PUBLISHED_BY|MENTIONS|REPORTS|ADVANCES]->(node) RETURN item
              UNION
              MATCH (item:Article)-[:MAKES]->(c:Claim)-[:CAUSE|EFFECT|IF|ADVANCES]->(node)
              WHERE ${claimVisibleAt("c", { asOf: "req.options.asOf" })}
              RETURN item`,
    }, toNodeOf<Article>),
  };
}

import type { CypherRunner } from "../../db/cypher.js";
import { nestedConnectionLoader } from "../../graph/connection-loader.js";
import { neighboursLoader, neighboursWithOptionsLoader } from "../../graph/neighbours.js";
import type { Asset, IndicatorReading, PriceLevel, PriceMove } from "../asset/asset.type.js";
import { VISIBILITY_OF_REQUEST, type ClaimVisibilityOptions } from "../claim/claim-visibility.args.js";
import { claimVisibleAt } from "../claim/claim.cypher.js";
import type { Claim } from "../claim/claim.type.js";
import type { Entity } from "../entity/entity.type.js";
import type { Event } from "../event/event.type.js";
import type { MacroFactor } from "../macro-factor/macro-factor.type.js";
import type { Narrative } from "../narrative/narrative.type.js";
import type { Article } from "./article.type.js";
import type { Tag } from "./tag.type.js";

const byArticle = (pattern: string, orderBy: string, where?: string) => ({ parent: "Article" as const, pattern, orderBy, where });

/** Per-request loaders of an article's own lists, keyed by the article's internal id. */
export function createArticleLoaders(cypher: CypherRunner) {
  return {
    claimsOfArticle: neighboursWithOptionsLoader<Claim, ClaimVisibilityOptions>(
      cypher,
      byArticle("(parent)-[:MAKES]->(n:Claim)", "n.key", claimVisibleAt("n", VISIBILITY_OF_REQUEST)),
    ),
    citesOfArticle: neighboursLoader<Article>(cypher, byArticle("(parent)-[:CITES]->(n:Article)", "n.publishedAt DESC, n.url")),
    citedByOfArticle: neighboursLoader<Article>(cypher, byArticle("(parent)<-[:CITES]-(n:Article)", "n.publishedAt DESC, n.url")),
    tagsOfArticle: neighboursLoader<Tag>(cypher, byArticle("(parent)-[:TAGGED]->(n:Tag)", "n.name")),
    assetsOfArticle: neighboursLoader<Asset>(cypher, byArticle("(parent)-[:MENTIONS]->(n:Asset)", "n.symbol")),
    entitiesOfArticle: neighboursLoader<Entity>(cypher, byArticle("(parent)-[:MENTIONS]->(n:Entity)", "n.key")),
    macroFactorsOfArticle: neighboursLoader<MacroFactor>(cypher, byArticle("(parent)-[:MENTIONS]->(n:MacroFactor)", "n.key")),
    eventsOfArticle: neighboursLoader<Event>(cypher, byArticle("(parent)-[:REPORTS]->(n:Event)", "n.occurredAt, n.key")),
    priceMovesOfArticle: neighboursLoader<PriceMove>(cypher, byArticle("(parent)-[:REPORTS]->(n:PriceMove)", "n.startAt, n.key")),
    levelsOfArticle: neighboursLoader<PriceLevel>(cypher, byArticle("(parent)-[:STATES]->(n:PriceLevel)", "n.price DESC")),
    indicatorsOfArticle: neighboursLoader<IndicatorReading>(cypher, byArticle("(parent)-[:STATES]->(n:Indicator)", "n.metric")),
    narrativesOfArticle: neighboursLoader<Narrative>(cypher, byArticle("(parent)-[:ADVANCES]->(n:Narrative)", "n.key")),
    /** Articles about a node: publishing it, mentioning, reporting or advancing it, or making claims about it. */
    articlesAbout: nestedConnectionLoader<Article>(cypher, {
      parents: ["Source", "Asset", "Entity", "MacroFactor", "Event", "PriceMove", "Narrative"],
      items: `MATCH (item:Article)-[:PUBLISHED_BY|MENTIONS|REPORTS|ADVANCES]->(node) RETURN item
              UNION
              MATCH (item:Article)-[:MAKES]->(c:Claim)-[:CAUSE|EFFECT|IF|ADVANCES]->(node)
              WHERE ${claimVisibleAt("c", { asOf: "req.options.asOf" })}
              RETURN item`,
      sortKey: "item.publishedAt.epochMillis",
    }),
  };
}

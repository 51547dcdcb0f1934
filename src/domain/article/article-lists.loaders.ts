import type { CypherRunner } from "../../db/cypher-runner.js";
import { neighboursLoader, neighboursWithOptionsLoader } from "../../cypher/neighbours.js";
import { linkHeldAt, pastType } from "../../cypher/link-history.js";
import { toListed } from "./article.mapper.js";

/** An article's own lists: the versioned link each follows, the node type it reaches, and its order. */
const ARTICLE_LISTS = {
  source: { type: "PUBLISHED_BY", target: "Source", orderBy: "n.domain" },
  cites: { type: "CITES", target: "Article", orderBy: "n.publishedAt DESC, n.url" },
  tags: { type: "TAGGED", target: "Tag", orderBy: "n.name" },
  assets: { type: "MENTIONS", target: "Asset", orderBy: "n.symbol" },
  entities: { type: "MENTIONS", target: "Entity", orderBy: "n.key" },
  macroFactors: { type: "MENTIONS", target: "MacroFactor", orderBy: "n.key" },
  narratives: { type: "ADVANCES", target: "Narrative", orderBy: "n.key" },
  events: { type: "REPORTS", target: "Event", orderBy: "n.occurredAt, n.key" },
  priceMoves: { type: "REPORTS", target: "PriceMove", orderBy: "n.startAt, n.key" },
  levels: { type: "STATES", target: "PriceLevel", orderBy: "n.price DESC, n.key" },
  indicators: { type: "STATES", target: "Indicator", orderBy: "n.metric, n.key" },
} as const;

export type ArticleList = keyof typeof ARTICLE_LISTS;

type ListLoaders<L> = { [name in ArticleList]: L };

/** Per list: the current version's items, keyed by article id. */
export function currentListLoaders(cypher: CypherRunner): ListLoaders<ReturnType<typeof neighboursLoader<object>>> {
  const entries = Object.entries(ARTICLE_LISTS).map(([name, list]) => [
    name,
    neighboursLoader<object>(cypher, { parent: "Article", pattern: `(parent)-[:${list.type}]->(n:${list.target})`, orderBy: list.orderBy }, toListed),
  ]);
  return Object.fromEntries(entries) as ListLoaders<ReturnType<typeof neighboursLoader<object>>>;
}

/** Per list: the items of the version current at `options.asOf`, from current and PAST_ links. */
export function listAtLoaders(cypher: CypherRunner): ListLoaders<ReturnType<typeof neighboursWithOptionsLoader<object, { asOf: string }>>> {
  const entries = Object.entries(ARTICLE_LISTS).map(([name, list]) => [
    name,
    neighboursWithOptionsLoader<object, { asOf: string }>(cypher, {
      parent: "Article",
      pattern: `(parent)-[r:${list.type}|${pastType(list.type)}]->(n:${list.target})`,
      where: linkHeldAt("r", "req.options.asOf"),
      orderBy: list.orderBy,
    }, toListed),
  ]);
  return Object.fromEntries(entries) as ListLoaders<ReturnType<typeof neighboursWithOptionsLoader<object, { asOf: string }>>>;
}

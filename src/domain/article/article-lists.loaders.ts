import type { CypherRunner } from "../../db/cypher-runner.js";
import { neighboursLoader, neighboursWithOptionsLoader } from "../../cypher/neighbours.js";
import { toListed } from "./article.mapper.js";
import { ARTICLE_LISTS, currentList, listAt } from "./article.cypher.js";

export type ArticleList = keyof typeof ARTICLE_LISTS;

type ListLoaders<L> = { [name in ArticleList]: L };

/** Per list: the current version's items, keyed by article id. */
export function currentListLoaders(cypher: CypherRunner): ListLoaders<ReturnType<typeof neighboursLoader<object>>> {
  const entries = Object.entries(ARTICLE_LISTS).map(([name, list]) => [
    name,
    neighboursLoader<object>(cypher, currentList(list), toListed),
  ]);
  return Object.fromEntries(entries) as ListLoaders<ReturnType<typeof neighboursLoader<object>>>;
}

/** Per list: the items of the version current at `options.asOf`, from current and PAST_ links. */
export function listAtLoaders(cypher: CypherRunner): ListLoaders<ReturnType<typeof neighboursWithOptionsLoader<object, { asOf: string }>>> {
  const entries = Object.entries(ARTICLE_LISTS).map(([name, list]) => [
    name,
    neighboursWithOptionsLoader<object, { asOf: string }>(cypher, listAt(list), toListed),
  ]);
  return Object.fromEntries(entries) as ListLoaders<ReturnType<typeof neighboursWithOptionsLoader<object, { asOf: string }>>>;
}

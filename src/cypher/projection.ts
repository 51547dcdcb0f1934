/** A node as projectNode() returns it: its properties, `__label`, and the keys it carries. */
export type NodeRow = Record<string, unknown> & { __label: string };

/**
 * An article's properties as lists and lookups read them: all but `body` (up to 200 KB), which
 * is loaded only when a query selects it.
 */
const ARTICLE_PROPERTIES = [
  "id", "url", "title", "summary", "publishedAt", "ingestedAt", "contentHash", "sentiment", "score", "threatLevel", "riskLevel", "author",
].map((name) => `.${name}`).join(", ");

/**
 * The Cypher expression that turns a node variable into the map the node mapper reads:
 * its properties, its label, and the keys of the few neighbours its type carries
 * (an article's source, a price move's asset, a level's article; a claim's article is in its id). An article comes without
 * its body (see ARTICLE_PROPERTIES).
 */
export function projectNode(variable: string): string {
  const v = variable;
  return `CASE
    WHEN ${v} IS NULL THEN null
    WHEN ${v}:Article THEN ${v} { ${ARTICLE_PROPERTIES}, __label: 'Article', sourceDomain: head([(${v})-[:PUBLISHED_BY]->(s:Source) | s.domain]) }
    WHEN ${v}:PriceMove THEN ${v} { .*, __label: 'PriceMove', symbol: head([(${v})-[:OF]->(x:Asset) | x.symbol]) }
    WHEN ${v}:PriceLevel OR ${v}:Indicator THEN ${v} { .*, __label: head(labels(${v})),
      symbol: head([(${v})-[:OF]->(x:Asset) | x.symbol]), articleUid: head([(p:Article)-[:STATES]->(${v}) | p.id]) }
    WHEN ${v}:Claim THEN ${v} { .*, __label: 'Claim' }
    ELSE ${v} { .*, __label: head(labels(${v})) }
  END`;
}

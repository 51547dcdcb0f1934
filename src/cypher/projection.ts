/** A node as projectNode() returns it: its properties, `__label`, and the keys it carries. */
export type NodeRow = Record<string, unknown> & { __label: string };

/**
 * The Cypher expression that turns a node variable into the map the node mapper reads:
 * its properties, its label, and the keys of the few neighbours its type carries
 * (an article's source, a price move's asset, a claim's article).
 */
export function projectNode(variable: string): string {
  const v = variable;
  return `CASE
    WHEN ${v} IS NULL THEN null
    WHEN ${v}:Article THEN ${v} { .*, __label: 'Article', sourceDomain: head([(${v})-[:PUBLISHED_BY]->(s:Source) | s.domain]) }
    WHEN ${v}:PriceMove THEN ${v} { .*, __label: 'PriceMove', symbol: head([(${v})-[:OF]->(x:Asset) | x.symbol]) }
    WHEN ${v}:PriceLevel OR ${v}:Indicator THEN ${v} { .*, __label: head(labels(${v})),
      symbol: head([(${v})-[:OF]->(x:Asset) | x.symbol]), articleUid: head([(p:Article)-[:STATES]->(${v}) | p.id]) }
    WHEN ${v}:Claim THEN ${v} { .*, __label: 'Claim', articleUid: head([(p:Article)-[:MAKES]->(${v}) | p.id]) }
    ELSE ${v} { .*, __label: head(labels(${v})) }
  END`;
}

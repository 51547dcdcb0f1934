/**
 * Aliases (docs/resolution.md): every key and name a node was given stays on it (`aliases`,
 * and `aliasText`, the same joined, for the label's full-text index, aliasIndexOf in
 * db/migrations.ts); a key other than the node's own resolves through an
 * `(:Alias { ref: 'Label:key' })-[:ALIAS_OF]->(node)`, unique on `ref`.
 */

/** Cypher: adds the non-null strings of the list expression `names` to `x`'s aliases, each once, and refreshes its aliasText. */
export function addAliases(x: string, names: string): string {
  return `SET ${x}.aliases = reduce(acc = coalesce(${x}.aliases, []), v IN ${names} | CASE WHEN v IS NULL OR v IN acc THEN acc ELSE acc + v END)
      SET ${x}.aliasText = reduce(t = '', v IN ${x}.aliases | t + ' | ' + v)`;
}

/** Cypher expression: the Alias ref of a `{ label, key }` map variable. */
export const aliasRef = (variable: string) => `${variable}.label + ':' + ${variable}.key`;

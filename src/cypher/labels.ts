/** Node labels of the domain model and the property that identifies each uniquely. */
export const KEY_PROPERTY = {
  Source: "domain",
  Article: "id",
  Asset: "symbol",
  Entity: "key",
  MacroFactor: "key",
  Event: "key",
  PriceMove: "key",
  PriceLevel: "key",
  Indicator: "key",
  Narrative: "key",
  Claim: "id",
  NodeMerge: "id",
} as const;

export type Label = keyof typeof KEY_PROPERTY;

const LABELS = Object.keys(KEY_PROPERTY) as Label[];

export function isLabel(value: string): value is Label {
  return Object.hasOwn(KEY_PROPERTY, value);
}

/** Labels a claim's cause, effect and conditions may carry. */
export const CAUSAL_LABELS: readonly Label[] = ["Event", "MacroFactor", "Asset", "PriceMove", "Narrative", "Entity"];

/** Cypher expression: the natural key of causal node `n` (see KEY_PROPERTY). */
export const keyOf = (n: string) =>
  `CASE ${CAUSAL_LABELS.map((label) => `WHEN ${n}:${label} THEN ${n}.${KEY_PROPERTY[label]}`).join(" ")} END`;

/** A node by label and natural key, as Cypher parameters carry it. */
export interface LabelKey {
  readonly label: Label;
  readonly key: string;
}

/** `Label:key`, the cache key of loaders that take a node reference. */
export const refKey = (label: Label, key: string) => `${label}:${key}`;

/** The label and key of a `Label:key` reference. */
export function parseRefKey(ref: string): LabelKey {
  const colon = ref.indexOf(":");
  return { label: ref.slice(0, colon) as Label, key: ref.slice(colon + 1) };
}

/**
 * A Cypher `CALL` subquery that finds, for a map variable `{label, key}` in scope, the node
 * with that label and key as `node` (no row when there is none). Labels come from the fixed
 * list above, never from input; the key stays a parameter value.
 */
export function lookupNode(variable: string, labels: readonly Label[] = LABELS, output = "node"): string {
  const branches = labels.map(
    (label) =>
      `MATCH (${output}:${label} { ${KEY_PROPERTY[label]}: ${variable}.key }) WHERE ${variable}.label = '${label}' RETURN ${output}`,
  );
  return `CALL (${variable}) {\n  ${branches.join("\n  UNION\n  ")}\n}`;
}

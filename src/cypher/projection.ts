import { linkTypes } from "./link-history.js";

/** A node as projectNode() returns it: its properties, `__label`, and the keys it carries. */
export type NodeRow = Record<string, unknown> & { __label: string };

/**
 * What to read of nodes with each label, when a query selects only some of a node's fields. A
 * label it does not name is read whole (all properties but an article's body).
 */
export type NodeSelection = Readonly<Record<string, LabelSelection>>;

export interface LabelSelection {
  /** Stored properties, or neighbour keys listed in NEIGHBOUR_KEYS. */
  readonly properties: readonly string[];
  /**
   * Linked nodes (RELATED_NODES) to read along with the node, each with what to read of it: they
   * come back in the node's map as `related` (null where there is none).
   */
  readonly related?: Readonly<Record<string, NodeSelection>>;
}

/** The selection without linked nodes read along: for reads whose links are not the current ones (asOf). */
export function withoutRelated(selection: NodeSelection | undefined): NodeSelection | undefined {
  if (!selection) return selection;
  return Object.fromEntries(Object.entries(selection).map(([label, { properties }]) => [label, { properties }]));
}

/** Single linked nodes a node's map can carry, per label: the pattern from `v` to the node `x`. */
export const RELATED_NODES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Claim: { cause: "-[:CAUSE]->", effect: "-[:EFFECT]->" },
};

/**
 * An article's properties as lists and lookups read them: all but `body` (up to 200 KB), which
 * is loaded only when a query selects it.
 */
const ARTICLE_PROPERTIES = [
  "id",
  "url",
  "title",
  "summary",
  "publishedAt",
  "updatedAt",
  "ingestedAt",
  "contentHash",
  "sentiment",
  "score",
  "threatLevel",
  "riskLevel",
  "author",
];

/** Keys of neighbours that a node's map carries, per label, as Cypher over the node `v`. */
const NEIGHBOUR_KEYS: Readonly<Record<string, Readonly<Record<string, (v: string) => string>>>> = {
  Article: {
    // The publisher itself (a few short properties), so `source` needs no round trip of its own.
    publisher: (v) => `head([(${v})-[:PUBLISHED_BY]->(s:Source) | s { .*, __label: 'Source' }])`,
  },
  PriceMove: { symbol: (v) => `head([(${v})-[:OF]->(x:Asset) | x.symbol])` },
  // A level or reading belongs to the one article that states it (its key starts with the
  // article's id), also once a later version has dropped it (PAST_STATES).
  PriceLevel: {
    symbol: (v) => `head([(${v})-[:OF]->(x:Asset) | x.symbol])`,
    articleUid: (v) => `head([(p:Article)-[:${linkTypes(["STATES"], true)}]->(${v}) | p.id])`,
  },
  Indicator: {
    symbol: (v) => `head([(${v})-[:OF]->(x:Asset) | x.symbol])`,
    articleUid: (v) => `head([(p:Article)-[:${linkTypes(["STATES"], true)}]->(${v}) | p.id])`,
  },
};

/** The property that identifies a node of each label: always read. */
const IDENTITY: Readonly<Record<string, string>> = {
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
  Tag: "name",
};

function mapOf(v: string, label: string, selection: LabelSelection | "all"): string {
  const neighbours = NEIGHBOUR_KEYS[label] ?? {};
  const labelEntry = `__label: ${label === "PriceLevel" || label === "Indicator" ? `head(labels(${v}))` : `'${label}'`}`;
  if (selection === "all") {
    const own = label === "Article" ? ARTICLE_PROPERTIES.map((p) => `.${p}`) : [".*"];
    const keys = Object.keys(neighbours).map((n) => `${n}: ${neighbours[n]!(v)}`);
    return `${v} { ${[...own, labelEntry, ...keys].join(", ")} }`;
  }
  const wanted = [...new Set([IDENTITY[label] ?? "", ...selection.properties])].filter((name) => name !== "");
  for (const name of wanted) if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`not a property name: ${name}`);
  const own = wanted.filter((n) => !neighbours[n]).map((n) => `.${n}`);
  const keys = wanted.filter((n) => neighbours[n]).map((n) => `${n}: ${neighbours[n]!(v)}`);
  const related = Object.entries(selection.related ?? {}).map(([name, inner]) => {
    const pattern = RELATED_NODES[label]?.[name];
    if (!pattern) throw new Error(`${label} has no related node ${name}`);
    const x = `${v}_${name}`;
    return `${name}: head([(${v})${pattern}(${x}) | ${projectNode(x, inner)}])`;
  });
  return `${v} { ${[...own, labelEntry, ...keys, ...(related.length ? [`related: { ${related.join(", ")} }`] : [])].join(", ")} }`;
}

/**
 * The Cypher expression that turns a node variable into the map the node mapper reads:
 * its properties, its label, and the keys of the few neighbours its type carries
 * (an article's publisher, a price move's asset, a level's article; a claim's article is in its id).
 * An article comes without its body (see ARTICLE_PROPERTIES). With a selection, the labels it
 * names carry only the properties it lists, plus their identifying key.
 */
export function projectNode(variable: string, selection?: NodeSelection): string {
  const v = variable;
  const branch = (label: string) => mapOf(v, label, selection?.[label] ?? "all");
  const selectedOthers = Object.keys(selection ?? {}).filter(
    (label) => !["Article", "PriceMove", "PriceLevel", "Indicator", "Claim"].includes(label),
  );
  return `CASE
    WHEN ${v} IS NULL THEN null
    WHEN ${v}:Article THEN ${branch("Article")}
    WHEN ${v}:PriceMove THEN ${branch("PriceMove")}
    WHEN ${v}:PriceLevel THEN ${branch("PriceLevel")}
    WHEN ${v}:Indicator THEN ${branch("Indicator")}
    WHEN ${v}:Claim THEN ${branch("Claim")}
    ${selectedOthers.map((label) => `WHEN ${v}:${label} THEN ${branch(label)}`).join("\n    ")}
    ELSE ${v} { .*, __label: head(labels(${v})) }
  END`;
}

/**
 * One selection serving all of a batch's requests: the labels every request names, each with
 * the properties any of them lists, and the linked nodes all of them read alike (a request
 * without a selection reads every label whole; a linked node some read differently is left to
 * its own loader).
 */
export function mergeSelections(selections: readonly (NodeSelection | undefined)[]): NodeSelection | undefined {
  if (selections.length === 0 || selections.some((s) => s === undefined)) return undefined;
  if (selections.every((s) => s === selections[0])) return selections[0];
  const all = selections as NodeSelection[];
  const merged: Record<string, LabelSelection> = {};
  for (const label of Object.keys(all[0]!)) {
    if (!all.every((s) => label in s)) continue;
    const entries = all.map((s) => s[label]!);
    const related: Record<string, NodeSelection> = {};
    for (const [name, inner] of Object.entries(entries[0]!.related ?? {})) {
      if (entries.every((e) => e.related?.[name] && selectionKey(e.related[name]) === selectionKey(inner))) related[name] = inner;
    }
    merged[label] = {
      properties: [...new Set(entries.flatMap((e) => e.properties))].sort(),
      ...(Object.keys(related).length ? { related } : {}),
    };
  }
  return merged;
}

const keys = new WeakMap<NodeSelection, string>();

/** A selection as part of a loader's cache key (null for none). */
export function selectionKey(selection: NodeSelection | undefined): string | null {
  if (!selection) return null;
  let key = keys.get(selection);
  if (key === undefined) keys.set(selection, (key = JSON.stringify(selection)));
  return key;
}

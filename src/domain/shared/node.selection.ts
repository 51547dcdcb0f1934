import type { GraphQLResolveInfo } from "graphql";
import { RELATED_NODES, type LabelSelection, type NodeSelection } from "../../cypher/projection.js";
import { selectedFields } from "../../graphql/selection.js";

const RELATED: readonly string[] = [];
const about = { articles: RELATED, claims: RELATED };
/** The keys and names a node was given, and what is read of articles' statements (by key). */
const named = { aliases: ["aliases"], merges: RELATED };
const stated = { statements: RELATED, figuresDisputed: RELATED };

/**
 * Per GraphQL type, the stored properties (or neighbour keys, see projection.ts) each field
 * reads. Fields resolved from the node's identity alone (`id`, its key, lists loaded by key)
 * read none. A type not listed here, or a selected field its entry lacks, is read whole, so a
 * field added to a type without an entry here is still answered right.
 */
const PROPERTIES_OF_FIELD: Readonly<
  Record<string, { readonly label: string; readonly fields: Readonly<Record<string, readonly string[]>> }>
> = {
  Claim: {
    label: "Claim",
    fields: {
      id: [],
      key: ["key"],
      text: ["text"],
      relation: ["relation"],
      relationClass: ["relation"],
      polarity: ["polarity"],
      modality: ["modality"],
      confidence: ["confidence"],
      recordedAt: ["recordedAt"],
      supersededAt: ["supersededAt"],
      retractedAt: ["retractedAt"],
      retractionReason: ["retractionReason"],
      article: [],
      cause: [],
      effect: [],
      conditions: [],
      attributedTo: [],
      supportedBy: [],
      narratives: [],
    },
  },
  MacroFactor: {
    label: "MacroFactor",
    fields: { id: [], key: [], name: ["name"], kind: ["kind"], description: ["description"], ...named, ...about },
  },
  Event: {
    label: "Event",
    fields: {
      id: [],
      key: [],
      kind: ["kind"],
      title: ["title"],
      occurredAt: ["occurredAt"],
      endedAt: ["endedAt"],
      amountUsd: ["amountUsd"],
      affects: [],
      reports: [],
      ...named,
      ...stated,
      ...about,
    },
  },
  Asset: {
    label: "Asset",
    fields: {
      id: [],
      symbol: [],
      name: ["name"],
      assetClass: ["assetClass"],
      events: [],
      indicators: [],
      levels: [],
      priceMoves: [],
      ...named,
      ...about,
    },
  },
  PriceMove: {
    label: "PriceMove",
    fields: {
      id: [],
      key: [],
      startAt: ["startAt"],
      endAt: ["endAt"],
      open: ["open"],
      high: ["high"],
      low: ["low"],
      close: ["close"],
      changePct: ["changePct"],
      description: ["description"],
      asset: ["symbol"],
      ...named,
      ...stated,
      ...about,
    },
  },
  Entity: { label: "Entity", fields: { id: [], key: [], name: ["name"], kind: ["kind"], ...named, ...about } },
  Narrative: { label: "Narrative", fields: { id: [], key: [], name: ["name"], description: ["description"], ...named, ...about } },
};

/**
 * What to read of the nodes the current field returns (at `path` inside it, e.g. a
 * connection's `["edges", "node"]`): per label, the properties its selected fields read.
 * Undefined (read every node whole) when nothing there is selected.
 */
export function nodeSelection(info: GraphQLResolveInfo, path: readonly string[] = []): NodeSelection | undefined {
  // Every item of a list resolves its fields with the same field nodes and variables: work it out once.
  const byVariables = memo.get(info.fieldNodes) ?? new WeakMap<object, Map<string, NodeSelection | undefined>>();
  memo.set(info.fieldNodes, byVariables);
  const byPath = byVariables.get(info.variableValues) ?? new Map<string, NodeSelection | undefined>();
  byVariables.set(info.variableValues, byPath);
  const key = path.join(".");
  if (!byPath.has(key)) byPath.set(key, selectionOf(info, path));
  return byPath.get(key);
}

const memo = new WeakMap<readonly object[], WeakMap<object, Map<string, NodeSelection | undefined>>>();

function selectionOf(info: GraphQLResolveInfo, path: readonly string[]): NodeSelection | undefined {
  const selected = selectedFields(info, path);
  if (!selected) return undefined;
  const selection: Record<string, LabelSelection> = {};
  for (const [typeName, fields] of selected) {
    const entry = PROPERTIES_OF_FIELD[typeName];
    if (!entry) continue;
    const properties = new Set<string>();
    let known = true;
    for (const field of fields) {
      if (field === "__typename") continue;
      const reads = entry.fields[field];
      if (!reads) known = false;
      else for (const property of reads) properties.add(property);
    }
    if (!known) continue;
    // A linked node the query selects (a claim's cause or effect) is read along, with what is selected of it.
    const related: Record<string, NodeSelection> = {};
    for (const name of Object.keys(RELATED_NODES[entry.label] ?? {})) {
      const inner = fields.has(name) ? selectionOf(info, [...path, name]) : undefined;
      if (inner) related[name] = inner;
    }
    selection[entry.label] = { properties: [...properties].sort(), ...(Object.keys(related).length ? { related } : {}) };
  }
  return selection;
}

/** The types and fields of PROPERTIES_OF_FIELD, for the test that keeps it in step with the schema. */
export const PROJECTED_FIELDS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(PROPERTIES_OF_FIELD).map(([typeName, entry]) => [typeName, Object.keys(entry.fields)]),
);

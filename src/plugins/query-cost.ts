import { getNamedType, getNullableType, isLeafType, isListType, type GraphQLField } from "graphql";
import type { ComplexityEstimatorArgs } from "graphql-query-complexity";

/**
 * The cost model: roughly how many objects a request makes the server produce.
 *
 * - A field returning an object costs 1 plus what is selected inside it; scalars cost 0 (the
 *   number of selections is limited separately).
 * - A connection, or a list taking `first`, multiplies what is selected inside by `first`.
 * - A plain list multiplies by its stated estimate below (DEFAULT_LIST_ESTIMATE otherwise).
 * - The root fields that traverse the graph add a cost of their own, scaled by maxDepth.
 */

/** Expected length of a plain list without `first`, unless stated below. */
const DEFAULT_LIST_ESTIMATE = 10;

/** Stated lengths of plain lists, by `Type.field`: what real data holds (the seed article makes 47 claims). */
const LIST_ESTIMATES: Readonly<Record<string, number>> = {
  "Article.claims": 50,
  "Article.versions": 5,
  "AttributionReport.claims": 1, // attributionAudit multiplies by its `first`
  "CausalPath.steps": 4,
  "CausalStep.claims": 5,
  "Claim.attributedTo": 3,
  "Claim.supportedBy": 3,
  "Claim.narratives": 3,
  "Claim.conditions": 2,
  "Driver.paths": 5,
  "PriceMoveExplanation.drivers": 20,
  "PriceMoveExplanation.moves": 5,
  "RelatedArticle.reasons": 4,
};

/** Own cost of the root fields that traverse the graph, per hop of maxDepth (or once). */
const TRAVERSAL_COSTS: Readonly<Record<string, { base: number; perHop?: number; timesFirst?: boolean }>> = {
  causalChains: { base: 50, perHop: 50 },
  explainPriceMove: { base: 100, perHop: 100 },
  attributionAudit: { base: 200, timesFirst: true },
  search: { base: 50 },
  timeline: { base: 20 },
};

function multiplier(typeName: string, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  const first = typeof args.first === "number" ? Math.max(0, args.first) : null;
  if (typeName === "Query" && TRAVERSAL_COSTS[field.name]?.timesFirst && first !== null) return first;
  const named = getNamedType(field.type).name;
  // A connection's edges are already counted by its `first`.
  if (typeName.endsWith("Connection") && field.name === "edges") return 1;
  if (first !== null && (named.endsWith("Connection") || isListType(getNullableType(field.type)))) return first;
  if (isListType(getNullableType(field.type))) return LIST_ESTIMATES[`${typeName}.${field.name}`] ?? DEFAULT_LIST_ESTIMATE;
  return 1;
}

/** graphql-query-complexity estimator implementing the model above. */
function fieldCost({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number {
  if (isLeafType(getNamedType(field.type))) return 0;
  const traversal = type.name === "Query" ? TRAVERSAL_COSTS[field.name] : undefined;
  const depth = typeof args.maxDepth === "number" ? Math.max(1, args.maxDepth) : 1;
  const own = traversal ? traversal.base + (traversal.perHop ?? 0) * depth : 1;
  return own + multiplier(type.name, field, args) * childComplexity;
}

/** A field whose `first` multiplies what is selected inside it, as one estimate saw it. */
export interface PagedFieldCost {
  /** `Type.field`, e.g. `Query.attributionAudit`. */
  readonly field: string;
  readonly first: number;
  /** What the field costs in all: its own cost plus `first` times what is selected inside it. */
  readonly total: number;
  /** What one more item costs (what is selected inside it). */
  readonly perItem: number;
}

/**
 * fieldCost, also recording into `paged` every field whose cost its `first` multiplies, so a
 * rejection can say which `first` to lower (costliestPaged).
 */
export function recordingFieldCost(paged: PagedFieldCost[]): (args: ComplexityEstimatorArgs) => number {
  return (args) => {
    const total = fieldCost(args);
    const first = args.args.first;
    if (typeof first === "number" && first > 0 && !isLeafType(getNamedType(args.field.type))) {
      paged.push({ field: `${args.type.name}.${args.field.name}`, first, total, perItem: args.childComplexity });
    }
    return total;
  };
}

/**
 * The advice of a cost rejection: the root field (`Query.*`) taking `first` that costs the most,
 * and the largest `first` that would bring the whole estimate within `maxCost` with everything
 * else unchanged (0 when none would: then the selection inside it, or elsewhere, must shrink).
 * Only a root field's cost is its own `first` times what is inside it; a nested one is also
 * multiplied by the lists around it, so for a request whose only paged fields are nested the
 * costliest is named without a number (`maxFirst` null). Null when nothing is paged.
 */
export function costliestPaged(
  paged: readonly PagedFieldCost[],
  cost: number,
  maxCost: number,
): { field: string; first: number; maxFirst: number | null } | null {
  const costliest = (entries: readonly PagedFieldCost[]) =>
    entries.reduce<PagedFieldCost | null>((best, entry) => (best && best.total >= entry.total ? best : entry), null);
  const root = costliest(paged.filter((entry) => entry.field.startsWith("Query.")));
  if (!root) {
    const nested = costliest(paged);
    return nested ? { field: nested.field, first: nested.first, maxFirst: null } : null;
  }
  if (root.perItem <= 0) return { field: root.field, first: root.first, maxFirst: 0 };
  const fixed = cost - root.perItem * root.first;
  const maxFirst = Math.max(0, Math.floor((maxCost - fixed) / root.perItem));
  return { field: root.field, first: root.first, maxFirst: Math.min(maxFirst, root.first) };
}

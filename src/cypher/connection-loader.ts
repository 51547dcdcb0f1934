import DataLoader from "dataloader";
import type { CypherRunner } from "../db/cypher-runner.js";
import { int } from "../db/values.js";
import type { ConnectionShape } from "../graphql/connection.js";
import type { PageRequest } from "../graphql/pagination.js";
import { lookupNode, type Label, type LabelKey } from "./labels.js";
import { afterParam, isAfter, NEWEST_FIRST, toNewestFirstConnection, type Timed } from "./newest-first.js";
import type { NodeMapper } from "./neighbours.js";
import { mergeSelections, projectNode, selectionKey, type NodeRow, type NodeSelection } from "./projection.js";

/** One page of items related to one node: what a nested connection field asks for. */
export interface NestedPageRequest extends LabelKey {
  readonly page: PageRequest;
  /** Narrows the relation (e.g. a claim role); the spec's Cypher reads it as `req.variant`. */
  readonly variant?: string;
  /** Further options of the list (e.g. which claims to show); the spec's Cypher reads them as `req.options`. */
  readonly options?: Readonly<Record<string, unknown>>;
  /** What to read of the items (all of each when absent). */
  readonly select?: NodeSelection;
}

export interface NestedConnectionSpec {
  /** Labels the parent nodes may have. */
  readonly parents: readonly Label[];
  /** A subquery body with `node` and `req` in scope that returns candidate `item`s (Articles or Claims: they carry `sortAt`). */
  readonly items: string;
}

type Batch = readonly NestedPageRequest[];

const requestParams = (requests: Batch) =>
  requests.map((r, index) => ({
    index,
    label: r.label,
    key: r.key,
    variant: r.variant ?? null,
    options: r.options ?? null,
    after: afterParam(r.page),
  }));

/**
 * Batched nested connections: `sources { articles(first: 5) }` over many sources is one
 * query, each parent paged newest first after its own cursor in the database (the keyset
 * paging of newest-first.ts). Totals are a second batched query, run only when selected.
 */
export function nestedConnectionLoader<T extends { uid: string }>(
  cypher: CypherRunner,
  spec: NestedConnectionSpec,
  toNode: NodeMapper<T>,
): DataLoader<NestedPageRequest, ConnectionShape<T>, string> {
  // LIMIT cannot read a row's value, so each parent is cut at the batch's largest page, then at its own.
  const pageQuery = (select: NodeSelection | undefined) => `UNWIND $requests AS req
    ${lookupNode("req", spec.parents)}
    CALL (node, req) {
      CALL (node, req) { ${spec.items} }
      WITH DISTINCT item WHERE ${isAfter("req.after")}
      WITH item ${NEWEST_FIRST}
      LIMIT $limit
      RETURN collect({ t: item.sortAt, node: ${projectNode("item", select)} }) AS page
    }
    RETURN req.index AS index, page[0..req.limit] AS page`;
  const countQuery = `UNWIND $requests AS req
    ${lookupNode("req", spec.parents)}
    CALL (node, req) {
      CALL (node, req) { ${spec.items} }
      RETURN count(DISTINCT item) AS totalCount
    }
    RETURN req.index AS index, totalCount`;
  const cacheKeyFn = (request: NestedPageRequest) =>
    JSON.stringify([
      request.label,
      request.key,
      request.variant ?? null,
      request.options ?? null,
      request.page,
      selectionKey(request.select),
    ]);

  const counts = new DataLoader<NestedPageRequest, number, string>(
    async (requests) => {
      const rows = await cypher.read<{ index: number; totalCount: number }>(countQuery, { requests: requestParams(requests) });
      const byIndex = new Map(rows.map((row) => [row.index, row.totalCount]));
      return requests.map((_, index) => byIndex.get(index) ?? 0);
    },
    { cacheKeyFn: (request) => JSON.stringify([request.label, request.key, request.variant ?? null, request.options ?? null]) },
  );

  return new DataLoader(
    async (requests) => {
      const limit = Math.max(...requests.map((r) => r.page.first + 1));
      const rows = await cypher.read<{ index: number; page: Timed<NodeRow>[] }>(pageQuery(mergeSelections(requests.map((r) => r.select))), {
        requests: requestParams(requests).map((r, i) => ({ ...r, limit: int(requests[i]!.page.first + 1) })),
        limit: int(limit),
      });
      const byIndex = new Map(rows.map((row) => [row.index, row.page]));
      return requests.map((request, index) => {
        const items = (byIndex.get(index) ?? []).map(({ t, node }) => ({ t, node: toNode(node) }));
        return toNewestFirstConnection(items, () => counts.load(request), request.page);
      });
    },
    { cacheKeyFn },
  );
}

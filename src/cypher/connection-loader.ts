import DataLoader from "dataloader";
import type { CypherRunner } from "../db/cypher.js";
import { int } from "../db/values.js";
import type { ConnectionShape } from "../graphql/connection.js";
import type { PageRequest } from "../graphql/pagination.js";
import { lookupNode, type Label, type LabelKey } from "./labels.js";
import { toNewestFirstConnection } from "./newest-first.js";
import type { NodeMapper } from "./neighbours.js";
import { projectNode, type NodeRow } from "./projection.js";

/** One page of items related to one node: what a nested connection field asks for. */
export interface NestedPageRequest extends LabelKey {
  readonly page: PageRequest;
  /** Narrows the relation (e.g. a claim role); the spec's Cypher reads it as `req.variant`. */
  readonly variant?: string;
  /** Further options of the list (e.g. which claims to show); the spec's Cypher reads them as `req.options`. */
  readonly options?: Readonly<Record<string, unknown>>;
}

export interface NestedConnectionSpec {
  /** Labels the parent nodes may have. */
  readonly parents: readonly Label[];
  /** A subquery body with `node` and `req` in scope that returns candidate `item`s. */
  readonly items: string;
  /** Sort key of an item, a number (newest first); ties broken by `item.id` descending. */
  readonly sortKey: string;
}

/**
 * Batched nested connections: `sources { articles(first: 5) }` over many sources is one
 * query, each parent paged and counted on its own.
 */
export function nestedConnectionLoader<T extends { uid: string }>(
  cypher: CypherRunner,
  spec: NestedConnectionSpec,
  toNode: NodeMapper<T>,
): DataLoader<NestedPageRequest, ConnectionShape<T>, string> {
  const query = `UNWIND $requests AS req
    ${lookupNode("req", spec.parents)}
    CALL (node, req) {
      CALL (node, req) { ${spec.items} }
      WITH DISTINCT item
      WITH item, ${spec.sortKey} AS t
      ORDER BY t DESC, item.id DESC
      WITH collect({ t: t, id: item.id, node: item }) AS ranked
      WITH size(ranked) AS totalCount,
           [x IN ranked WHERE req.after IS NULL OR x.t < req.after[0] OR (x.t = req.after[0] AND x.id < req.after[1])][0..req.limit] AS page
      UNWIND (CASE page WHEN [] THEN [null] ELSE page END) AS x
      WITH totalCount, x, x.node AS n
      RETURN totalCount, collect(CASE WHEN x IS NULL THEN null ELSE { t: x.t, node: ${projectNode("n")} } END) AS page
    }
    RETURN req.index AS index, totalCount, page`;

  return new DataLoader(
    async (requests) => {
      const rows = await cypher.read<{ index: number; totalCount: number; page: { t: number; node: NodeRow }[] }>(query, {
        requests: requests.map((r, index) => ({
          index,
          label: r.label,
          key: r.key,
          variant: r.variant ?? null,
          options: r.options ?? null,
          after: r.page.after,
          limit: int(r.page.first + 1),
        })),
      });
      const byIndex = new Map(rows.map((row) => [row.index, row]));
      return requests.map((request, index) => {
        const row = byIndex.get(index);
        const items = (row?.page ?? []).map(({ t, node }) => ({ t, node: toNode(node) }));
        return toNewestFirstConnection(items, row?.totalCount ?? 0, request.page);
      });
    },
    { cacheKeyFn: (request) => JSON.stringify([request.label, request.key, request.variant ?? null, request.options ?? null, request.page]) },
  );
}

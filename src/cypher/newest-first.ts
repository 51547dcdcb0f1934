import type { CypherRunner, Params } from "../db/cypher-runner.js";
import { int } from "../db/values.js";
import type { ConnectionShape } from "../graphql/connection.js";
import { toConnection, type PageRequest, type TotalCount } from "../graphql/pagination.js";
import type { NodeMapper } from "./neighbours.js";
import { projectNode, type NodeRow, type NodeSelection } from "./projection.js";

/**
 * The one paging implementation of newest-first lists (articles and claims, at the root and
 * nested): items are ordered by their stored, indexed `sortAt` (see sort-keys.ts), then
 * internal id, both descending; a cursor is `[sortAt, id]` and the next page is sought
 * after it in the database (keyset paging), so inserts never shift a page and no query
 * collects a whole list to slice it.
 */

/** An item of a newest-first list with its sort key (epoch milliseconds). */
export type Timed<T> = {
  t: number;
  node: T;
};

type Uid = { uid: string };

/** A cursor as the queries read it: the last item's sort key and internal id. */
export interface AfterParam {
  t: number;
  id: string;
}

/** `[sortAt, id]` from a validated page request, as the `$after` parameter. */
export function afterParam(page: PageRequest): AfterParam | null {
  return page.after ? { t: Number(page.after[0]), id: String(page.after[1]) } : null;
}

/** Cypher condition: `item` comes after the cursor `after` (a `{t, id}` map expression, or null). */
export function isAfter(after: string): string {
  return `(${after} IS NULL OR item.sortAt < ${after}.t OR (item.sortAt = ${after}.t AND item.id < ${after}.id))`;
}

/** Cypher ORDER BY of every newest-first list. */
export const NEWEST_FIRST = "ORDER BY item.sortAt DESC, item.id DESC";

/** A connection over newest-first items; cursors are [sortAt, internal id]. */
export function toNewestFirstConnection<T extends Uid>(items: Timed<T>[], totalCount: TotalCount, page: PageRequest): ConnectionShape<T> {
  const sortKeys = new Map(items.map((item) => [item.node, item.t]));
  return toConnection(
    items.map((item) => item.node),
    totalCount,
    page,
    (node) => [sortKeys.get(node)!, node.uid],
  );
}

/** A root list: what to match and the conditions of the filters present, nothing for the absent ones. */
export interface ListQuery {
  /** Optional clauses before the MATCH that bind `item` (each item once), e.g. a UNION of the ways a list reaches its items. */
  readonly start?: string;
  /** Comma-separated MATCH patterns binding `item` once per item, e.g. `(item:Article)-[:MENTIONS]->(:Asset { symbol: $c.asset })`. */
  readonly match: string;
  /** Conditions, ANDed. */
  readonly where: readonly string[];
  /**
   * Walk the `sortAt` index of this label newest first and stop at the page's end: for filters
   * that many items pass, where starting from the filter's node would sort a large share of the graph.
   */
  readonly walkSortIndexOf?: "Article" | "Claim";
  /** The same items as a query that suits counting them all, when that differs (a walk suits a page, not a count). */
  readonly countAs?: ListQuery;
}

/**
 * One page of a root newest-first list. The page is one query that can start from any node
 * the patterns name or walk the `sortAt` index in order; the total is a second query, run
 * only when the client selects `totalCount`.
 */
export async function findNewestFirstPage<T extends Uid>(
  cypher: CypherRunner,
  list: ListQuery,
  params: Params,
  page: PageRequest,
  toNode: NodeMapper<T>,
  select?: NodeSelection,
): Promise<ConnectionShape<T>> {
  const after = afterParam(page);
  // Written so the range index on sortAt can seek to the cursor (or scan in order from the top).
  const keyset = after ? "item.sortAt <= $after.t AND (item.sortAt < $after.t OR item.id < $after.id)" : "item.sortAt IS NOT NULL";
  const hint = list.walkSortIndexOf ? `USING INDEX item:${list.walkSortIndexOf}(sortAt)` : "";
  const rows = await cypher.read<Timed<NodeRow>>(
    `${list.start ?? ""}
     MATCH ${list.match} ${hint}
     WHERE ${[...list.where, keyset].join("\n       AND ")}
     WITH item ${NEWEST_FIRST}
     LIMIT $limit
     RETURN item.sortAt AS t, ${projectNode("item", select)} AS node`,
    { ...params, after, limit: int(page.first + 1) },
  );
  const counted = list.countAs ?? list;
  const count = async () => {
    const [row] = await cypher.read<{ n: number }>(
      `${counted.start ?? ""}
       MATCH ${counted.match}
       ${counted.where.length ? `WHERE ${counted.where.join("\n         AND ")}` : ""}
       RETURN count(item) AS n`,
      params,
    );
    return row?.n ?? 0;
  };
  return toNewestFirstConnection(
    rows.map((row) => ({ t: row.t, node: toNode(row.node) })),
    count,
    page,
  );
}

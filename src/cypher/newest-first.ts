import type { CypherRunner, Params } from "../db/cypher.js";
import { int } from "../db/values.js";
import type { ConnectionShape } from "../graphql/connection.js";
import { toConnection, type PageRequest } from "../graphql/pagination.js";
import type { NodeMapper } from "./neighbours.js";
import { projectNode, type NodeRow } from "./projection.js";

/** An item of a newest-first list with its sort time (epoch milliseconds). */
export interface Timed<T> {
  t: number;
  node: T;
}

type Uid = { uid: string };

/** A connection over newest-first items; cursors are [time, internal id]. */
export function toNewestFirstConnection<T extends Uid>(items: Timed<T>[], totalCount: number, page: PageRequest): ConnectionShape<T> {
  const connection = toConnection(items, totalCount, page, (item) => [item.t, item.node.uid]);
  return { ...connection, edges: connection.edges.map(({ cursor, node }) => ({ cursor, node: node.node })) };
}

export interface NewestFirstSpec {
  /** MATCH ... WHERE ... binding `item` (and whatever `time` needs). */
  readonly match: string;
  /** The item's sort time in epoch milliseconds, e.g. `item.publishedAt.epochMillis`. */
  readonly time: string;
}

/**
 * One page of a newest-first list (time, then internal id, both descending) and the total,
 * in one query, with keyset paging after the cursor so inserts never shift a page.
 */
export async function findNewestFirstPage<T extends Uid>(
  cypher: CypherRunner,
  spec: NewestFirstSpec,
  params: Params,
  page: PageRequest,
  toNode: NodeMapper<T>,
): Promise<ConnectionShape<T>> {
  const [t, id] = page.after ?? [null, null];
  const [row] = await cypher.read<{ totalCount: number; items: Timed<NodeRow>[] }>(
    `CALL { ${spec.match} RETURN count(item) AS totalCount }
     CALL {
       ${spec.match}
       WITH item, ${spec.time} AS t
       WHERE $after.t IS NULL OR t < $after.t OR (t = $after.t AND item.id < $after.id)
       ORDER BY t DESC, item.id DESC
       LIMIT $after.limit
       RETURN collect({ t: t, node: ${projectNode("item")} }) AS items
     }
     RETURN totalCount, items`,
    { ...params, after: { t, id, limit: int(page.first + 1) } },
  );
  const items = (row?.items ?? []).map((item) => ({ t: item.t, node: toNode(item.node) }));
  return toNewestFirstConnection(items, row?.totalCount ?? 0, page);
}

import type { CypherRunner } from "../../db/cypher.js";
import { int } from "../../db/values.js";
import type { NodeRow } from "../../domain/node/node.mapper.js";
import type { PageRequest } from "../../graphql/pagination.js";
import { projectNode } from "../../cypher/projection.js";
import type { TimelineCriteria } from "./timeline.criteria.js";
import { timelineEntries, WINDOW_CONTAINS_AT } from "./timeline.cypher.js";

/** One timeline entry as the query returns it; `t`, `rank` and `id` are its sort key. */
export interface TimelineRow {
  at: string;
  t: number;
  rank: number;
  id: string;
  node: NodeRow;
}

interface TimeRange {
  from: string;
  to: string;
}

// An open side of the window becomes a bound every stored time satisfies, so each branch
// compares against a value and the range indexes on the entry times can seek.
const EARLIEST = "0000-01-01T00:00:00Z";
const LATEST = "9999-12-31T23:59:59.999999999Z";

/**
 * The range a page seeks: nothing before the cursor's millisecond can follow it, so the seek
 * starts there. The exact window and keyset tests happen after the union.
 */
function pageRange(window: TimeRange, afterMillis: number | null): TimeRange {
  if (afterMillis === null || afterMillis <= Date.parse(window.from)) return window;
  if (afterMillis > Date.parse(window.to)) return { from: window.to, to: window.to };
  return { from: new Date(afterMillis).toISOString(), to: window.to };
}

/** One page of the timeline, oldest first, and the total, in one query. */
export async function findTimelinePage(
  cypher: CypherRunner,
  criteria: TimelineCriteria,
  asOf: string,
  page: PageRequest,
): Promise<{ rows: TimelineRow[]; totalCount: number }> {
  if (criteria.kinds.length === 0) return { rows: [], totalCount: 0 };
  const { kinds, from, to, ...filter } = criteria;
  const window = { from: from ?? EARLIEST, to: to ?? LATEST };
  const [t, rank, id] = page.after ?? [];
  const after = page.after ? { t: int(Number(t)), rank: int(Number(rank)), id: String(id) } : null;
  const [row] = await cypher.read<{ totalCount: number; items: TimelineRow[] }>(
    `CALL () {
       ${timelineEntries(kinds, "$window")}
       WITH at WHERE ${WINDOW_CONTAINS_AT}
       RETURN count(*) AS totalCount
     }
     CALL () {
       ${timelineEntries(kinds, "$pageRange")}
       WITH at, rank, id, node, at.epochMillis AS t
       WHERE ${WINDOW_CONTAINS_AT}
         AND ($after IS NULL OR t > $after.t
              OR (t = $after.t AND (rank > $after.rank OR (rank = $after.rank AND id > $after.id))))
       ORDER BY t, rank, id
       LIMIT $limit
       RETURN collect({ at: at, t: t, rank: rank, id: id, node: ${projectNode("node")} }) AS items
     }
     RETURN totalCount, items`,
    {
      f: filter,
      asOf,
      window,
      pageRange: pageRange(window, after ? Number(t) : null),
      after,
      limit: int(page.first + 1),
    },
  );
  return { rows: row?.items ?? [], totalCount: row?.totalCount ?? 0 };
}

import type { CypherRunner } from "../../db/cypher-runner.js";
import { int } from "../../db/values.js";
import type { NodeRow } from "../../domain/node/node.mapper.js";
import type { PageRequest } from "../../graphql/pagination.js";
import { isHubAsset } from "../../cypher/asset-reach.js";
import type { TimelineCriteria } from "./timeline.criteria.js";
import { LONGEST_SPANS, timelineCount, timelinePage } from "./timeline.cypher.js";

/** One timeline entry as the query returns it; `t`, `rank` and `id` are its sort key. */
export type TimelineRow = {
  at: string;
  t: number;
  rank: number;
  id: string;
  node: NodeRow;
};

// An open side of the window becomes a bound every stored time satisfies, so each branch
// compares against a value and the indexes on the entry times can seek.
const EARLIEST = "0000-01-01T00:00:00Z";
const LATEST = "9999-12-31T23:59:59.999999999Z";

/**
 * One page of the timeline, oldest first (one query), and its total as a function: counted
 * only when a query selects `totalCount`.
 */
export async function findTimelinePage(
  cypher: CypherRunner,
  criteria: TimelineCriteria,
  asOf: string,
  page: PageRequest,
): Promise<{ rows: TimelineRow[]; totalCount: () => Promise<number> }> {
  if (criteria.kinds.length === 0) return { rows: [], totalCount: async () => 0 };
  const { kinds, from, to, ...filter } = criteria;
  const window = { from: from ?? EARLIEST, to: to ?? LATEST };
  const [t, rank, id] = page.after ?? [];
  // Walk the sort indexes only when the asset is the one filter and a hub; narrower filters start from their nodes.
  const onlyAsset = criteria.narrative === null && criteria.tag === null && criteria.source === null;
  const walk = criteria.asset !== null && onlyAsset && (await isHubAsset(cypher, criteria.asset));
  const after = page.after ? { t: int(Number(t)), rank: int(Number(rank)), id: String(id) } : null;
  // Events and moves are in a window by their spans: how far back their seeks must reach.
  const [spans = { event: 0, move: 0 }] = from !== null ? await cypher.read<{ event: number; move: number }>(LONGEST_SPANS) : [];
  const rows = await cypher.read<TimelineRow>(timelinePage(criteria, after ? Number(rank) : null, walk), {
    f: filter,
    asOf,
    window,
    spans,
    after,
    limit: int(page.first + 1),
  });
  const totalCount = async () => {
    const [row] = await cypher.read<{ totalCount: number }>(timelineCount(criteria), { f: filter, asOf, window, spans });
    return row?.totalCount ?? 0;
  };
  return { rows, totalCount };
}

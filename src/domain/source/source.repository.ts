import type { CypherRunner } from "../../db/cypher.js";
import { int } from "../../db/values.js";
import { projectNode } from "../../cypher/projection.js";
import type { PageRequest } from "../../graphql/pagination.js";
import { toNodeOf, type NodeRow } from "../node/node.mapper.js";
import type { Source } from "./source.type.js";

/** One page of sources ordered by domain, plus the total, in one query. */
export async function findSourcesPage(
  cypher: CypherRunner,
  page: PageRequest,
): Promise<{ sources: Source[]; totalCount: number }> {
  const after = page.after?.[0] ?? null;
  const [row] = await cypher.read<{ totalCount: number; sources: NodeRow[] }>(
    `CALL { MATCH (s:Source) RETURN count(s) AS totalCount }
     CALL {
       MATCH (s:Source) WHERE $after IS NULL OR s.domain > $after
       WITH s ORDER BY s.domain LIMIT $limit
       RETURN collect(${projectNode("s")}) AS sources
     }
     RETURN totalCount, sources`,
    { after, limit: int(page.first + 1) },
  );
  return { sources: (row?.sources ?? []).map((s) => toNodeOf<Source>(s)), totalCount: row?.totalCount ?? 0 };
}

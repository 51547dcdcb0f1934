import type { CypherRunner } from "../../db/cypher-runner.js";
import { int } from "../../db/values.js";
import type { PageRequest } from "../../graphql/pagination.js";
import type { NodeRow } from "../../cypher/projection.js";
import { COUNT_SOURCES, sourcesPage } from "./source.cypher.js";
import { toSource } from "./source.mapper.js";
import type { Source } from "./source.type.js";

/** One page of sources ordered by domain (the unique index serves the order and the seek); the total only if selected. */
export async function findSourcesPage(
  cypher: CypherRunner,
  page: PageRequest,
): Promise<{ sources: Source[]; totalCount: () => Promise<number> }> {
  const after = page.after?.[0] ?? null;
  const rows = await cypher.read<{ source: NodeRow }>(sourcesPage(after !== null), { after, limit: int(page.first + 1) });
  const totalCount = async () => {
    const [row] = await cypher.read<{ n: number }>(COUNT_SOURCES);
    return row?.n ?? 0;
  };
  return { sources: rows.map((row) => toSource(row.source)), totalCount };
}

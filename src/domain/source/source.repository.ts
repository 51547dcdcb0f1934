import type { CypherRunner } from "../../db/cypher.js";
import { int } from "../../db/values.js";
import type { PageRequest } from "../../graphql/pagination.js";
import { toGlobalId } from "../../graphql/global-id.js";
import { Source, type SourceKind } from "./source.type.js";

interface SourceRow {
  domain: string;
  name: string;
  kind: string | null;
}

function toSource(row: SourceRow): Source {
  return Object.assign(new Source(), {
    id: toGlobalId("Source", row.domain),
    domain: row.domain,
    name: row.name,
    kind: (row.kind as SourceKind | null) ?? null,
  });
}

/** Sources by canonical domain, in the order asked (null where none exists). */
export async function findSourcesByDomain(cypher: CypherRunner, domains: readonly string[]): Promise<(Source | null)[]> {
  const rows = await cypher.read<{ source: SourceRow }>(
    "MATCH (s:Source) WHERE s.domain IN $domains RETURN s { .domain, .name, .kind } AS source",
    { domains },
  );
  const byDomain = new Map(rows.map(({ source }) => [source.domain, toSource(source)]));
  return domains.map((domain) => byDomain.get(domain) ?? null);
}

/** One page of sources ordered by domain, plus the total, in one query. */
export async function findSourcesPage(
  cypher: CypherRunner,
  page: PageRequest,
): Promise<{ sources: Source[]; totalCount: number }> {
  const after = page.after?.[0] ?? null;
  const [row] = await cypher.read<{ totalCount: number; sources: SourceRow[] }>(
    `CALL { MATCH (s:Source) RETURN count(s) AS totalCount }
     CALL {
       MATCH (s:Source) WHERE $after IS NULL OR s.domain > $after
       WITH s ORDER BY s.domain LIMIT $limit
       RETURN collect(s { .domain, .name, .kind }) AS sources
     }
     RETURN totalCount, sources`,
    { after, limit: int(page.first + 1) },
  );
  return { sources: (row?.sources ?? []).map(toSource), totalCount: row?.totalCount ?? 0 };
}

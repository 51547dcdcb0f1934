import { projectNode } from "../../cypher/projection.js";

/** One page of sources ordered by domain: the first `$limit`, or, `after` a cursor, those past `$after`. */
export const sourcesPage = (after: boolean) =>
  `MATCH (s:Source) WHERE ${after ? "s.domain > $after" : "s.domain IS NOT NULL"}
     WITH s ORDER BY s.domain LIMIT $limit
     RETURN ${projectNode("s")} AS source`;

/** How many sources there are. */
export const COUNT_SOURCES = "MATCH (s:Source) RETURN count(s) AS n";

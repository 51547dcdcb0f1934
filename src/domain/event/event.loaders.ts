import DataLoader from "dataloader";
import type { CypherRunner } from "../../db/cypher-runner.js";
import { CAUSAL_LABELS } from "../../cypher/labels.js";
import { neighboursLoader } from "../../cypher/neighbours.js";
import { projectNode } from "../../cypher/projection.js";
import type { Article } from "../article/article.type.js";
import { toNodeOf, type GraphNode, type NodeRow, toGraphNode } from "../node/node.mapper.js";

export interface EventReportRow {
  article: Article;
  amountUsd: number | null;
}

/** Per-request loaders of an event's links, keyed by event key. */
export function createEventLoaders(cypher: CypherRunner) {
  return {
    affectsOfEvent: neighboursLoader<GraphNode>(cypher, {
      parent: "Event",
      pattern: "(parent)-[:AFFECTS]->(n)",
      // Only what the CausalNode union can return, whatever older data holds.
      where: CAUSAL_LABELS.map((label) => `n:${label}`).join(" OR "),
      orderBy: "elementId(n)",
    }, toGraphNode),
    reportsOfEvent: new DataLoader<string, EventReportRow[]>(async (keys) => {
      const rows = await cypher.read<{ key: string; reports: { amountUsd: number | null; article: NodeRow }[] }>(
        `UNWIND $keys AS key
         MATCH (e:Event { key: key })<-[r:REPORTS]-(a:Article)
         WITH key, r, a ORDER BY a.publishedAt, a.url
         RETURN key, collect({ amountUsd: r.amountUsd, article: ${projectNode("a")} }) AS reports`,
        { keys },
      );
      const byKey = new Map(rows.map((row) => [row.key, row.reports]));
      return keys.map((key) =>
        (byKey.get(key) ?? []).map((report) => ({ amountUsd: report.amountUsd, article: toNodeOf<Article>(report.article) })),
      );
    }),
  };
}

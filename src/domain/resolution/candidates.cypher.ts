import { keyOf } from "../../cypher/labels.js";

/** A week either side of a question's time: how far the time branch looks for events and moves (epoch ms). */
export const TIME_REACH_MS = 7 * 86_400_000;

/** Candidates the full-text branch reads per question at the most. */
const FULLTEXT_LIMIT = 30;

/** Candidates the time branch reads per question at the most: the closest in time (half on either side for a busy asset). */
const TIME_LIMIT = 30;

/**
 * Above this many events affecting it (or moves of it), an asset is busy: the time branch walks
 * the sortAt index outward from the question's time instead of the asset's relationships.
 */
const BUSY_ASSET_DEGREE = 2000;

/**
 * The time branch for `label` (Event or PriceMove) linked to its asset by `rel` (AFFECTS or
 * OF): the nodes of that asset within TIME_REACH_MS of the question's time, at most TIME_LIMIT
 * of them, closest first. Never a scan of the label: from an asset with at most
 * BUSY_ASSET_DEGREE such relationships, a walk of them (written as a list so the planner
 * cannot start it from the time index instead); from a busy one, the sortAt range index read
 * in order from the question's time outward, each way stopping at TIME_LIMIT / 2 matches (its
 * far bound is null, so it reads nothing, unless the asset is busy).
 */
function timeBranch(label: "Event" | "PriceMove", rel: "AFFECTS" | "OF"): string {
  const busy = (bound: string) => `CASE WHEN degree > ${BUSY_ASSET_DEGREE} THEN ${bound} END`;
  const near = `(node)-[:${rel}]->(asset) AND node.mergedInto IS NULL`;
  return `WITH q WHERE q.label = '${label}' AND q.asset IS NOT NULL AND q.at IS NOT NULL
       MATCH (asset:Asset { symbol: q.asset })
       WITH q, asset, COUNT { (asset)<-[:${rel}]-() } AS degree
       CALL (q, asset, degree) {
         UNWIND CASE WHEN degree <= ${BUSY_ASSET_DEGREE}
           THEN [n IN [(asset)<-[:${rel}]-(n) | n]
                 WHERE n:${label} AND n.sortAt >= q.from AND n.sortAt <= q.to AND n.mergedInto IS NULL]
           ELSE [] END AS node
         RETURN node ORDER BY abs(node.sortAt - q.at) LIMIT ${TIME_LIMIT}
         UNION
         MATCH (node:${label}) WHERE node.sortAt >= q.at AND node.sortAt <= ${busy("q.to")} AND ${near}
         RETURN node ORDER BY node.sortAt ASC LIMIT ${TIME_LIMIT / 2}
         UNION
         MATCH (node:${label}) WHERE node.sortAt < q.at AND node.sortAt >= ${busy("q.from")} AND ${near}
         RETURN node ORDER BY node.sortAt DESC LIMIT ${TIME_LIMIT / 2}
       }
       RETURN node`;
}

/**
 * Candidates for each question of `$questions` (`{ index, label, aliasIndex, lucene, asset, at,
 * from, to }`): nodes of its label whose keys and names match its words (the label's full-text
 * index, aliasIndexOf), and, for an event or a move with an asset and a time, the closest of
 * that asset in the week either side (timeBranch). Each branch reads a bounded number of nodes.
 * With each: its key, aliases, span, assets and stated amounts. Also the aliases of each
 * question's asset (`assetNames`), which count as one word in names.
 */
export const CANDIDATES = `UNWIND $questions AS q
     CALL (q) {
       CALL db.index.fulltext.queryNodes(q.aliasIndex, q.lucene, { limit: ${FULLTEXT_LIMIT} }) YIELD node
       RETURN node
       UNION
       ${timeBranch("Event", "AFFECTS")}
       UNION
       ${timeBranch("PriceMove", "OF")}
     }
     WITH q, node
     WHERE node.mergedInto IS NULL
     WITH q, collect(DISTINCT node) AS nodes
     OPTIONAL MATCH (asked:Asset { symbol: q.asset })
     RETURN q.index AS index,
            [x IN coalesce(asked.aliases, []) + [q.asset] WHERE x IS NOT NULL | toLower(x)] AS assetNames,
            [n IN nodes | {
              id: elementId(n),
              label: head(labels(n)),
              key: ${keyOf("n")},
              names: coalesce(n.aliases, []) + [x IN [${keyOf("n")}, n.name, n.title] WHERE x IS NOT NULL],
              start: CASE WHEN n:Event THEN n.occurredAt.epochMillis WHEN n:PriceMove THEN n.startAt.epochMillis END,
              end: CASE WHEN n:Event THEN n.endedAt.epochMillis WHEN n:PriceMove THEN n.endAt.epochMillis END,
              assets: CASE
                WHEN n:Asset THEN [n.symbol]
                WHEN n:Event THEN [(n)-[:AFFECTS]->(a:Asset) | a.symbol]
                WHEN n:PriceMove THEN [(n)-[:OF]->(a:Asset) | a.symbol]
                ELSE [] END,
              amounts: CASE WHEN n:Event
                THEN [(:Article)-[r:REPORTS]->(n) WHERE r.amountUsd IS NOT NULL | r.amountUsd] + [x IN [n.amountUsd] WHERE x IS NOT NULL]
                ELSE [] END
            }] AS candidates`;

import { ALIASED_LABELS } from "../../cypher/aliases.js";
import { keyOf } from "../../cypher/labels.js";

/** A week either side of a question's time: how far the time branch looks for events and moves (epoch ms). */
export const TIME_REACH_MS = 7 * 86_400_000;

/** Candidates the full-text branch reads per question at the most. */
const FULLTEXT_LIMIT = 30;

/**
 * Candidates for each question of `$questions` (`{ index, label, lucene, asset, from, to }`):
 * nodes of its label whose keys and names match its words (full-text index `node_aliases`),
 * and, for an event or a move with an asset and a time, those of that asset in the week either
 * side (range index on sortAt). With each: its key, aliases, span, assets and stated amounts.
 * Also the aliases of each question's asset (`assetNames`), which count as one word in names.
 */
export const CANDIDATES = `UNWIND $questions AS q
     CALL (q) {
       CALL db.index.fulltext.queryNodes('node_aliases', q.lucene, { limit: ${FULLTEXT_LIMIT} }) YIELD node
       WITH q, node WHERE q.label IN labels(node)
       RETURN node
       UNION
       WITH q WHERE q.label = 'Event' AND q.asset IS NOT NULL AND q.from IS NOT NULL
       MATCH (node:Event) WHERE node.sortAt >= q.from AND node.sortAt <= q.to
         AND EXISTS { (node)-[:AFFECTS]->(:Asset { symbol: q.asset }) }
       RETURN node
       UNION
       WITH q WHERE q.label = 'PriceMove' AND q.asset IS NOT NULL AND q.from IS NOT NULL
       MATCH (node:PriceMove) WHERE node.sortAt >= q.from AND node.sortAt <= q.to
         AND EXISTS { (node)-[:OF]->(:Asset { symbol: q.asset }) }
       RETURN node
     }
     WITH q, node
     WHERE (${ALIASED_LABELS.map((label) => `node:${label}`).join(" OR ")}) AND node.mergedInto IS NULL
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

import { addAliases } from "../../cypher/aliases.js";
import { PAIR_KEY_OF } from "../../cypher/claim-pair.js";
import { leadsTo } from "../../cypher/claims.js";
import { KEY_PROPERTY, keyOf, lookupNode, type Label } from "../../cypher/labels.js";
import { projectNode } from "../../cypher/projection.js";
import { recomputeFor, recomputePairs } from "../../cypher/leads-to.js";
import { statedFieldsOf } from "../article/ingest/stated-fields.cypher.js";

/**
 * Merging two nodes and undoing it (docs/resolution.md, "Merges"). Every current link of
 * `from` (incoming and outgoing, but history, derived LEADS_TO and merge records) is moved to
 * `into`: a copy of it on `into` (unless `into` has that link already) with `recordedAt` the
 * merge's time and `mergedBy` its id, while the link itself becomes `PAST_<TYPE>` with
 * `supersededAt` that time and `mergedInto` the id, so questions asked as of before the merge
 * see it as it was. Unmerging reverses exactly that.
 */

/** Relationship types a merge never moves: merge records, derived summaries. */
const KEPT = ["INTO", "FROM", "LEADS_TO", "STRONG_LEADS_TO"];

/** Cypher condition: relationship `r` is one a merge moves. */
const MOVED = (r: string) => `NOT type(${r}) STARTS WITH 'PAST_' AND NOT type(${r}) IN [${KEPT.map((t) => `'${t}'`).join(", ")}]`;

/** Cypher: the claims a merge or unmerge `$id` touched get their pair keys again from their cause and effect, and their pairs' LEADS_TO. */
const CLAIMS_AGAIN = (touched: string) => `CALL () {
       ${touched}
       WITH DISTINCT c
       OPTIONAL MATCH (x)<-[:CAUSE]-(c)-[:EFFECT]->(y)
       WITH c, CASE WHEN x IS NULL THEN c.pair ELSE ${PAIR_KEY_OF("x", "y")} END AS pair
       SET c.pair = pair,
           c.otherStancePair = CASE WHEN c.polarity = 'ASSERTED' AND ${leadsTo("c")} THEN null ELSE pair END
     }
     CALL () {
       ${recomputeFor(`${touched}\n       WITH DISTINCT c AS touched`)}
     }`;

/** The merge `$id` of node `$fromKey` into `$intoKey`, both labelled `label`, at `$now` by `$by` for `$reason`. */
export function mergeQuery(label: Label): string {
  const key = KEY_PROPERTY[label];
  const touched = `MATCH (m:NodeMerge { id: $id })-[:INTO]->(into)
       MATCH (c:Claim)-[r:CAUSE|EFFECT]->(into) WHERE r.mergedBy = $id`;
  return `MATCH (into:${label} { ${key}: $intoKey })
     MATCH (from:${label} { ${key}: $fromKey })
     // Both locked for the rest of the transaction: concurrent merges of either wait.
     SET into._lock_ = true, from._lock_ = true REMOVE into._lock_, from._lock_
     CREATE (m:NodeMerge { id: $id, label: '${label}', intoKey: $intoKey, fromKey: $fromKey, reason: $reason, by: $by,
                           mergedAt: datetime($now), intoAliases: coalesce(into.aliases, []) })
     CREATE (m)-[:INTO]->(into), (m)-[:FROM]->(from)
     SET from.mergedInto = $id
     WITH m, into, from
     CALL (m, into, from) {
       MATCH (from)-[r]->(other) WHERE ${MOVED("r")}
       WITH into, from, r, other, type(r) AS t, properties(r) AS props
       CALL (into, other, t, props) {
         WITH into, other, t, props WHERE NOT EXISTS { (into)-[x]->(other) WHERE type(x) = t }
         CREATE (into)-[moved:$(t)]->(other)
         SET moved = props, moved.recordedAt = datetime($now), moved.mergedBy = $id
       }
       CREATE (from)-[past:$('PAST_' + t)]->(other)
       SET past = props, past.supersededAt = datetime($now), past.mergedInto = $id
       DELETE r
     }
     CALL (m, into, from) {
       MATCH (other)-[r]->(from) WHERE ${MOVED("r")} AND other <> m
       WITH into, from, r, other, type(r) AS t, properties(r) AS props
       CALL (into, other, t, props) {
         WITH into, other, t, props WHERE NOT EXISTS { (other)-[x]->(into) WHERE type(x) = t }
         CREATE (other)-[moved:$(t)]->(into)
         SET moved = props, moved.recordedAt = datetime($now), moved.mergedBy = $id
       }
       CREATE (other)-[past:$('PAST_' + t)]->(from)
       SET past = props, past.supersededAt = datetime($now), past.mergedInto = $id
       DELETE r
     }
     // from's keys and names are into's from now on.
     MERGE (alias:Alias { ref: '${label}:' + $fromKey })
     MERGE (alias)-[:ALIAS_OF { mergedBy: $id }]->(into)
     ${addAliases("into", `[$fromKey] + coalesce(from.aliases, [])`)}
     WITH m
     ${CLAIMS_AGAIN(touched)}
     ${label === "Event" || label === "PriceMove" ? `CALL () { ${statedFieldsOf(`MATCH (n:${label} { ${key}: $intoKey })`)} }` : ""}
     MATCH (:NodeMerge { id: $id })-[:INTO]->(into)
     OPTIONAL MATCH (c:Claim)-[r:CAUSE|EFFECT|IF]->(into) WHERE r.mergedBy = $id
     RETURN collect(DISTINCT c.id) AS claims`;
}

/**
 * Cypher: the links of `from` in direction `way` that the merge `$id` made past come back as
 * they were, and the copies it made on `into` go.
 */
function restoreLinks(way: "out" | "in"): string {
  const link = (a: string, r: string, b: string) => (way === "out" ? `(${a})-[${r}]->(${b})` : `(${b})-[${r}]->(${a})`);
  return `CALL (into, from) {
       MATCH ${link("from", "past", "other")} WHERE past.mergedInto = $id
       WITH into, from, past, other, substring(type(past), 5) AS t, properties(past) AS props
       CALL (into, other, t) {
         MATCH ${link("into", "moved", "other")} WHERE type(moved) = t AND moved.mergedBy = $id
         DELETE moved
       }
       CREATE ${link("from", "back:$(t)", "other")}
       SET back = props, back.supersededAt = null, back.mergedInto = null, back.restoredFrom = $id
       DELETE past
     }`;
}

/** Undoes the merge `$id` (labelled `label`) at `$now`: the links it moved go back, and the aliases it added go. */
export function unmergeQuery(label: Label): string {
  const key = KEY_PROPERTY[label];
  const touched = `MATCH (m:NodeMerge { id: $id })-[:FROM]->(from)
       MATCH (c:Claim)-[r:CAUSE|EFFECT]->(from) WHERE r.restoredFrom = $id`;
  const statedFields = label === "Event" || label === "PriceMove";
  return `MATCH (m:NodeMerge { id: $id }) WHERE m.unmergedAt IS NULL
     MATCH (m)-[:INTO]->(into), (m)-[:FROM]->(from)
     SET into._lock_ = true, from._lock_ = true REMOVE into._lock_, from._lock_
     WITH m, into, from
     ${restoreLinks("out")}
     ${restoreLinks("in")}
     CALL (into) {
       MATCH (alias:Alias)-[made:ALIAS_OF]->(into) WHERE made.mergedBy = $id
       DETACH DELETE alias
     }
     SET into.aliases = m.intoAliases, into.aliasText = reduce(t = '', v IN m.intoAliases | t + ' | ' + v),
         from.mergedInto = null, m.unmergedAt = datetime($now)
     WITH m
     ${CLAIMS_AGAIN(touched)}
     // The pairs the merge had made of them (into where from was), which no claim link names any more.
     CALL () {
       ${recomputePairs(`${touched}
       MATCH (:NodeMerge { id: $id })-[:INTO]->(into)
       WITH DISTINCT c, from, into
       MATCH (x0)<-[:CAUSE]-(c)-[:EFFECT]->(y0)
       WITH CASE WHEN x0 = from THEN into ELSE x0 END AS x, CASE WHEN y0 = from THEN into ELSE y0 END AS y`)}
     }
     ${statedFields ? `CALL () { ${statedFieldsOf(`MATCH (n:${label}) WHERE n.${key} IN [$intoKey, $fromKey]`)} }` : ""}
     MATCH (:NodeMerge { id: $id })-[:FROM]->(from)
     OPTIONAL MATCH (from)-[r]-(other) WHERE r.restoredFrom = $id
     REMOVE r.restoredFrom
     WITH collect(CASE WHEN other:Claim THEN other.id END) AS claims
     RETURN [c IN claims WHERE c IS NOT NULL] AS claims`;
}

/** The merges of each node of `$refs` (`{ label, key, index }`), as `into` or `from`, newest first. */
export const MERGES_OF = `UNWIND $refs AS ref
     ${lookupNode("ref")}
     MATCH (m:NodeMerge)-[:INTO|FROM]->(node)
     WITH ref, m ORDER BY m.mergedAt DESC
     RETURN ref.index AS index, collect(${projectNode("m")}) AS merges`;

/** For each node of `$refs` merged into another (and not unmerged): that node's key. */
export const MERGED_INTO = `UNWIND $refs AS ref
     ${lookupNode("ref")}
     WITH ref, node WHERE node.mergedInto IS NOT NULL
     MATCH (:NodeMerge { id: node.mergedInto })-[:INTO]->(into)
     RETURN ref.index AS index, ${keyOf("into")} AS key`;

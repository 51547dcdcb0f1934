import { claimVisibleAt } from "../../cypher/claims.js";
import { projectNode } from "../../cypher/projection.js";

/** Candidates taken per shared thing (the newest, or for assets the nearest in time): bounds the work on hub nodes. */
const PER_SHARED_THING = 25;
/** Assets are shared by many articles: only those published this close to the article count. */
const ASSET_WINDOW_MS = 3 * 24 * 3600 * 1000;

const NAME_OF = (n: string) => `coalesce(${n}.name, ${n}.title, ${n}.description, ${n}.symbol, ${n}.key)`;
const CURRENT = (c: string) => claimVisibleAt(c, { asOf: "$now" });

/**
 * Candidates of one article `a`, one row per (article, reason, label). Every branch starts
 * from `a`'s own current links and reads at most PER_SHARED_THING articles per shared thing;
 * the asset branch seeks the Article sortAt index around `a`'s publication time.
 */
const CANDIDATES = `
  MATCH (a)-[:CITES]->(o:Article) RETURN o, 'CITES' AS kind, coalesce(o.title, o.url) AS label
  UNION
  MATCH (a)<-[:CITES]-(o:Article) RETURN o, 'CITED_BY' AS kind, coalesce(o.title, o.url) AS label
  UNION
  MATCH (a)-[:REPORTS]->(e:Event)
  CALL (a, e) { MATCH (e)<-[:REPORTS]-(o:Article) WHERE o <> a RETURN o ORDER BY o.sortAt DESC LIMIT ${PER_SHARED_THING} }
  RETURN o, 'SAME_EVENT' AS kind, e.title AS label
  UNION
  MATCH (a)-[:MAKES]->(c:Claim) WHERE c.pair IS NOT NULL AND ${CURRENT("c")}
  WITH a, c.pair AS pair, head(collect(c)) AS c
  MATCH (c)-[:CAUSE]->(x), (c)-[:EFFECT]->(y)
  CALL (a, pair) {
    MATCH (d:Claim { pair: pair }) WHERE ${CURRENT("d")}
    MATCH (o:Article)-[:MAKES]->(d) WHERE o <> a
    RETURN DISTINCT o LIMIT ${PER_SHARED_THING}
  }
  RETURN o, 'SAME_CAUSE_AND_EFFECT' AS kind, ${NAME_OF("x")} + ' → ' + ${NAME_OF("y")} AS label
  UNION
  MATCH (a)-[:ADVANCES]->(n:Narrative)
  CALL (a, n) { MATCH (n)<-[:ADVANCES]-(o:Article) WHERE o <> a RETURN o ORDER BY o.sortAt DESC LIMIT ${PER_SHARED_THING} }
  RETURN o, 'SAME_NARRATIVE' AS kind, n.name AS label
  UNION
  MATCH (a)-[:MENTIONS]->(s:Asset) WHERE a.publishedAt IS NOT NULL
  CALL (a, s) {
    MATCH (o:Article) USING INDEX o:Article(sortAt)
    WHERE o.sortAt >= a.sortAt - ${ASSET_WINDOW_MS} AND o.sortAt <= a.sortAt + ${ASSET_WINDOW_MS} AND o <> a AND (o)-[:MENTIONS]->(s)
    RETURN o ORDER BY abs(o.sortAt - a.sortAt) LIMIT ${PER_SHARED_THING}
  }
  RETURN o, 'SAME_ASSET' AS kind, s.symbol AS label`;

/**
 * Per request of `$requests` (`{ index, uid, first }`): the `first` most related other articles,
 * each with its reasons, scored by `$weights` (`{ kind, weight }`), current claims as of `$now`.
 */
export const RELATED_ARTICLES = `
    UNWIND $requests AS req
    MATCH (a:Article { id: req.uid })
    CALL (a) { ${CANDIDATES} }
    WITH req, o, kind, label WHERE label IS NOT NULL
    WITH req, o, collect(DISTINCT { kind: kind, label: label }) AS reasons
    WITH req, o, reasons, reduce(score = 0.0, r IN reasons | score + [w IN $weights WHERE w.kind = r.kind][0].weight) AS score
    ORDER BY score DESC, o.sortAt DESC, o.url
    WITH req, collect({ article: ${projectNode("o")}, reasons: reasons })[0..req.first] AS related
    RETURN req.index AS index, related`;

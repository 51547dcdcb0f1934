import DataLoader from "dataloader";
import type { CypherRunner } from "../../db/cypher-runner.js";
import { claimVisibleAt } from "../../cypher/claims.js";
import { projectNode, type NodeRow } from "../../cypher/projection.js";
import type { Article } from "../../domain/article/article.type.js";
import { toNodeOf } from "../../domain/node/node.mapper.js";
import { RelatedArticle, RelatedReason, RelatedReasonKind } from "./related.type.js";

/** Weight of each kind of shared thing (documented on RelatedReasonKind). */
const REASON_WEIGHTS: Readonly<Record<RelatedReasonKind, number>> = {
  CITES: 4,
  CITED_BY: 4,
  SAME_EVENT: 3,
  SAME_CAUSE_AND_EFFECT: 3,
  SAME_NARRATIVE: 2,
  SAME_ASSET: 1,
};

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

type RelatedRow = {
  readonly index: number;
  readonly related: ReadonlyArray<{ article: NodeRow; reasons: Array<{ kind: RelatedReasonKind; label: string }> }>;
};

/** Per article id and `first`: the most related other articles, scored by REASON_WEIGHTS; one query per batch. */
export function relatedArticlesLoader(cypher: CypherRunner): DataLoader<{ uid: string; first: number }, RelatedArticle[], string> {
  const weights = Object.entries(REASON_WEIGHTS).map(([kind, weight]) => ({ kind, weight }));
  const query = `
    UNWIND $requests AS req
    MATCH (a:Article { id: req.uid })
    CALL (a) { ${CANDIDATES} }
    WITH req, o, kind, label WHERE label IS NOT NULL
    WITH req, o, collect(DISTINCT { kind: kind, label: label }) AS reasons
    WITH req, o, reasons, reduce(score = 0.0, r IN reasons | score + [w IN $weights WHERE w.kind = r.kind][0].weight) AS score
    ORDER BY score DESC, o.sortAt DESC, o.url
    WITH req, collect({ article: ${projectNode("o")}, reasons: reasons })[0..req.first] AS related
    RETURN req.index AS index, related`;
  return new DataLoader(
    async (requests) => {
      const rows = await cypher.read<RelatedRow>(query, {
        requests: requests.map((request, index) => ({ index, uid: request.uid, first: request.first })),
        weights,
        now: new Date().toISOString(),
      });
      const byIndex = new Map(rows.map((row) => [row.index, row.related]));
      return requests.map((_, index) => (byIndex.get(index) ?? []).map(toRelatedArticle));
    },
    // Batching only, no cache: a write later in the same request must not leave an old answer.
    { cache: false },
  );
}

const KIND_ORDER = Object.values(RelatedReasonKind);

function toRelatedArticle(row: RelatedRow["related"][number]): RelatedArticle {
  const reasons = row.reasons
    .map((reason) => Object.assign(new RelatedReason(), reason, { weight: REASON_WEIGHTS[reason.kind] }))
    .sort((x, y) => y.weight - x.weight || KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind) || x.label.localeCompare(y.label));
  const score = reasons.reduce((sum, reason) => sum + reason.weight, 0);
  return Object.assign(new RelatedArticle(), { article: toNodeOf<Article>(row.article), score, reasons });
}

import DataLoader from "dataloader";
import type { CypherRunner } from "../../db/cypher-runner.js";
import type { NodeRow } from "../../cypher/projection.js";
import type { Article } from "../../domain/article/article.type.js";
import { toNodeOf } from "../../domain/node/node.mapper.js";
import { RelatedArticle, RelatedReason, RelatedReasonKind } from "./related.type.js";
import { RELATED_ARTICLES } from "./related.cypher.js";

/** Weight of each kind of shared thing (documented on RelatedReasonKind). */
const REASON_WEIGHTS: Readonly<Record<RelatedReasonKind, number>> = {
  CITES: 4,
  CITED_BY: 4,
  SAME_EVENT: 3,
  SAME_CAUSE_AND_EFFECT: 3,
  SAME_NARRATIVE: 2,
  SAME_ASSET: 1,
};

type RelatedRow = {
  readonly index: number;
  readonly related: ReadonlyArray<{ article: NodeRow; reasons: Array<{ kind: RelatedReasonKind; label: string }> }>;
};

/** Per article id and `first`: the most related other articles, scored by REASON_WEIGHTS; one query per batch. */
export function relatedArticlesLoader(cypher: CypherRunner): DataLoader<{ uid: string; first: number }, RelatedArticle[], string> {
  const weights = Object.entries(REASON_WEIGHTS).map(([kind, weight]) => ({ kind, weight }));
  return new DataLoader(
    async (requests) => {
      const rows = await cypher.read<RelatedRow>(RELATED_ARTICLES, {
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

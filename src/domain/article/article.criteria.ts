import { FieldReader } from "../../input/field-reader.js";
import { Problems } from "../../input/problems.js";
import type { ArticleFilter } from "./article.filter.js";

/** Filter values in canonical form (symbol upper-case, domain canonical, ...). */
export interface ArticleCriteria {
  asset: string | null;
  source: string | null;
  tag: string | null;
  narrative: string | null;
  sentiment: string | null;
  from: string | null;
  to: string | null;
  ingested: boolean | null;
}

/** Validates an article filter and brings its values to the graph's canonical forms. */
export function toArticleCriteria(filter: ArticleFilter | null): ArticleCriteria {
  const problems = new Problems();
  const read = new FieldReader(problems);
  const f = filter ?? {};
  const criteria: ArticleCriteria = {
    asset: f.asset ? read.symbol(f.asset, "filter.asset") : null,
    source: f.source ? read.domain(f.source, "filter.source") : null,
    tag: f.tag != null ? read.tag(f.tag, "filter.tag") : null,
    narrative: f.narrative ? read.key(f.narrative, "filter.narrative") : null,
    sentiment: f.sentiment ?? null,
    from: f.from ?? null,
    to: f.to ?? null,
    ingested: f.ingested ?? null,
  };
  problems.throwIfAny();
  return criteria;
}

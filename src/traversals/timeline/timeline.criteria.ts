import { FieldReader } from "../../input/field-reader.js";
import { Problems } from "../../input/problems.js";
import type { TimelineFilter } from "./timeline.filter.js";
import { KINDS_BY_RANK, type TimelineEntryKind } from "./timeline.type.js";

/** A timeline filter in the graph's canonical forms. */
export interface TimelineCriteria {
  readonly asset: string | null;
  readonly narrative: string | null;
  readonly tag: string | null;
  readonly source: string | null;
  readonly from: string | null;
  readonly to: string | null;
  /** Kinds to include, in rank order, without repeats. */
  readonly kinds: readonly TimelineEntryKind[];
}

/** Validates a timeline filter: symbols upper-case, domains canonical, keys and tags lower-case. */
export function toTimelineCriteria(filter: TimelineFilter): TimelineCriteria {
  const problems = new Problems();
  const read = new FieldReader(problems);
  const criteria: TimelineCriteria = {
    asset: filter.asset != null ? read.symbol(filter.asset, "filter.asset") : null,
    narrative: filter.narrative != null ? read.key(filter.narrative, "filter.narrative") : null,
    tag: filter.tag != null ? read.tag(filter.tag, "filter.tag") : null,
    source: filter.source != null ? read.domain(filter.source, "filter.source") : null,
    from: filter.from ?? null,
    to: filter.to ?? null,
    kinds: filter.kinds ? KINDS_BY_RANK.filter((kind) => filter.kinds!.includes(kind)) : KINDS_BY_RANK,
  };
  if (criteria.from && criteria.to && Date.parse(criteria.from) > Date.parse(criteria.to)) {
    problems.add("filter.to", `must not be before filter.from (${criteria.from})`);
  }
  problems.throwIfAny();
  return criteria;
}

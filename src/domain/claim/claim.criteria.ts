import type { LabelKey } from "../../cypher/labels.js";
import { FieldReader } from "../../input/field-reader.js";
import { Problems } from "../../input/problems.js";
import { LABEL_OF_KIND, NodeKind, type NodeRef } from "../shared/node-ref.input.js";
import type { ClaimFilter } from "./claim.filter.js";

/** Claim filter values in canonical form. */
export interface ClaimCriteria {
  asset: string | null;
  cause: LabelKey | null;
  effect: LabelKey | null;
  polarity: string | null;
  modality: string | null;
  minConfidence: number | null;
  source: string | null;
  narrative: string | null;
  /** The article's publication window, epoch ms (a claim's sortAt is its article's publication). */
  from: number | null;
  to: number | null;
  includeRetracted: boolean;
  includeSuperseded: boolean;
}

/** A NodeRef in the graph's canonical form: symbols upper-case, domains canonical, keys lower-case. */
export function toLabelKey(ref: NodeRef, field: string, read: FieldReader): LabelKey {
  const key =
    ref.kind === NodeKind.ASSET
      ? read.symbol(ref.key, `${field}.key`)
      : ref.kind === NodeKind.SOURCE
        ? read.domain(ref.key, `${field}.key`)
        : read.key(ref.key, `${field}.key`);
  return { label: LABEL_OF_KIND[ref.kind], key };
}

/** Validates a claim filter and brings its values to canonical form. */
export function toClaimCriteria(filter: ClaimFilter | null): ClaimCriteria {
  const problems = new Problems();
  const read = new FieldReader(problems);
  const f = filter ?? {};
  const criteria: ClaimCriteria = {
    asset: f.asset ? read.symbol(f.asset, "filter.asset") : null,
    cause: f.cause ? toLabelKey(f.cause, "filter.cause", read) : null,
    effect: f.effect ? toLabelKey(f.effect, "filter.effect", read) : null,
    polarity: f.polarity ?? null,
    modality: f.modality ?? null,
    minConfidence: read.number(f.minConfidence, "filter.minConfidence", { min: 0, max: 1 }),
    source: f.source ? read.domain(f.source, "filter.source") : null,
    narrative: f.narrative ? read.key(f.narrative, "filter.narrative") : null,
    from: f.from == null ? null : Date.parse(f.from),
    to: f.to == null ? null : Date.parse(f.to),
    includeRetracted: f.includeRetracted ?? false,
    includeSuperseded: f.includeSuperseded ?? false,
  };
  if (criteria.from !== null && criteria.to !== null && criteria.to < criteria.from) {
    problems.add("filter.to", `must not be before filter.from (${f.from})`);
  }
  problems.throwIfAny();
  return criteria;
}

import type { Claim } from "../../domain/claim/claim.type.js";
import { toGraphNode, type NodeRow } from "../../domain/node/node.mapper.js";
import type { CausalPath, CausalStep } from "./causal-path.types.js";

/** A step as pathSteps() returns it. */
export interface StepRow {
  from: NodeRow;
  to: NodeRow;
  claims: { claim: NodeRow; domain: string | null }[];
}

function toStep(row: StepRow): CausalStep {
  const claims = row.claims.map((c) => toGraphNode(c.claim) as Claim);
  const domains = new Set(row.claims.map((c) => c.domain).filter((d): d is string => d !== null));
  return {
    claim: claims[0]!,
    claims,
    from: toGraphNode(row.from),
    to: toGraphNode(row.to),
    confidence: claims[0]!.confidence,
    independentSourceCount: domains.size,
  };
}

/** Builds a path from its step rows; confidence multiplies, corroboration is the weakest hop's. */
export function toCausalPath(steps: StepRow[]): CausalPath {
  const mapped = steps.map(toStep);
  return {
    steps: mapped,
    length: mapped.length,
    // Rounded so products like 0.8 × 0.8 read as 0.64, not 0.6400000000000001.
    confidence: Math.round(mapped.reduce((product, step) => product * step.confidence, 1) * 1e6) / 1e6,
    independentSourceCount: Math.min(...mapped.map((step) => step.independentSourceCount)),
  };
}

/** Best first: more confident, then better corroborated, then shorter. */
export function byStrength(a: CausalPath, b: CausalPath): number {
  return b.confidence - a.confidence || b.independentSourceCount - a.independentSourceCount || a.length - b.length;
}

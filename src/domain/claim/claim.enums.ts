import { registerEnumType } from "type-graphql";
import { LEADS_TO_RELATIONS, TEMPORAL_RELATIONS } from "../../cypher/claims.js";

export enum CausalRelation {
  CAUSES = "CAUSES",
  CONTRIBUTES_TO = "CONTRIBUTES_TO",
  PREVENTS = "PREVENTS",
  AMPLIFIES = "AMPLIFIES",
  PRECEDES = "PRECEDES",
}
registerEnumType(CausalRelation, {
  name: "CausalRelation",
  description:
    "CAUSES, CONTRIBUTES_TO and AMPLIFIES lead to the effect (relation class LEADS_TO); PREVENTS opposes it " +
    "(class OPPOSES); PRECEDES says only that the cause came first (class TEMPORAL).",
});

/** What a relation says about its effect: that the cause leads to it, opposes it, or only came before it. */
export enum RelationClass {
  LEADS_TO = "LEADS_TO",
  OPPOSES = "OPPOSES",
  TEMPORAL = "TEMPORAL",
}
registerEnumType(RelationClass, {
  name: "RelationClass",
  description:
    "LEADS_TO: CAUSES, CONTRIBUTES_TO, AMPLIFIES; the hops of causal chains and explanations. " +
    "OPPOSES: PREVENTS; never a hop, never corroborates a LEADS_TO claim. " +
    "TEMPORAL: PRECEDES; order, not cause: never a hop, neither corroborates nor contradicts the other classes " +
    "(it stays in timelines and claim lists).",
});

export function relationClass(relation: CausalRelation): RelationClass {
  if ((LEADS_TO_RELATIONS as readonly string[]).includes(relation)) return RelationClass.LEADS_TO;
  return (TEMPORAL_RELATIONS as readonly string[]).includes(relation) ? RelationClass.TEMPORAL : RelationClass.OPPOSES;
}

export enum Polarity {
  ASSERTED = "ASSERTED",
  DENIED = "DENIED",
}
registerEnumType(Polarity, {
  name: "Polarity",
  description: "ASSERTED: the article says the relation holds. DENIED: it says it does not ('this wasn't about the " + "Fed').",
});

export enum Modality {
  FACT = "FACT",
  CONDITIONAL = "CONDITIONAL",
  SPECULATIVE = "SPECULATIVE",
  OPINION = "OPINION",
}
registerEnumType(Modality, { name: "Modality", description: "CONDITIONAL claims hold only if their conditions do." });

import { registerEnumType } from "type-graphql";

export enum CausalRelation {
  CAUSES = "CAUSES",
  CONTRIBUTES_TO = "CONTRIBUTES_TO",
  PREVENTS = "PREVENTS",
  AMPLIFIES = "AMPLIFIES",
  PRECEDES = "PRECEDES",
}
registerEnumType(CausalRelation, { name: "CausalRelation" });

export enum Polarity {
  ASSERTED = "ASSERTED",
  DENIED = "DENIED",
}
registerEnumType(Polarity, {
  name: "Polarity",
  description: "ASSERTED: the article says the relation holds. DENIED: it says it does not ('this wasn't about the Fed').",
});

export enum Modality {
  FACT = "FACT",
  CONDITIONAL = "CONDITIONAL",
  SPECULATIVE = "SPECULATIVE",
  OPINION = "OPINION",
}
registerEnumType(Modality, { name: "Modality", description: "CONDITIONAL claims hold only if their conditions do." });

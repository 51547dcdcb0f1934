import type { Label } from "../../../cypher/labels.js";
import type { NormalizedArticle } from "./normalized.js";

/** Canonical keys by `Label:key`: what an alias (or a linked new key) stands for. */
export type Rekeying = ReadonlyMap<string, string>;

/**
 * The article with every key that `rekeying` maps replaced by its canonical key: the nodes it
 * defines and every reference to them (claims' links, events' affects, cited figures, moves,
 * levels and readings of assets). The content hash stays: it is what the article said.
 */
export function rekey(article: NormalizedArticle, rekeying: Rekeying): NormalizedArticle {
  if (rekeying.size === 0) return article;
  const key = (label: Label, value: string) => rekeying.get(`${label}:${value}`) ?? value;
  return {
    ...article,
    assets: article.assets.map((a) => ({ ...a, symbol: key("Asset", a.symbol) })),
    entities: article.entities.map((e) => ({ ...e, key: key("Entity", e.key) })),
    macroFactors: article.macroFactors.map((m) => ({ ...m, key: key("MacroFactor", m.key) })),
    narratives: article.narratives.map((n) => ({ ...n, key: key("Narrative", n.key) })),
    events: article.events.map((e) => ({ ...e, key: key("Event", e.key) })),
    priceMoves: article.priceMoves.map((m) => ({ ...m, key: key("PriceMove", m.key), symbol: key("Asset", m.symbol) })),
    levels: article.levels.map((l) => ({ ...l, symbol: key("Asset", l.symbol) })),
    indicators: article.indicators.map((r) => ({ ...r, symbol: key("Asset", r.symbol) })),
    citedReports: article.citedReports.map((r) => ({ ...r, event: key("Event", r.event) })),
    eventLinks: article.eventLinks.map((l) => ({ ...l, from: key("Event", l.from), key: key(l.label, l.key) })),
    claimLinks: article.claimLinks.map((l) => ({ ...l, key: key(l.label, l.key) })),
    externalRefs: article.externalRefs.map((r) => ({ ...r, key: key(r.label, r.key) })),
  };
}

/** `Label:key` of every node the article defines (its own keys, before any rekeying). */
export function definitions(article: NormalizedArticle): { label: Label; key: string }[] {
  return [
    ...article.assets.map((a) => ({ label: "Asset" as const, key: a.symbol })),
    ...article.entities.map((e) => ({ label: "Entity" as const, key: e.key })),
    ...article.macroFactors.map((m) => ({ label: "MacroFactor" as const, key: m.key })),
    ...article.narratives.map((n) => ({ label: "Narrative" as const, key: n.key })),
    ...article.events.map((e) => ({ label: "Event" as const, key: e.key })),
    ...article.priceMoves.map((m) => ({ label: "PriceMove" as const, key: m.key })),
  ];
}

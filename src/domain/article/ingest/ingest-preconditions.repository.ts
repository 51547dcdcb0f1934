import type { WriteTransaction } from "../../../db/cypher-runner.js";
import { READ_PRECONDITIONS } from "./ingest-preconditions.cypher.js";
import type { FieldRef, NormalizedArticle } from "./normalized.js";

export interface Preconditions {
  /** Per URL: the stored content hash; null for an article only known as a citation; absent when unknown. */
  readonly storedHashes: ReadonlyMap<string, string | null>;
  /** Per article id: its references that neither the graph nor any article of the batch defines. */
  readonly missing: ReadonlyMap<string, FieldRef[]>;
}

/** `Label:key` of every node an article defines, so other articles of its batch may refer to it. */
function definedBy(article: NormalizedArticle): string[] {
  return [
    ...article.sources.map((s) => `Source:${s.domain}`),
    ...article.assets.map((a) => `Asset:${a.symbol}`),
    ...article.entities.map((e) => `Entity:${e.key}`),
    ...article.macroFactors.map((m) => `MacroFactor:${m.key}`),
    ...article.narratives.map((n) => `Narrative:${n.key}`),
    ...article.events.map((e) => `Event:${e.key}`),
    ...article.priceMoves.map((m) => `PriceMove:${m.key}`),
  ];
}

/**
 * Inside the ingest transaction, before any write, in one query: each article as stored (if
 * at all) and which outside references of each neither the graph nor another accepted article
 * of the batch defines (the batch writes every node before any link). An article with a
 * missing reference is not accepted, so what it defines cannot serve the others: repeated
 * until no more articles fall out.
 */
export async function readPreconditions(tx: WriteTransaction, articles: readonly NormalizedArticle[]): Promise<Preconditions> {
  const refs = articles.flatMap((article) => article.externalRefs.map((ref) => ({ uid: article.article.uid, ref })));
  const [row] = await tx.run<{ stored: { url: string; exists: boolean; hash: string | null }[]; found: number[] }>(READ_PRECONDITIONS, {
    urls: articles.map((a) => a.article.url),
    refs: refs.map(({ ref }, index) => ({ label: ref.label, key: ref.key, index })),
  });
  const found = new Set(row?.found ?? []);
  const missing = new Map<string, FieldRef[]>();
  for (;;) {
    const defined = new Set(articles.filter((a) => !missing.has(a.article.uid)).flatMap(definedBy));
    const falling = new Map<string, FieldRef[]>();
    refs.forEach(({ uid, ref }, index) => {
      if (missing.has(uid) || found.has(index) || defined.has(`${ref.label}:${ref.key}`)) return;
      falling.set(uid, [...(falling.get(uid) ?? []), ref]);
    });
    if (falling.size === 0) break;
    for (const [uid, lacking] of falling) missing.set(uid, lacking);
  }
  const storedHashes = new Map((row?.stored ?? []).filter((s) => s.exists).map((s) => [s.url, s.hash]));
  return { storedHashes, missing };
}

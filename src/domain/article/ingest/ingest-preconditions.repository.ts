import type { WriteTransaction } from "../../../db/cypher-runner.js";
import { READ_PRECONDITIONS } from "./ingest-preconditions.cypher.js";
import type { FieldRef, NormalizedArticle } from "./normalized.js";
import { definitions, rekey } from "./rekey.js";

export interface Preconditions {
  /** Per URL: the stored content hash; null for an article only known as a citation; absent when unknown. */
  readonly storedHashes: ReadonlyMap<string, string | null>;
  /** Per article id: its references that neither the graph (by key or alias) nor any article of the batch defines. */
  readonly missing: ReadonlyMap<string, FieldRef[]>;
  /** The articles with every key that is an alias of a node replaced by the node's own key (see rekey.ts). */
  readonly articles: readonly NormalizedArticle[];
  /** `Label:key` of the nodes the articles define that the graph holds already (by key or alias, after rekeying). */
  readonly existing: ReadonlySet<string>;
}

/** `Label:key` of every node an article defines, so other articles of its batch may refer to it. */
function definedBy(article: NormalizedArticle): string[] {
  return [...article.sources.map((s) => `Source:${s.domain}`), ...definitions(article).map(({ label, key }) => `${label}:${key}`)];
}

/**
 * Inside the ingest transaction, before any write, in one query: each article as stored (if
 * at all), which of its keys are aliases of nodes (they are read as those nodes from then on),
 * and which outside references of each neither the graph nor another accepted article of the
 * batch defines (the batch writes every node before any link). An article with a missing
 * reference is not accepted, so what it defines cannot serve the others: repeated until no
 * more articles fall out.
 */
export async function readPreconditions(tx: WriteTransaction, given: readonly NormalizedArticle[]): Promise<Preconditions> {
  const refs = given.flatMap((article) => article.externalRefs.map((ref) => ({ uid: article.article.uid, ref })));
  const [row] = await tx.run<{
    stored: { url: string; exists: boolean; hash: string | null }[];
    found: number[];
    existing: string[];
    aliased: { label: string; key: string; canonical: string }[];
  }>(READ_PRECONDITIONS, {
    urls: given.map((a) => a.article.url),
    refs: refs.map(({ ref }, index) => ({ label: ref.label, key: ref.key, index })),
    definitions: given.flatMap(definitions),
  });
  const rekeying = new Map((row?.aliased ?? []).map((a) => [`${a.label}:${a.key}`, a.canonical]));
  const articles = given.map((article) => rekey(article, rekeying));
  const found = new Set(row?.found ?? []);
  const missing = new Map<string, FieldRef[]>();
  for (;;) {
    const defined = new Set(articles.filter((a) => !missing.has(a.article.uid)).flatMap(definedBy));
    const falling = new Map<string, FieldRef[]>();
    refs.forEach(({ uid, ref }, index) => {
      const key = `${ref.label}:${ref.key}`;
      if (missing.has(uid) || found.has(index) || rekeying.has(key) || defined.has(rekeying.get(key) ?? key)) return;
      falling.set(uid, [...(falling.get(uid) ?? []), ref]);
    });
    if (falling.size === 0) break;
    for (const [uid, lacking] of falling) missing.set(uid, lacking);
  }
  const storedHashes = new Map((row?.stored ?? []).filter((s) => s.exists).map((s) => [s.url, s.hash]));
  const existing = new Set([...(row?.existing ?? []), ...(row?.aliased ?? []).map((a) => `${a.label}:${a.canonical}`)]);
  return { storedHashes, missing, articles, existing };
}

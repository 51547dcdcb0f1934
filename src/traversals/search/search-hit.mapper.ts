import { toGraphNode, type NodeRow } from "../../domain/node/node.mapper.js";
import type { MatchTerm } from "./lucene-query.js";
import { SearchHit, SearchHitKind, type SearchResultNode } from "./search.type.js";
import { countMatchedTerms, snippet } from "./snippet.js";

/** Per label: its hit kind and the full-text indexed properties, in the order that wins a tie. */
const SEARCHABLE: Readonly<Record<string, { kind: SearchHitKind; fields: readonly string[] }>> = {
  Article: { kind: SearchHitKind.ARTICLE, fields: ["title", "summary", "body"] },
  Claim: { kind: SearchHitKind.CLAIM, fields: ["text"] },
  Entity: { kind: SearchHitKind.ENTITY, fields: ["name", "description"] },
  MacroFactor: { kind: SearchHitKind.MACRO_FACTOR, fields: ["name", "description"] },
  Narrative: { kind: SearchHitKind.NARRATIVE, fields: ["name", "description"] },
  Asset: { kind: SearchHitKind.ASSET, fields: ["symbol", "name", "description"] },
  Event: { kind: SearchHitKind.EVENT, fields: ["title"] },
};

/**
 * The property with the most matched terms (earlier properties win ties, so a title beats
 * a body) and its text. Falls back to the first non-empty property.
 */
export function bestField(
  row: Record<string, unknown>,
  fields: readonly string[],
  terms: readonly MatchTerm[],
): { field: string; text: string } {
  const candidates = fields
    .map((field) => ({ field, text: typeof row[field] === "string" ? (row[field] as string) : "" }))
    .filter((candidate) => candidate.text.trim() !== "");
  let best = candidates[0] ?? { field: fields[0] ?? "", text: "" };
  let bestCount = 0;
  for (const candidate of candidates) {
    const count = countMatchedTerms(candidate.text, terms);
    if (count > bestCount) [best, bestCount] = [candidate, count];
  }
  return best;
}

/** Maps a row of the search query to a hit: typed node, kind, best property and its snippet. */
export function toSearchHit(row: { score: number; node: NodeRow }, terms: readonly MatchTerm[]): SearchHit {
  const searchable = SEARCHABLE[row.node.__label];
  if (!searchable) throw new Error(`search returned a ${row.node.__label}, which has no hit kind`);
  const { field, text } = bestField(row.node, searchable.fields, terms);
  return {
    score: row.score,
    kind: searchable.kind,
    node: toGraphNode(row.node) as SearchResultNode,
    field,
    snippet: snippet(text, terms),
  };
}

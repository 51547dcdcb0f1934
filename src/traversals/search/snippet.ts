import { boundaryAtOrAfter, boundaryAtOrBefore, characterCount, stepCharacters } from "../../text/characters.js";
import type { MatchTerm } from "./lucene-query.js";

/** Characters (code points) of text in a snippet, at most, not counting the ellipses marking where it was cut. */
export const SNIPPET_LENGTH = 160;

const ELLIPSIS = "…";

/** How far a cut moves to fall on a space; further than that, it falls between characters. */
const WORD_SNAP = 24;

/** Where a term occurs in a text: a whole word, or a word starting with a prefix term (the whole word). */
export interface TermMatch {
  readonly index: number;
  readonly length: number;
}

// Word boundaries by letters and digits, like the index's tokenizer, so "etf" is not found inside "netflix".
function termPattern(term: MatchTerm): RegExp {
  const escaped = term.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const tail = term.prefix ? "[\\p{L}\\p{N}]*" : "(?![\\p{L}\\p{N}])";
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}${tail}`, "iu");
}

/** The earliest place in `text` where any of the terms occurs, or null. */
export function firstMatch(text: string, terms: readonly MatchTerm[]): TermMatch | null {
  let best: TermMatch | null = null;
  for (const term of terms) {
    const found = termPattern(term).exec(text);
    if (found && (best === null || found.index < best.index)) best = { index: found.index, length: found[0].length };
  }
  return best;
}

/** How many of the terms occur in `text`: the measure of which property matched best. */
export function countMatchedTerms(text: string, terms: readonly MatchTerm[]): number {
  return terms.filter((term) => termPattern(term).test(text)).length;
}

/**
 * A short excerpt of `text` around the first matched term, whitespace collapsed, cut at word
 * boundaries where possible and never inside a character (emoji, CJK, ZWJ sequences), with
 * an ellipsis at each cut end. Without a literal match (the
 * index's tokenizer may split words differently), the start of the text.
 */
export function snippet(text: string, terms: readonly MatchTerm[], maxLength = SNIPPET_LENGTH): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (characterCount(clean) <= maxLength) return clean;
  const match = firstMatch(clean, terms) ?? { index: 0, length: 0 };
  // Lengths in characters (code points), positions in UTF-16 units.
  const matchLength = characterCount(clean.slice(match.index, match.index + match.length));
  // A third of the room before the match reads as context without pushing the match to the end.
  let start = stepCharacters(clean, match.index, -Math.floor(Math.max(0, maxLength - matchLength) / 3));
  let end = stepCharacters(clean, start, maxLength);
  if (end === clean.length) start = stepCharacters(clean, end, -maxLength);
  if (start > 0 && clean[start - 1] !== " ") {
    const space = clean.indexOf(" ", start);
    if (space !== -1 && space < match.index && space - start <= WORD_SNAP) start = space + 1;
  }
  if (end < clean.length && clean[end] !== " ") {
    const space = clean.lastIndexOf(" ", end);
    if (space > start && space >= match.index + match.length && end - space <= WORD_SNAP) end = space;
  }
  // Without a space nearby (emoji runs, CJK), cut between characters as a reader sees them, never inside one.
  start = boundaryAtOrAfter(clean, start);
  end = boundaryAtOrBefore(clean, end);
  const body = clean.slice(start, end).trim().toWellFormed();
  return `${start > 0 ? ELLIPSIS : ""}${body}${end < clean.length ? ELLIPSIS : ""}`;
}

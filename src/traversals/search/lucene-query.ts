import { escapeLucene } from "../../cypher/lucene.js";
/** Longest search text accepted, in characters (after trimming). */
export const MAX_QUERY_LENGTH = 500;

/** The last word is also matched as a prefix only from this length on: shorter stems match nearly everything. */
export const MIN_PREFIX_LENGTH = 3;

/** A word to look for in a hit's text when cutting its snippet. */
export interface MatchTerm {
  /** Lower-case letters and digits only. */
  readonly text: string;
  /** True when words merely starting with `text` count ("liquid" in "liquidation"). */
  readonly prefix: boolean;
}

/** A user's search text turned into a safe Lucene query plus the words it looks for. */
export interface SearchQuery {
  /** Lucene query syntax: every word escaped, OR-ed, the last one also as a prefix. */
  readonly lucene: string;
  /** The letter/digit runs of the query's words, for locating matches in text. */
  readonly terms: readonly MatchTerm[];
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
const LETTER_DIGIT_RUNS = /[\p{L}\p{N}]+/gu;
const PLAIN_WORD = /^[\p{L}\p{N}]+$/u;

/**
 * Turns free text into a Lucene query that cannot fail to parse: words are split on
 * whitespace, stripped of punctuation at their ends, lower-cased (so AND/OR/NOT are words,
 * not operators) and escaped, then OR-ed so any word can match. The last word is also
 * searched as a prefix when it is plain letters/digits, for search-as-you-type.
 * Returns null when no word holds a letter or digit: there is nothing to search for.
 */
export function toSearchQuery(text: string): SearchQuery | null {
  const typed = text
    .split(/\s+/u)
    .map((word) => word.replace(EDGE_PUNCTUATION, "").toLowerCase())
    .filter((word) => WORD_CHAR.test(word));
  const last = typed.at(-1);
  if (last === undefined) return null;
  const words = [...new Set(typed)];
  const prefixed = PLAIN_WORD.test(last) && last.length >= MIN_PREFIX_LENGTH ? last : null;
  const clauses = words.map(escapeLucene);
  if (prefixed) clauses.push(`${prefixed}*`);
  return { lucene: clauses.join(" OR "), terms: matchTerms(words, prefixed) };
}

function matchTerms(words: readonly string[], prefixed: string | null): MatchTerm[] {
  const runs = new Set(words.flatMap((word) => word.match(LETTER_DIGIT_RUNS) ?? []));
  if (prefixed) runs.delete(prefixed);
  const terms: MatchTerm[] = [...runs].map((run) => ({ text: run, prefix: false }));
  if (prefixed) terms.push({ text: prefixed, prefix: true });
  return terms;
}

// Everything Lucene's classic query parser treats as syntax (QueryParser.escape's set).
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Backslash-escapes Lucene syntax characters so they are read as text (full-text index queries). */
export function escapeLucene(word: string): string {
  return word.replace(LUCENE_SPECIAL, (char) => `\\${char}`);
}

/**
 * Where a claim's verbatim text sits in its article's body: the exact text first, then the
 * text with whitespace runs and letter case ignored (bodies are often re-wrapped). Returns
 * [start, end) in the body, or null when the text is not in it.
 */
export function locateQuote(body: string, quote: string): readonly [number, number] | null {
  const exact = body.indexOf(quote);
  if (exact >= 0) return [exact, exact + quote.length];
  const wanted = quote.replace(/\s+/g, " ").trim().toLowerCase();
  if (!wanted) return null;
  // The body with whitespace runs collapsed, and for each kept character its index in the body.
  let folded = "";
  const origin: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const space = /\s/.test(body[i]!);
    if (space && folded.endsWith(" ")) continue;
    folded += space ? " " : body[i]!.toLowerCase();
    origin.push(i);
  }
  const at = folded.indexOf(wanted);
  if (at < 0) return null;
  return [origin[at]!, origin[at + wanted.length - 1]! + 1];
}

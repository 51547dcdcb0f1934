/**
 * Text measured and cut as people read it. JavaScript strings are UTF-16: an emoji is two
 * units, a flag four, a family emoji (a ZWJ sequence) up to eleven. Limits count code points
 * (what the spec calls characters); cuts fall between grapheme clusters (what a reader sees
 * as one character), so no emoji, CJK character or ZWJ sequence is ever split.
 */

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** How far around an index to look for cluster boundaries; longer clusters are pathological. */
const REACH = 64;

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** Characters (Unicode code points) in `text`. */
export function characterCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    // A high surrogate followed by a low one is one code point.
    if (isHigh(text.charCodeAt(i)) && i + 1 < text.length && isLow(text.charCodeAt(i + 1))) i += 1;
    count += 1;
  }
  return count;
}

/**
 * The UTF-16 index `count` characters (code points) after `index`, or before it when `count`
 * is negative; clamped to the text. A surrogate pair is one step.
 */
export function stepCharacters(text: string, index: number, count: number): number {
  let at = Math.max(0, Math.min(text.length, index));
  for (let left = Math.abs(count); left > 0; left -= 1) {
    if (count > 0) {
      if (at >= text.length) break;
      at += isHigh(text.charCodeAt(at)) && at + 1 < text.length && isLow(text.charCodeAt(at + 1)) ? 2 : 1;
    } else {
      if (at <= 0) break;
      at -= isLow(text.charCodeAt(at - 1)) && at >= 2 && isHigh(text.charCodeAt(at - 2)) ? 2 : 1;
    }
  }
  return at;
}

const isAscii = (unit: number) => unit < 0x80;

/**
 * True when a cluster boundary certainly falls at `p`: between two ASCII characters other
 * than CR LF (Unicode's grapheme rules join none of them).
 */
function certainBoundary(text: string, p: number): boolean {
  if (p <= 0 || p >= text.length) return true;
  return isAscii(text.charCodeAt(p - 1)) && isAscii(text.charCodeAt(p)) && !(text[p - 1] === "\r" && text[p] === "\n");
}

/**
 * The cluster boundaries around `index`, as absolute indexes. Segmentation starts and ends at
 * certain boundaries, so a long run of flags or emoji is read from its start, as a reader would.
 */
function boundariesNear(text: string, index: number): number[] {
  let from = Math.max(0, index - REACH);
  while (!certainBoundary(text, from)) from -= 1;
  let to = Math.min(text.length, index + REACH);
  while (!certainBoundary(text, to)) to += 1;
  const found = [...graphemes.segment(text.slice(from, to))].map((segment) => from + segment.index);
  found.push(to);
  return found;
}

/** The cluster boundary at or before `index`: cutting there splits no character. */
export function boundaryAtOrBefore(text: string, index: number): number {
  if (index <= 0) return 0;
  if (index >= text.length) return text.length;
  return (
    boundariesNear(text, index)
      .filter((b) => b <= index)
      .at(-1) ?? 0
  );
}

/** The cluster boundary at or after `index`. */
export function boundaryAtOrAfter(text: string, index: number): number {
  if (index <= 0) return 0;
  if (index >= text.length) return text.length;
  return boundariesNear(text, index).find((b) => b >= index) ?? text.length;
}

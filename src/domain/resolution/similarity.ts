/**
 * How alike two names are, for entity resolution (docs/resolution.md): word sets compared with
 * a Dice coefficient in which words match exactly (1), by a shared stem (0.9), or within one
 * edit for words of at least 4 characters (0.8). Common words are left out; names of the asked
 * asset ("bitcoin", "btc") count as one word.
 */

const COMMON = new Set(["the", "a", "an", "of", "on", "in", "to", "and", "for", "by", "at", "as", "s", "its", "with", "from", "is", "was"]);

/** A stand-in for every name of the asset a question is about. */
const ASSET_WORD = "\u0000asset";

/** Words for one direction of a market move, read as one word ("drop" and "slide" name the same kind of move). */
const DIRECTIONS: ReadonlyArray<readonly [string, readonly string[]]> = [
  [
    "\u0000down",
    [
      "drop",
      "fall",
      "fell",
      "slide",
      "slid",
      "plunge",
      "slump",
      "decline",
      "selloff",
      "tumble",
      "crash",
      "sink",
      "dip",
      "slip",
      "rout",
      "downturn",
    ],
  ],
  ["\u0000up", ["rise", "rose", "rally", "bounce", "rebound", "jump", "surge", "recover", "recovery", "climb", "gain", "soar"]],
];
const DIRECTION_OF = new Map(DIRECTIONS.flatMap(([direction, names]) => names.map((name) => [name, direction] as const)));

/** Multipliers of a number's unit word or suffix ("1.3 billion", "1.3b", "76k"). */
const SCALE: Readonly<Record<string, number>> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  t: 1e12,
  trillion: 1e12,
};

/** A number as one word: "76k", "76,000" and "76000" are "76000"; "1.3 billion" and "$1.3B" are "1300000000". */
function numberWord(digits: string, unit: string): string {
  const value = Number(digits.replace(/,/g, "")) * (SCALE[unit] ?? 1);
  return Number.isFinite(value) ? String(Math.round(value * 100) / 100) : digits;
}

/**
 * Lower-case words: letter runs, numbers with their scale ("1.3b", "1.3 billion" and
 * "1,300,000,000" are one word), directions of a move ("drop", "slide"), and the asked asset's
 * names as one word; common words left out.
 */
export function words(text: string, assetNames: ReadonlySet<string> = new Set()): string[] {
  const found = text.toLowerCase().match(/\p{N}+(?:[.,]\p{N}+)*\p{L}*|\p{L}+/gu) ?? [];
  const result: string[] = [];
  for (let i = 0; i < found.length; i += 1) {
    const word = found[i]!;
    const number = /^(\p{N}+(?:[.,]\p{N}+)*)(\p{L}*)$/u.exec(word);
    if (number) {
      // A unit in the word itself ("76k", "80,000s"), or the next word ("1.3 billion").
      const suffix = number[2]!.replace(/s$/, "");
      const next = found[i + 1];
      if (!suffix && next && SCALE[next] && !/^\p{N}/u.test(next)) {
        result.push(numberWord(number[1]!, next));
        i += 1;
      } else result.push(numberWord(number[1]!, suffix));
      continue;
    }
    if (COMMON.has(word)) continue;
    result.push(assetNames.has(word) ? ASSET_WORD : (DIRECTION_OF.get(word) ?? word));
  }
  return result;
}

/** A crude stem: plural, -ing and -ed endings off longer words. */
function stem(word: string): string {
  if (word.length > 5 && word.endsWith("ing")) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith("ed")) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith("es")) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith("s")) return word.slice(0, -1);
  return word;
}

/** True when `a` and `b` are at most one insertion, deletion or substitution apart. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** How well two words match: 1, 0.9, 0.8 or 0. */
function wordMatch(a: string, b: string): number {
  if (a === b) return 1;
  if (a === ASSET_WORD || b === ASSET_WORD) return 0;
  const [sa, sb] = [stem(a), stem(b)];
  if (sa === sb) return 0.9;
  if (Math.min(a.length, b.length) >= 4 && (withinOneEdit(a, b) || withinOneEdit(sa, sb))) return 0.8;
  return 0;
}

/** Similarity of two word lists, 0..1: twice the matched weight over the number of words (each word used once). */
export function wordSimilarity(a: readonly string[], b: readonly string[]): number {
  const left = [...new Set(a)];
  const right = [...new Set(b)];
  if (left.length === 0 || right.length === 0) return 0;
  const used = new Set<number>();
  let matched = 0;
  // Exact matches first, so a fuzzy one never takes a word an exact one needs.
  const order = [...left].sort((x, y) => Number(right.includes(y)) - Number(right.includes(x)));
  for (const word of order) {
    let best = 0;
    let at = -1;
    right.forEach((other, index) => {
      if (used.has(index)) return;
      const score = wordMatch(word, other);
      if (score > best) [best, at] = [score, index];
    });
    if (at >= 0) {
      used.add(at);
      matched += best;
    }
  }
  return (2 * matched) / (left.length + right.length);
}

/** The best similarity of `name` to any of `names` (a node's keys and names), 0..1, with the name it matched best. */
export function nameSimilarity(
  name: string,
  names: readonly string[],
  assetNames: ReadonlySet<string> = new Set(),
): { score: number; matched: string | null } {
  const asked = words(name.replace(/[-_:]/g, " "), assetNames);
  let best = { score: 0, matched: null as string | null };
  for (const candidate of names) {
    const score = wordSimilarity(asked, words(candidate.replace(/[-_:]/g, " "), assetNames));
    if (score > best.score) best = { score, matched: candidate };
  }
  return best;
}

import { describe, expect, it } from "vitest";
import type { MatchTerm } from "../lucene-query.js";
import { countMatchedTerms, firstMatch, snippet, SNIPPET_LENGTH } from "../snippet.js";

const word = (text: string): MatchTerm => ({ text, prefix: false });
const prefix = (text: string): MatchTerm => ({ text, prefix: true });

const filler = (count: number, stem: string) => Array.from({ length: count }, (_, i) => `${stem}${i}`).join(" ");

describe("firstMatch", () => {
  it("finds the earliest whole word of any term, ignoring case", () => {
    expect(firstMatch("Gold fell; the TGA absorbed cash, tga again", [word("cash"), word("tga")])).toEqual({ index: 15, length: 3 });
  });

  it("does not find a word inside another word", () => {
    expect(firstMatch("Netflix netflix", [word("net")])).toBeNull();
    expect(firstMatch("ETFs and an ETF", [word("etf")])).toEqual({ index: 12, length: 3 });
  });

  it("matches a prefix term as the whole word it starts", () => {
    expect(firstMatch("a $1.3B liquidation cascade", [prefix("liquid")])).toEqual({ index: 8, length: "liquidation".length });
  });
});

describe("countMatchedTerms", () => {
  it("counts distinct terms that occur", () => {
    expect(countMatchedTerms("Treasury issuance / TGA", [word("treasury"), word("tga"), prefix("liquid")])).toBe(2);
  });
});

describe("snippet", () => {
  it("returns short text whole, with whitespace collapsed", () => {
    expect(snippet("  Treasury\n issuance /  TGA ", [word("tga")])).toBe("Treasury issuance / TGA");
  });

  it("cuts long text around the first match at word boundaries, with ellipses at both cuts", () => {
    const text = `${filler(60, "before")} the kindling went up ${filler(60, "after")}`;
    const result = snippet(text, [word("kindling")]);
    expect(result).toContain("kindling");
    expect(result.startsWith("…before")).toBe(true);
    expect(result.endsWith("…")).toBe(true);
    const body = result.slice(1, -1);
    expect(body.length).toBeLessThanOrEqual(SNIPPET_LENGTH);
    expect(body.length).toBeGreaterThan(SNIPPET_LENGTH - 15);
    // Whole words only: every word of the excerpt is a word of the text.
    for (const part of body.split(" ")) expect(text.split(" ")).toContain(part);
  });

  it("keeps context before the match but never cuts the matched word", () => {
    const text = `${filler(40, "w")} liquidations ${filler(40, "z")}`;
    const result = snippet(text, [prefix("liquid")]);
    const at = result.indexOf("liquidations");
    expect(at).toBeGreaterThan(20);
    expect(at).toBeLessThan(SNIPPET_LENGTH / 2);
  });

  it("takes the end of the text without a trailing ellipsis when the match is near the end", () => {
    const text = `${filler(60, "x")} final TGA`;
    const result = snippet(text, [word("tga")]);
    expect(result.startsWith("…")).toBe(true);
    expect(result.endsWith("final TGA")).toBe(true);
  });

  it("starts at the beginning when nothing matches literally", () => {
    const text = filler(80, "word");
    const result = snippet(text, [word("absent")]);
    expect(result.startsWith("word0 word1")).toBe(true);
    expect(result.endsWith("…")).toBe(true);
    expect(result.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 1);
  });

  it("hard-cuts text without spaces rather than returning too much", () => {
    const result = snippet(`${"a".repeat(300)} TGA`, [word("tga")]);
    expect(result).toContain("TGA");
    expect(result.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 1);
  });
});

describe("snippet never cuts a character in two", () => {
  const FAMILY = "👨‍👩‍👧‍👦";
  const clusters = ["🚨", "📉", FAMILY, "🇺🇦", "比", "e\u0301", "\u1100\u1161\u11a8"];

  it("keeps every emoji whole around a word between emoji runs", () => {
    const text = `${"🚨".repeat(80)} liquidation ${"📉".repeat(80)}`;
    const cut = snippet(text, [word("liquidation")]);
    expect(cut.isWellFormed()).toBe(true);
    expect(cut).toContain("liquidation");
    expect(cut.replace(/…/g, "").replace(/ ?liquidation ?/, "")).toMatch(/^(🚨)*(📉)*$/u);
  });

  it("cuts only between grapheme clusters, however the text around the match is shifted", () => {
    for (const cluster of clusters) {
      for (let shift = 0; shift < 12; shift += 1) {
        const text = `${"x".repeat(shift)}${cluster.repeat(120)}ETF${cluster.repeat(120)}`;
        const cut = snippet(text, [word("etf")]).replace(/^…|…$/g, "");
        expect(cut.isWellFormed(), `${cluster} shifted ${shift}`).toBe(true);
        // Apart from the match (or the padding), the snippet is whole clusters only.
        const body = cut.replace("ETF", "");
        expect(body.split(cluster).join(""), `${cluster} shifted ${shift}`).toMatch(/^x*$/);
      }
    }
  });
});

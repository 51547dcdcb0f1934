import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreCandidate, type CandidateFacts } from "../candidate-score.js";
import { nameSimilarity, wordSimilarity, words } from "../similarity.js";

const BTC = new Set(["btc", "bitcoin"]);
const day = (iso: string) => Date.parse(iso);
const CASCADE: CandidateFacts = {
  names: ["btc-liquidation-cascade", "$1.3 billion liquidation cascade hits bitcoin"],
  start: day("2026-01-31T10:00:00Z"),
  end: day("2026-02-01T02:00:00Z"),
  assets: ["BTC"],
  amounts: [1.3e9],
};
const asked = { name: "bitcoin-weekend-liquidations", at: day("2026-01-31T20:00:00Z"), asset: "BTC", amountUsd: 1.3e9, assetNames: BTC };

describe("scoreCandidate", () => {
  it("scores another outlet's key for the same event (same asset, weekend and amount) well above 0.6, with its reasons", () => {
    const { score, reasons } = scoreCandidate(asked, CASCADE);
    expect(score).toBeGreaterThan(0.6);
    expect(reasons).toEqual(['name 63% like "btc-liquidation-cascade"', "at that time", "about BTC", "amount $1.3B like $1.3B"]);
  });

  it("scores the same words from another month, on another asset or with a very different amount well below 0.4", () => {
    expect(scoreCandidate({ ...asked, at: day("2026-03-07T20:00:00Z") }, CASCADE).score).toBeLessThan(0.3);
    expect(scoreCandidate({ ...asked, asset: "ETH", assetNames: new Set(["eth", "ether"]) }, CASCADE).score).toBeLessThan(0.3);
    expect(scoreCandidate({ ...asked, amountUsd: 5e9 }, CASCADE).score).toBeLessThan(0.35);
  });

  it("never scores above 1 or below 0, and more agreement never scores less", () => {
    const facts = fc.record({
      names: fc.array(fc.string({ maxLength: 30 }), { maxLength: 3 }),
      start: fc.option(fc.integer({ min: 0, max: 1e12 }), { nil: null }),
      end: fc.constant(null),
      assets: fc.array(fc.constantFrom("BTC", "ETH"), { maxLength: 2 }),
      amounts: fc.array(fc.integer({ min: 1, max: 1e10 }), { maxLength: 2 }),
    });
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), facts, (name, f) => {
        const { score } = scoreCandidate({ name, at: f.start, asset: f.assets[0] ?? null, amountUsd: f.amounts[0] ?? null }, f);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        expect(scoreCandidate({ name }, f).score).toBeLessThanOrEqual(score + 1e-9);
      }),
      { numRuns: 300 },
    );
  });
});

describe("name similarity", () => {
  it("matches a typo, a plural and an asset's other name", () => {
    expect(nameSimilarity("btc-weekend-slid", ["btc-weekend-slide"]).score).toBeGreaterThan(0.9);
    expect(nameSimilarity("liquidations", ["liquidation"]).score).toBeGreaterThan(0.85);
    expect(nameSimilarity("bitcoin drop", ["btc drop"], BTC).score).toBe(1);
    expect(nameSimilarity("bitcoin drop", ["btc drop"]).score).toBeLessThan(0.6);
  });

  it("reads a number with its scale as one word, and leaves common words out", () => {
    expect(words("The $1.3B cascade of 76K")).toEqual(["1300000000", "cascade", "76000"]);
    expect(words("$1.3 billion, 76,000 and the high $80,000s")).toEqual(["1300000000", "76000", "high", "80000"]);
  });

  it("reads the words for one direction of a move as one word", () => {
    expect(nameSimilarity("btc-drop-to-76k", ["btc-weekend-slide"], BTC).score).toBeGreaterThan(0.6);
    expect(nameSimilarity("btc-drop-to-76k", ["btc-bounce-to-78199"], BTC).score).toBeLessThan(0.4);
  });

  it("is symmetric and 1 for the same words in any order", () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { minLength: 1, maxLength: 5 }),
        fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { maxLength: 5 }),
        (a, b) => {
          expect(wordSimilarity(a, b)).toBeCloseTo(wordSimilarity(b, a), 9);
          expect(wordSimilarity(a, [...a].reverse())).toBe(1);
        },
      ),
      { numRuns: 300 },
    );
  });
});

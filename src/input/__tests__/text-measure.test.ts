import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { boundaryAtOrAfter, boundaryAtOrBefore, characterCount, stepCharacters } from "../../text/characters.js";

// Reference: JavaScript's own code point iteration (Array.from) for counting and stepping, and
// Intl.Segmenter over the whole text for grapheme cluster boundaries (characters.ts segments
// only a window around the index).

/** Any UTF-16 units, lone surrogates included. */
const units = fc
  .array(fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0xd800, max: 0xdfff })), { maxLength: 40 })
  .map((codes) => String.fromCharCode(...codes));

/** Text with clusters of every kind, some longer than the window characters.ts reads around an index. */
const piece = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 6 }),
  fc.string({ unit: "grapheme-ascii", maxLength: 6 }),
  fc.constantFrom("👨‍👩‍👧‍👦", "🇺🇦", "🇫🇷🇩🇪", "e\u0301", "\r\n", "比特币", "🏳️‍🌈", "👍🏽", "क्षि", "\u200d"),
  fc.tuple(fc.constantFrom("🇺🇦", "\u0301", "👨‍👩‍👧‍👦", "a\u0301"), fc.integer({ min: 10, max: 45 })).map(([s, n]) => s.repeat(n)),
);
const text = fc.array(piece, { maxLength: 6 }).map((pieces) => pieces.join(""));

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const boundaries = (s: string) => [...[...segmenter.segment(s)].map((seg) => seg.index), s.length];

describe("characterCount and stepCharacters", () => {
  it("count code points, a lone surrogate as one", () => {
    fc.assert(
      fc.property(fc.oneof(units, text, fc.string({ unit: "binary" })), (s) => {
        expect(characterCount(s)).toBe(Array.from(s).length);
      }),
      { numRuns: 500 },
    );
  });

  it("step whole code points forwards and backwards, clamped to the text", () => {
    fc.assert(
      fc.property(fc.oneof(units, text), fc.integer({ min: 0, max: 60 }), (s, n) => {
        const points = Array.from(s);
        expect(stepCharacters(s, 0, n)).toBe(points.slice(0, n).join("").length);
        expect(stepCharacters(s, s.length, -n)).toBe(s.length - points.slice(Math.max(0, points.length - n)).join("").length);
      }),
      { numRuns: 500 },
    );
  });
});

describe("cluster boundaries", () => {
  it("are the nearest boundaries of the whole text at or before and at or after any index: no cut splits a character", () => {
    fc.assert(
      fc.property(text, fc.nat(), (s, at) => {
        const all = boundaries(s);
        const index = (at % (s.length + 3)) - 1;
        expect(boundaryAtOrBefore(s, index)).toBe(index <= 0 ? 0 : index >= s.length ? s.length : all.filter((b) => b <= index).at(-1));
        expect(boundaryAtOrAfter(s, index)).toBe(index <= 0 ? 0 : index >= s.length ? s.length : all.find((b) => b >= index));
      }),
      { numRuns: 500 },
    );
  });
});

import { describe, expect, it } from "vitest";
import { boundaryAtOrAfter, boundaryAtOrBefore, characterCount } from "../characters.js";

const FAMILY = "👨‍👩‍👧‍👦"; // four people joined by zero-width joiners: 11 UTF-16 units, one character on screen
const FLAG = "🇺🇦"; // two regional indicators
const CAFE = "cafe\u0301"; // e + combining acute accent

describe("characterCount", () => {
  it("counts code points, not UTF-16 units", () => {
    expect(characterCount("🚨".repeat(260))).toBe(260);
    expect(characterCount("比特币")).toBe(3);
    expect(characterCount("abc")).toBe(3);
    expect(characterCount("\ud800x")).toBe(2);
  });
});

describe("grapheme boundaries", () => {
  it("never fall inside an emoji, a flag, a ZWJ sequence or a combining sequence", () => {
    for (const cluster of ["🚨", FAMILY, FLAG, CAFE.slice(3), "比"]) {
      const text = `ab${cluster}cd`;
      for (let i = 3; i < 2 + cluster.length; i += 1) {
        expect(boundaryAtOrBefore(text, i)).toBe(2);
        expect(boundaryAtOrAfter(text, i)).toBe(2 + cluster.length);
      }
      expect(boundaryAtOrBefore(text, 2)).toBe(2);
      expect(boundaryAtOrAfter(text, 2 + cluster.length)).toBe(2 + cluster.length);
    }
  });

  it("clamp to the ends of the text", () => {
    expect(boundaryAtOrBefore("🚨", -3)).toBe(0);
    expect(boundaryAtOrAfter("🚨", 9)).toBe(2);
  });
});

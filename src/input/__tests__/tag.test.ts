import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalTag } from "../tag.js";

// Reference: what tag.ts's doc comment promises: NFKC, no leading "#" or surrounding
// whitespace, inner whitespace runs as one space, lower case; " #Foo  Bar" and "foo bar" are the
// same tag. A tag is built from plain words; each variant must give the words joined by spaces.

const word = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,7}$/);
const space = fc.constantFrom(" ", "  ", "\t", "\u00A0", "\u3000", "\u2003", " \n ");
/** Full-width forms (U+FF01–FF5E): NFKC maps them to ASCII. */
const fullWidth = (ch: string) => String.fromCharCode(ch.charCodeAt(0) - 0x21 + 0xff01);

describe("canonicalTag", () => {
  it("gives every variant of a tag (case, leading #, white space, full-width letters) the same tag", () => {
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 3 }),
        fc.array(fc.boolean(), { maxLength: 30 }),
        fc.array(fc.boolean(), { maxLength: 30 }),
        fc.nat(3),
        fc.array(space, { minLength: 5, maxLength: 5 }),
        (words, upper, wide, hashes, [before, afterHash, between, after, extra]) => {
          const styled = [...words.join(`${between}${extra}`)]
            .map((ch, i) => (upper[i] ? ch.toUpperCase() : ch))
            .map((ch, i) => (wide[i] && /[!-~]/.test(ch) ? fullWidth(ch) : ch));
          const text = `${before}${"#".repeat(hashes)}${hashes ? afterHash : ""}${styled.join("")}${after}`;
          expect(canonicalTag(text)).toBe(words.join(" "));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("is idempotent, lower case, trimmed, in NFKC, without leading # or runs of white space", () => {
    const text = fc.oneof(
      fc.string({ unit: "grapheme" }),
      fc.string({ unit: "binary" }),
      fc.stringMatching(/^[#\s\u3000A-Za-z\u00C0-\u024F]{0,12}$/),
    );
    fc.assert(
      fc.property(text, (raw) => {
        const tag = canonicalTag(raw);
        expect(canonicalTag(tag)).toBe(tag);
        expect(tag).toBe(tag.toLowerCase());
        expect(tag).toBe(tag.trim());
        expect(tag).toBe(tag.normalize("NFKC"));
        expect(tag).not.toMatch(/^#|\s\s|[^\S ]/u);
      }),
      { numRuns: 1000 },
    );
  });

  // A fault the properties found: "# #foo" gave "#foo", which gave "foo".
  it("is idempotent on a tag with two leading # runs", () => {
    expect(canonicalTag(canonicalTag("# #foo"))).toBe(canonicalTag("# #foo"));
  });
});

import { describe, expect, it } from "vitest";
import { escapeLucene } from "../../../cypher/lucene.js";
import { MIN_PREFIX_LENGTH, toSearchQuery } from "../lucene-query.js";

describe("escapeLucene", () => {
  it("backslash-escapes every character the Lucene query parser treats as syntax", () => {
    const syntax = '+-&|!(){}[]^"~*?:\\/';
    expect(escapeLucene(syntax)).toBe([...syntax].map((char) => `\\${char}`).join(""));
  });

  it("leaves letters, digits and other punctuation alone", () => {
    expect(escapeLucene("S&P 7,000 $1.3B ünï")).toBe("S\\&P 7,000 $1.3B ünï");
  });
});

describe("toSearchQuery", () => {
  it("ORs the words, lower-cased, and adds the last word as a prefix", () => {
    expect(toSearchQuery("Treasury issuance")).toEqual({
      lucene: "treasury OR issuance OR issuance*",
      terms: [
        { text: "treasury", prefix: false },
        { text: "issuance", prefix: true },
      ],
    });
  });

  it("matches a lone word exactly and as a prefix", () => {
    expect(toSearchQuery("  liquid ")?.lucene).toBe("liquid OR liquid*");
  });

  it("adds no prefix for a last word shorter than the minimum", () => {
    const short = "x".repeat(MIN_PREFIX_LENGTH - 1);
    expect(toSearchQuery(`bitcoin ${short}`)?.lucene).toBe(`bitcoin OR ${short}`);
    expect(toSearchQuery("TGA")?.lucene).toBe("tga OR tga*");
  });

  it("strips punctuation at word ends so unbalanced brackets and quotes are harmless", () => {
    expect(toSearchQuery("bitcoin (ETF")?.lucene).toBe("bitcoin OR etf OR etf*");
    expect(toSearchQuery('"unterminated')?.lucene).toBe("unterminated OR unterminated*");
    expect(toSearchQuery("[76K}")?.lucene).toBe("76k OR 76k*");
  });

  it("escapes syntax inside a word and does not prefix such a word", () => {
    expect(toSearchQuery("a:b")).toEqual({
      lucene: "a\\:b",
      terms: [
        { text: "a", prefix: false },
        { text: "b", prefix: false },
      ],
    });
    expect(toSearchQuery("risk-off S&P")?.lucene).toBe("risk\\-off OR s\\&p");
    expect(toSearchQuery("what*ever? x/y")?.lucene).toBe("what\\*ever OR x\\/y");
  });

  it("turns the AND, OR and NOT operators into plain words", () => {
    expect(toSearchQuery("a:b OR")?.lucene).toBe("a\\:b OR or");
    expect(toSearchQuery("NOT bitcoin AND gold")?.lucene).toBe("not OR bitcoin OR and OR gold OR gold*");
  });

  it("drops words without a letter or digit, such as lone operators and backslashes", () => {
    expect(toSearchQuery("bitcoin && || ! \\ -")?.lucene).toBe("bitcoin OR bitcoin*");
    expect(toSearchQuery("ETF \\")?.lucene).toBe("etf OR etf*");
  });

  it("says there is nothing to search when no word has a letter or digit", () => {
    for (const text of ["", "   ", "\\", "()", '"" ~ * ?', "&& ||", "—…"]) expect(toSearchQuery(text)).toBeNull();
  });

  it("keeps each word once, taking the prefix from the word typed last", () => {
    expect(toSearchQuery("liquid Bitcoin LIQUID")).toEqual({
      lucene: "liquid OR bitcoin OR liquid*",
      terms: [
        { text: "bitcoin", prefix: false },
        { text: "liquid", prefix: true },
      ],
    });
  });

  it("keeps letters of any script", () => {
    expect(toSearchQuery("Ünïcødé")?.lucene).toBe("ünïcødé OR ünïcødé*");
  });
});

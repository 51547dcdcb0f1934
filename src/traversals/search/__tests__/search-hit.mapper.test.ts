import { describe, expect, it } from "vitest";
import { Event } from "../../../domain/event/event.type.js";
import { bestField, toSearchHit } from "../search-hit.mapper.js";
import { SearchHitKind } from "../search.type.js";

const ARTICLE_FIELDS = ["title", "summary", "body"];
const tga = { text: "tga", prefix: false };
const drain = { text: "drain", prefix: true };

describe("bestField", () => {
  it("takes the property with the most matched terms", () => {
    const row = { title: "TGA", summary: null, body: "The TGA keeps draining liquidity" };
    expect(bestField(row, ARTICLE_FIELDS, [tga, drain])).toEqual({ field: "body", text: row.body });
  });

  it("prefers the earlier property on a tie, so a title beats a body", () => {
    const row = { title: "TGA absorbs cash", summary: "Summary", body: "Body on the TGA" };
    expect(bestField(row, ARTICLE_FIELDS, [tga]).field).toBe("title");
  });

  it("falls back to the first non-empty property when no term occurs literally", () => {
    const row = { title: "", summary: "  ", body: "Treasury General Account" };
    expect(bestField(row, ARTICLE_FIELDS, [tga])).toEqual({ field: "body", text: "Treasury General Account" });
  });
});

describe("toSearchHit", () => {
  it("maps a projected node to a typed hit with its kind, property and snippet", () => {
    const hit = toSearchHit(
      { score: 2.5, node: { __label: "Event", key: "tga-absorbs", kind: "treasury", title: "The TGA absorbs $64.3 billion" } },
      [tga],
    );
    expect(hit).toMatchObject({ score: 2.5, kind: SearchHitKind.EVENT, field: "title", snippet: "The TGA absorbs $64.3 billion" });
    expect(hit.node).toBeInstanceOf(Event);
    expect(hit.node).toMatchObject({ key: "tga-absorbs", title: "The TGA absorbs $64.3 billion" });
  });

  it("refuses a node that search should never return", () => {
    expect(() => toSearchHit({ score: 1, node: { __label: "PriceMove", key: "x" } }, [tga])).toThrow(/PriceMove/);
  });
});

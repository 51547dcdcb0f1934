import { describe, expect, it } from "vitest";
import { costliestPaged } from "../query-cost.js";

describe("costliestPaged", () => {
  it("names the paged field costing the most and the largest first that fits with everything else unchanged", () => {
    // articles(first: 100) { claims(first: 20) { … } }: 100 × (1 + 20 × 3) + 50 elsewhere.
    const paged = [
      { field: "Article.claims", first: 20, total: 61, perItem: 3 },
      { field: "Query.articles", first: 100, total: 6_100, perItem: 61 },
    ];
    expect(costliestPaged(paged, 6_150, 5_000)).toEqual({ field: "Query.articles", first: 100, maxFirst: 81 });
  });

  it("says 0 when lowering that first alone cannot bring the estimate under the limit", () => {
    expect(costliestPaged([{ field: "Query.search", first: 10, total: 100, perItem: 10 }], 9_000, 5_000)).toEqual({
      field: "Query.search",
      first: 10,
      maxFirst: 0,
    });
  });

  it("gives a nested paged field no number: the lists around it multiply it too", () => {
    expect(costliestPaged([{ field: "PriceMove.claims", first: 100, total: 300, perItem: 3 }], 9_000, 5_000)).toEqual({
      field: "PriceMove.claims",
      first: 100,
      maxFirst: null,
    });
  });

  it("says 0 for a root field whose items cost nothing: its first is not what costs", () => {
    expect(costliestPaged([{ field: "Query.search", first: 5, total: 50, perItem: 0 }], 9_000, 5_000)).toMatchObject({ maxFirst: 0 });
  });

  it("gives no advice when nothing is paged", () => {
    expect(costliestPaged([], 9_000, 5_000)).toBeNull();
  });
});

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

  it("gives no advice when nothing is paged", () => {
    expect(costliestPaged([], 9_000, 5_000)).toBeNull();
  });
});

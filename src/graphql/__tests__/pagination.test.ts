import { describe, expect, it } from "vitest";
import { ARTICLE_CURSOR, CLAIM_CURSOR, encodeCursor, pageRequest, SOURCE_CURSOR, toConnection } from "../pagination.js";

const refusal = (action: () => unknown) => {
  try {
    action();
  } catch (error) {
    return { message: (error as Error).message, extensions: (error as { extensions: Record<string, unknown> }).extensions };
  }
  throw new Error("expected a refusal");
};

describe("cursors", () => {
  it("are read back by the list that issued them", () => {
    const page = pageRequest(2, null, 10, CLAIM_CURSOR);
    const connection = toConnection(
      [
        { t: 3, id: "c" },
        { t: 2, id: "b" },
        { t: 1, id: "a" },
      ],
      3,
      page,
      (row) => [row.t, row.id],
    );
    expect(connection.pageInfo.hasNextPage).toBe(true);
    const next = pageRequest(2, connection.pageInfo.endCursor, 10, CLAIM_CURSOR);
    expect(next.after).toEqual([2, "b"]);
  });

  it("of another list are refused as BAD_USER_INPUT on after, even with the same key shape", () => {
    const articles = encodeCursor("articles", [1_700_000_000_000, "x"]);
    expect(refusal(() => pageRequest(5, articles, 10, CLAIM_CURSOR))).toEqual({
      message: `"${articles}" is a cursor of articles, not of claims`,
      extensions: { code: "BAD_USER_INPUT", field: "after" },
    });
    expect(pageRequest(5, articles, 10, ARTICLE_CURSOR).after).toEqual([1_700_000_000_000, "x"]);
  });

  it("that are forged, malformed or of the wrong key shape are refused", () => {
    const forged = [
      "not-a-cursor",
      Buffer.from(JSON.stringify([1, "x"])).toString("base64url"),
      Buffer.from(JSON.stringify({ list: "sources" })).toString("base64url"),
      encodeCursor("sources", [1]),
      encodeCursor("sources", ["a", "b"]),
      Buffer.from(JSON.stringify(["sources"])).toString("base64url"),
    ];
    for (const cursor of forged)
      expect(refusal(() => pageRequest(5, cursor, 10, SOURCE_CURSOR)).extensions).toEqual({ code: "BAD_USER_INPUT", field: "after" });
  });

  it("come with a page size from 0 to the maximum", () => {
    expect(refusal(() => pageRequest(11, null, 10, SOURCE_CURSOR)).extensions).toEqual({ code: "BAD_USER_INPUT", field: "first", max: 10 });
    expect(refusal(() => pageRequest(-1, null, 10, SOURCE_CURSOR)).extensions.field).toBe("first");
    expect(pageRequest(0, null, 10, SOURCE_CURSOR).first).toBe(0);
  });
});

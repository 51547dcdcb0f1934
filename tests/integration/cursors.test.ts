import { describe, expect, it } from "vitest";
import { postGraphQL, useTestServer } from "../support/server.js";

const server = useTestServer();

/** The end cursor of one list, read on the seed. */
async function endCursor(query: string, path: (data: Record<string, any>) => string): Promise<string> {
  const res = await postGraphQL<Record<string, any>>(server.url, query);
  expect(res.errors).toBeUndefined();
  return path(res.data!);
}

describe("a cursor from another list", () => {
  it("is refused by every connection with BAD_USER_INPUT on after, never read as its own", async () => {
    const cursors = {
      articles: await endCursor(`{ articles(first: 1) { pageInfo { endCursor } } }`, (d) => d.articles.pageInfo.endCursor),
      claims: await endCursor(`{ claims(first: 1) { pageInfo { endCursor } } }`, (d) => d.claims.pageInfo.endCursor),
      sources: await endCursor(`{ sources(first: 1) { pageInfo { endCursor } } }`, (d) => d.sources.pageInfo.endCursor),
      timeline: await endCursor(
        `{ timeline(filter: { asset: "BTC" }, first: 1) { pageInfo { endCursor } } }`,
        (d) => d.timeline.pageInfo.endCursor,
      ),
    };
    const lists: Record<keyof typeof cursors, (after: string) => string> = {
      articles: (after) => `{ articles(first: 1, after: "${after}") { edges { cursor } } }`,
      claims: (after) => `{ asset(symbol: "BTC") { claims(first: 1, after: "${after}") { edges { cursor } } } }`,
      sources: (after) => `{ sources(first: 1, after: "${after}") { edges { cursor } } }`,
      timeline: (after) => `{ timeline(filter: { asset: "BTC" }, first: 1, after: "${after}") { edges { cursor } } }`,
    };
    for (const [list, query] of Object.entries(lists)) {
      // Its own cursor works...
      const own = await postGraphQL(server.url, query(cursors[list as keyof typeof cursors]));
      expect(own.errors, list).toBeUndefined();
      // ...every other list's is refused.
      for (const [other, cursor] of Object.entries(cursors).filter(([name]) => name !== list)) {
        const res = await postGraphQL(server.url, query(cursor));
        expect(res.errors?.[0]?.extensions, `${other} cursor on ${list}`).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
      }
    }
    // The root claims and an asset's claims are one list in one order: their cursors are interchangeable.
    const rootClaims = await postGraphQL(server.url, `{ claims(first: 1, after: "${cursors.claims}") { edges { cursor } } }`);
    expect(rootClaims.errors).toBeUndefined();
  });
});

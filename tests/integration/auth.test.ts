import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ArticlesPageDocument, IngestArticleDocument, RetractClaimDocument } from "../__generated__/graphql.js";
import { sampleArticle } from "../fixtures/articles.js";
import { graphCounts } from "../support/graph-counts.js";
import { uniqueTag } from "../support/ids.js";
import { EDITOR_TOKEN, startTestServer, type TestServer } from "../support/server.js";

const JWT_SECRET = "a-test-secret-that-is-long-enough-for-hs256";
let server: TestServer;

function jwt(roles: string[]): Promise<string> {
  return new SignJWT({ roles })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject("someone@example.com")
    .setIssuedAt()
    .setExpirationTime("5m")
    .sign(new TextEncoder().encode(JWT_SECRET));
}

beforeAll(async () => {
  server = await startTestServer({ JWT_SECRET });
});
afterAll(async () => {
  await server.close();
});

describe("writes need an editor", () => {
  it("answers UNAUTHENTICATED without a token and writes nothing", async () => {
    const before = await graphCounts(server.driver);
    const res = await server.request(IngestArticleDocument, { input: sampleArticle(uniqueTag()) });
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.errors?.[0]?.message).toContain("Authorization: Bearer");
    expect(await graphCounts(server.driver)).toEqual(before);
  });

  it("answers 401 UNAUTHENTICATED for a token it does not know, even on reads", async () => {
    const options = { token: "not-a-real-token" };
    const write = await server.request(IngestArticleDocument, { input: sampleArticle(uniqueTag()) }, options);
    const read = await server.request(ArticlesPageDocument, { first: 1 }, options);
    for (const res of [write, read]) {
      expect(res.status).toBe(401);
      expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(res.headers.get("www-authenticate")).toContain("Bearer");
    }
  });

  it("answers FORBIDDEN to a valid reader token", async () => {
    const before = await graphCounts(server.driver);
    const token = await jwt(["reader"]);
    const res = await server.request(IngestArticleDocument, { input: sampleArticle(uniqueTag()) }, { token });
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const retract = await server.request(
      RetractClaimDocument,
      { id: Buffer.from("Claim:x").toString("base64url"), reason: "r" },
      { token },
    );
    expect(retract.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await graphCounts(server.driver)).toEqual(before);
  });

  it("lets an editor write with an API key or a JWT", async () => {
    const byKey = await server.request(IngestArticleDocument, { input: sampleArticle(uniqueTag()) }, { token: EDITOR_TOKEN });
    expect(byKey.data?.ingestArticle.created).toBe(true);
    const byJwt = await server.request(IngestArticleDocument, { input: sampleArticle(uniqueTag()) }, { token: await jwt(["editor"]) });
    expect(byJwt.data?.ingestArticle.created).toBe(true);
  });

  it("keeps reads public", async () => {
    const res = await server.request(ArticlesPageDocument, { first: 1 });
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    expect(res.data!.articles.totalCount).toBeGreaterThan(0);
  });
});

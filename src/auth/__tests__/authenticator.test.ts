import { createHash } from "node:crypto";
import { ApolloServer, HeaderMap } from "@apollo/server";
import { buildSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { ForbiddenError, UnauthenticatedError } from "../../errors.js";
import { useErrorMasking } from "../../plugins/error-masking.js";
import { createApiKeyVerifier } from "../api-keys.js";
import { createAuthenticator } from "../authenticator.js";
import { ANONYMOUS, isEditor, requireEditor, type Viewer } from "../viewer.js";
import { authConfig, caught, expectUnauthenticated, KEYS } from "./auth-fixtures.js";

describe("requireEditor", () => {
  it("asks anonymous callers to sign in, naming the operation", async () => {
    const error = await caught(() => requireEditor(ANONYMOUS, "ingestArticle"));
    expect(error).toBeInstanceOf(UnauthenticatedError);
    expect(error.extensions["code"]).toBe("UNAUTHENTICATED");
    expect(error.message).toBe("ingestArticle needs an editor: send Authorization: Bearer <token>");
  });

  it("forbids authenticated callers without the editor role", async () => {
    const reader: Viewer = { subject: "user-1", roles: ["reader"], via: "jwt" };
    const error = await caught(() => requireEditor(reader, "ingestArticle"));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error.extensions["code"]).toBe("FORBIDDEN");
    expect(error.message).toContain("ingestArticle needs the editor role");
  });

  it("lets editors through", () => {
    const editor: Viewer = { subject: "user-2", roles: ["reader", "editor"], via: "jwt" };
    expect(isEditor(editor)).toBe(true);
    expect(() => requireEditor(editor)).not.toThrow();
    expect(isEditor(ANONYMOUS)).toBe(false);
  });
});

describe("Authorization header", () => {
  const auth = createAuthenticator(authConfig({ editorTokens: KEYS }));

  it("is optional: no header, or an empty one, reads anonymously", async () => {
    expect(await auth.authenticate(undefined)).toBe(ANONYMOUS);
    expect(await auth.authenticate("")).toBe(ANONYMOUS);
    expect(ANONYMOUS).toEqual({ subject: null, roles: [], via: "anonymous" });
  });

  it.each(["Token abc", "Bearer", "Bearer ", "Bearer a b", "Basic dXNlcjpwYXNz", "abc"])(
    "rejects the malformed header %j with the expected form",
    async (header) => {
      const error = await expectUnauthenticated(() => auth.authenticate(header), /expected "Bearer <token>"/);
      expect(error.extensions["http"]).toMatchObject({
        headers: new Map([["www-authenticate", 'Bearer error="invalid_request"']]),
      });
    },
  );

  it("takes the scheme in any case, as HTTP does", async () => {
    expect((await auth.authenticate(`bearer ${KEYS[0]}`)).via).toBe("api-key");
  });

  it("rejects every token when no editor credentials are configured", async () => {
    const bare = createAuthenticator(authConfig());
    expect(await bare.authenticate(undefined)).toBe(ANONYMOUS);
    await expectUnauthenticated(() => bare.authenticate(`Bearer ${KEYS[0]}`), /no editor credentials configured/);
  });
});

describe("API keys", () => {
  const auth = createAuthenticator(authConfig({ editorTokens: KEYS }));

  it("accepts a configured key as an editor, named by a digest prefix and never by the key", async () => {
    const viewer = await auth.authenticate(`Bearer ${KEYS[1]}`);
    const digest = createHash("sha256").update(KEYS[1]!).digest("hex");
    expect(viewer).toEqual({ subject: `api-key:${digest.slice(0, 8)}`, roles: ["editor"], via: "api-key" });
    expect(isEditor(viewer)).toBe(true);
    expect(JSON.stringify(viewer)).not.toContain(KEYS[1]);
  });

  it("rejects an unknown key, a near miss and a prefix without saying which check failed", async () => {
    for (const token of ["not-a-key", `${KEYS[0]}x`, KEYS[0]!.slice(0, -1), KEYS[0]!.toUpperCase()]) {
      const error = await expectUnauthenticated(() => auth.authenticate(`Bearer ${token}`));
      expect(error.message).toBe("Invalid or expired token");
      expect(error.extensions["http"]).toMatchObject({
        headers: new Map([["www-authenticate", 'Bearer error="invalid_token"']]),
      });
    }
  });

  it("gives the same answer whatever the order of the configured keys", () => {
    const forward = createApiKeyVerifier(KEYS);
    const reversed = createApiKeyVerifier([...KEYS].reverse());
    const rotated = createApiKeyVerifier([KEYS[1]!, KEYS[2]!, KEYS[0]!]);
    for (const key of KEYS) {
      const expected = forward.verify(key);
      expect(expected?.via).toBe("api-key");
      expect(reversed.verify(key)).toEqual(expected);
      expect(rotated.verify(key)).toEqual(expected);
    }
    for (const verifier of [forward, reversed, rotated]) expect(verifier.verify("nope")).toBeNull();
  });

  it("ignores empty entries rather than accepting an empty token", () => {
    const verifier = createApiKeyVerifier(["", KEYS[0]!]);
    expect(verifier.size).toBe(1);
    expect(verifier.verify("")).toBeNull();
  });
});

describe("a rejected header in an Apollo context", () => {
  it("is answered with HTTP 401, WWW-Authenticate and code UNAUTHENTICATED", async () => {
    const auth = createAuthenticator(authConfig({ editorTokens: KEYS }));
    const apollo = new ApolloServer<{ viewer: Viewer }>({
      schema: buildSchema("type Query { ping: String }"),
      rootValue: { ping: () => "pong" },
      formatError: useErrorMasking({ hideSuggestions: false }).formatError,
    });
    await apollo.start();
    try {
      const request = (authorization: string) =>
        apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: {
            method: "POST",
            headers: new HeaderMap([["content-type", "application/json"]]),
            search: "",
            body: { query: "{ ping }" },
          },
          context: async () => ({ viewer: await auth.authenticate(authorization) }),
        });
      const response = await request("Bearer not-a-key");
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');
      const body = response.body.kind === "complete" ? JSON.parse(response.body.string) : undefined;
      expect(body).toEqual({ errors: [{ message: "Invalid or expired token", extensions: { code: "UNAUTHENTICATED" } }] });

      const accepted = await request(`Bearer ${KEYS[0]}`);
      expect(accepted.status ?? 200).toBe(200);
    } finally {
      await apollo.stop();
    }
  });
});

import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, HeaderMap } from "@apollo/server";
import { buildSchema } from "graphql";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Config } from "../../config.js";
import { ForbiddenError, UnauthenticatedError } from "../../errors.js";
import { maskError } from "../../plugins/error-masking.js";
import { createApiKeyVerifier } from "../api-keys.js";
import { createAuthenticator } from "../authenticator.js";
import { JwksUnavailableError } from "../jwt.js";
import { ANONYMOUS, isEditor, requireEditor, type Viewer } from "../viewer.js";

const SECRET = "a-shared-secret-of-at-least-32-characters";
const KEYS = ["alpha-editor-key-0001", "bravo-editor-key-0002", "charlie-editor-key-0003"];

function authConfig(overrides: Partial<Config["auth"]> = {}): Config["auth"] {
  return { editorTokens: [], jwtSecret: undefined, jwksUrl: undefined, ...overrides };
}

/** Runs `action` and returns what it threw, failing the test when it did not throw. */
async function caught(action: () => unknown): Promise<Error & { extensions: Record<string, unknown> }> {
  try {
    await action();
  } catch (error) {
    return error as Error & { extensions: Record<string, unknown> };
  }
  throw new Error("expected a rejection, but the call succeeded");
}

async function expectUnauthenticated(action: () => unknown, message?: string | RegExp) {
  const error = await caught(action);
  expect(error).toBeInstanceOf(UnauthenticatedError);
  expect(error.extensions["code"]).toBe("UNAUTHENTICATED");
  expect(error.extensions["http"]).toMatchObject({ status: 401 });
  if (message !== undefined) expect(error.message).toMatch(message);
  return error;
}

const seconds = () => Math.floor(Date.now() / 1000);

function hs256(claims: JWTPayload, { secret = SECRET, expiresIn = "5m" as string | number | null } = {}) {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).setIssuedAt();
  if (expiresIn !== null) jwt.setExpirationTime(expiresIn);
  return jwt.sign(new TextEncoder().encode(secret));
}

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

describe("JWT with a shared secret (HS256)", () => {
  const auth = createAuthenticator(authConfig({ jwtSecret: SECRET, editorTokens: [KEYS[0]!] }));

  it("makes a token with roles [editor] an editor, named by its sub", async () => {
    const viewer = await auth.authenticate(`Bearer ${await hs256({ sub: "alice", roles: ["editor"] })}`);
    expect(viewer).toEqual({ subject: "alice", roles: ["editor"], via: "jwt" });
    expect(isEditor(viewer)).toBe(true);
    expect(() => requireEditor(viewer, "ingestArticle")).not.toThrow();
  });

  it("authenticates a reader, who is then forbidden to write", async () => {
    const viewer = await auth.authenticate(`Bearer ${await hs256({ sub: "bob", roles: ["reader"] })}`);
    expect(viewer).toEqual({ subject: "bob", roles: ["reader"], via: "jwt" });
    const error = await caught(() => requireEditor(viewer, "ingestArticle"));
    expect(error.extensions["code"]).toBe("FORBIDDEN");
  });

  it("treats a roles claim that is not an array of strings as no roles", async () => {
    for (const roles of ["editor", ["editor", 1], { editor: true }]) {
      const viewer = await auth.authenticate(`Bearer ${await hs256({ sub: "carol", roles })}`);
      expect(viewer).toEqual({ subject: "carol", roles: [], via: "jwt" });
    }
  });

  it("rejects an expired token, but tolerates a few seconds of clock skew", async () => {
    const expired = await hs256({ sub: "dave", roles: ["editor"] }, { expiresIn: seconds() - 120 });
    await expectUnauthenticated(() => auth.authenticate(`Bearer ${expired}`), /^Invalid or expired token$/);
    const justExpired = await hs256({ sub: "dave", roles: ["editor"] }, { expiresIn: seconds() - 5 });
    expect((await auth.authenticate(`Bearer ${justExpired}`)).subject).toBe("dave");
  });

  it("rejects a token that is not valid yet", async () => {
    const token = await new SignJWT({ roles: ["editor"] })
      .setProtectedHeader({ alg: "HS256" })
      .setNotBefore(seconds() + 600)
      .setExpirationTime("20m")
      .sign(new TextEncoder().encode(SECRET));
    await expectUnauthenticated(() => auth.authenticate(`Bearer ${token}`), /^Invalid or expired token$/);
  });

  it("rejects a token without exp, which would never lapse", async () => {
    const token = await hs256({ sub: "erin", roles: ["editor"] }, { expiresIn: null });
    await expectUnauthenticated(() => auth.authenticate(`Bearer ${token}`), /^Invalid or expired token$/);
  });

  it("rejects a token signed with another secret", async () => {
    const token = await hs256({ sub: "mallory", roles: ["editor"] }, { secret: "some-other-secret-also-32-characters-long" });
    await expectUnauthenticated(() => auth.authenticate(`Bearer ${token}`), /^Invalid or expired token$/);
  });

  it("rejects an unsigned (alg none) token and a tampered payload", async () => {
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const exp = seconds() + 300;
    const unsigned = `${encode({ alg: "none" })}.${encode({ sub: "mallory", roles: ["editor"], exp })}.`;
    await expectUnauthenticated(() => auth.authenticate(`Bearer ${unsigned}`), /^Invalid or expired token$/);

    const [header, , signature] = (await hs256({ sub: "mallory", roles: ["reader"] })).split(".");
    const tampered = `${header}.${encode({ sub: "mallory", roles: ["editor"], exp })}.${signature}`;
    await expectUnauthenticated(() => auth.authenticate(`Bearer ${tampered}`), /^Invalid or expired token$/);
  });

  it("still accepts the configured API keys next to JWTs", async () => {
    expect((await auth.authenticate(`Bearer ${KEYS[0]}`)).via).toBe("api-key");
  });

  it("rejects JWTs when only API keys are configured", async () => {
    const keysOnly = createAuthenticator(authConfig({ editorTokens: KEYS }));
    const token = await hs256({ sub: "alice", roles: ["editor"] });
    await expectUnauthenticated(() => keysOnly.authenticate(`Bearer ${token}`), /^Invalid or expired token$/);
  });
});

describe("JWT from an identity provider (JWKS)", () => {
  let server: http.Server;
  let jwksUrl: string;
  let jwksRequests = 0;
  let signingKey: CryptoKey;
  let strangerKey: CryptoKey;

  beforeAll(async () => {
    const pair = await generateKeyPair("RS256");
    signingKey = pair.privateKey;
    strangerKey = (await generateKeyPair("RS256")).privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: "key-1", alg: "RS256", use: "sig" };
    const body = JSON.stringify({ keys: [jwk] });
    server = http.createServer((_req, res) => {
      jwksRequests += 1;
      res.writeHead(200, { "content-type": "application/json" }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  });

  const rs256 = (claims: JWTPayload, kid = "key-1", key = signingKey) =>
    new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid }).setIssuedAt().setExpirationTime("5m").sign(key);

  it("makes a token with roles [editor] an editor, fetching the key set once", async () => {
    const auth = createAuthenticator(authConfig({ jwksUrl }));
    const before = jwksRequests;
    const viewer = await auth.authenticate(`Bearer ${await rs256({ sub: "idp|alice", roles: ["editor"] })}`);
    expect(viewer).toEqual({ subject: "idp|alice", roles: ["editor"], via: "jwt" });
    await auth.authenticate(`Bearer ${await rs256({ sub: "idp|alice", roles: ["editor"] })}`);
    expect(jwksRequests - before).toBe(1);
  });

  it("authenticates a reader, who is then forbidden to write", async () => {
    const auth = createAuthenticator(authConfig({ jwksUrl }));
    const viewer = await auth.authenticate(`Bearer ${await rs256({ sub: "idp|bob", roles: ["reader"] })}`);
    expect(viewer).toEqual({ subject: "idp|bob", roles: ["reader"], via: "jwt" });
    const error = await caught(() => requireEditor(viewer, "ingestArticle"));
    expect(error.extensions["code"]).toBe("FORBIDDEN");
  });

  it("rejects a token whose kid is not in the key set", async () => {
    const auth = createAuthenticator(authConfig({ jwksUrl }));
    const token = await rs256({ sub: "idp|mallory", roles: ["editor"] }, "key-2", strangerKey);
    await expectUnauthenticated(() => auth.authenticate(`Bearer ${token}`), /^Invalid or expired token$/);
  });

  it("rejects a token signed by another key under a known kid", async () => {
    const auth = createAuthenticator(authConfig({ jwksUrl }));
    const token = await rs256({ sub: "idp|mallory", roles: ["editor"] }, "key-1", strangerKey);
    await expectUnauthenticated(() => auth.authenticate(`Bearer ${token}`), /^Invalid or expired token$/);
  });

  it("does not accept HS256 tokens when only a JWKS is configured", async () => {
    const auth = createAuthenticator(authConfig({ jwksUrl }));
    const token = await hs256({ sub: "mallory", roles: ["editor"] });
    await expectUnauthenticated(() => auth.authenticate(`Bearer ${token}`), /^Invalid or expired token$/);
  });

  it("picks the key source by alg when both a secret and a JWKS are configured", async () => {
    const auth = createAuthenticator(authConfig({ jwksUrl, jwtSecret: SECRET }));
    const viaJwks = await auth.authenticate(`Bearer ${await rs256({ sub: "idp|alice", roles: ["editor"] })}`);
    const viaSecret = await auth.authenticate(`Bearer ${await hs256({ sub: "local|alice", roles: ["editor"] })}`);
    expect([viaJwks.subject, viaSecret.subject]).toEqual(["idp|alice", "local|alice"]);
  });

  it("reports an unreachable key set as a server failure, not as a bad token", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/jwks.json`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const auth = createAuthenticator(authConfig({ jwksUrl: url }));
    const error = await caught(async () =>
      auth.authenticate(`Bearer ${await rs256({ sub: "idp|alice", roles: ["editor"] })}`),
    );
    expect(error).toBeInstanceOf(JwksUnavailableError);
    expect(error).not.toBeInstanceOf(UnauthenticatedError);
  });
});

describe("a rejected header in an Apollo context", () => {
  it("is answered with HTTP 401, WWW-Authenticate and code UNAUTHENTICATED", async () => {
    const auth = createAuthenticator(authConfig({ editorTokens: KEYS }));
    const apollo = new ApolloServer<{ viewer: Viewer }>({
      schema: buildSchema("type Query { ping: String }"),
      rootValue: { ping: () => "pong" },
      formatError: maskError,
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

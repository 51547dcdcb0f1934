import http from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UnauthenticatedError } from "../../errors.js";
import { createAuthenticator } from "../authenticator.js";
import { JwksUnavailableError } from "../jwt.js";
import { isEditor, requireEditor } from "../viewer.js";
import { authConfig, caught, expectUnauthenticated, hs256, KEYS, seconds, SECRET } from "./auth-fixtures.js";

describe("JWT with a shared secret (HS256)", () => {
  const auth = createAuthenticator(authConfig({ jwtSecret: SECRET, editorTokens: [KEYS[0]!] }));

  it("makes a token with roles [editor] an editor, named by its sub", async () => {
    const viewer = await auth.authenticate(`Bearer ${await hs256({ sub: "alice", roles: ["editor"] })}`);
    expect(viewer).toEqual({ subject: "alice", roles: ["editor"], via: "jwt", expiresAt: expect.any(Number) });
    expect(isEditor(viewer)).toBe(true);
    expect(() => requireEditor(viewer, "ingestArticle")).not.toThrow();
  });

  it("authenticates a reader, who is then forbidden to write", async () => {
    const viewer = await auth.authenticate(`Bearer ${await hs256({ sub: "bob", roles: ["reader"] })}`);
    expect(viewer).toEqual({ subject: "bob", roles: ["reader"], via: "jwt", expiresAt: expect.any(Number) });
    const error = await caught(() => requireEditor(viewer, "ingestArticle"));
    expect(error.extensions["code"]).toBe("FORBIDDEN");
  });

  it("treats a roles claim that is not an array of strings as no roles", async () => {
    for (const roles of ["editor", ["editor", 1], { editor: true }]) {
      const viewer = await auth.authenticate(`Bearer ${await hs256({ sub: "carol", roles })}`);
      expect(viewer).toEqual({ subject: "carol", roles: [], via: "jwt", expiresAt: expect.any(Number) });
    }
  });

  it("says when the token stops being accepted: its exp plus the clock tolerance", async () => {
    const exp = seconds() + 60;
    const viewer = await auth.authenticate(`Bearer ${await hs256({ sub: "erin", roles: ["editor"] }, { expiresIn: exp })}`);
    expect(viewer.expiresAt).toBe((exp + 30) * 1000);
    const strict = createAuthenticator(authConfig({ jwtSecret: SECRET, jwtClockToleranceSeconds: 0 }));
    expect((await strict.authenticate(`Bearer ${await hs256({ sub: "erin" }, { expiresIn: exp })}`)).expiresAt).toBe(exp * 1000);
    await expectUnauthenticated(async () => strict.authenticate(`Bearer ${await hs256({ sub: "erin" }, { expiresIn: seconds() - 5 })}`));
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

describe("JWT audience and issuer", () => {
  const auth = createAuthenticator(authConfig({ jwtSecret: SECRET, jwtAudience: "market-graph", jwtIssuer: "https://id.example.com/" }));

  it("accepts a token for this audience from this issuer", async () => {
    const token = await hs256({ sub: "alice", roles: ["editor"], aud: ["other", "market-graph"], iss: "https://id.example.com/" });
    expect((await auth.authenticate(`Bearer ${token}`)).subject).toBe("alice");
  });

  it("rejects a token for another audience, from another issuer, or naming neither", async () => {
    for (const claims of [
      { aud: "other", iss: "https://id.example.com/" },
      { aud: "market-graph", iss: "https://evil.example.com/" },
      { aud: "market-graph" },
      { iss: "https://id.example.com/" },
    ]) {
      const token = await hs256({ sub: "mallory", roles: ["editor"], ...claims });
      await expectUnauthenticated(() => auth.authenticate(`Bearer ${token}`), /^Invalid or expired token$/);
    }
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
    expect(viewer).toEqual({ subject: "idp|alice", roles: ["editor"], via: "jwt", expiresAt: expect.any(Number) });
    await auth.authenticate(`Bearer ${await rs256({ sub: "idp|alice", roles: ["editor"] })}`);
    expect(jwksRequests - before).toBe(1);
  });

  it("authenticates a reader, who is then forbidden to write", async () => {
    const auth = createAuthenticator(authConfig({ jwksUrl }));
    const viewer = await auth.authenticate(`Bearer ${await rs256({ sub: "idp|bob", roles: ["reader"] })}`);
    expect(viewer).toEqual({ subject: "idp|bob", roles: ["reader"], via: "jwt", expiresAt: expect.any(Number) });
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
    const error = await caught(async () => auth.authenticate(`Bearer ${await rs256({ sub: "idp|alice", roles: ["editor"] })}`));
    expect(error).toBeInstanceOf(JwksUnavailableError);
    expect(error).not.toBeInstanceOf(UnauthenticatedError);
  });
});

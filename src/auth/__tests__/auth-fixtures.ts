import type { JWTPayload } from "jose";
import { SignJWT } from "jose";
import { expect } from "vitest";
import type { Config } from "../../config.js";
import { UnauthenticatedError } from "../../errors.js";

export const SECRET = "a-shared-secret-of-at-least-32-characters";
export const KEYS = ["alpha-editor-key-0001", "bravo-editor-key-0002", "charlie-editor-key-0003"];

export function authConfig(overrides: Partial<Config["auth"]> = {}): Config["auth"] {
  return {
    editorTokens: [],
    jwtSecret: undefined,
    jwksUrl: undefined,
    jwtAudience: undefined,
    jwtIssuer: undefined,
    jwtClockToleranceSeconds: 30,
    ...overrides,
  };
}

/** Runs `action` and returns what it threw, failing the test when it did not throw. */
export async function caught(action: () => unknown): Promise<Error & { extensions: Record<string, unknown> }> {
  try {
    await action();
  } catch (error) {
    return error as Error & { extensions: Record<string, unknown> };
  }
  throw new Error("expected a rejection, but the call succeeded");
}

export async function expectUnauthenticated(action: () => unknown, message?: string | RegExp) {
  const error = await caught(action);
  expect(error).toBeInstanceOf(UnauthenticatedError);
  expect(error.extensions["code"]).toBe("UNAUTHENTICATED");
  expect(error.extensions["http"]).toMatchObject({ status: 401 });
  if (message !== undefined) expect(error.message).toMatch(message);
  return error;
}

export const seconds = () => Math.floor(Date.now() / 1000);

export function hs256(claims: JWTPayload, { secret = SECRET, expiresIn = "5m" as string | number | null } = {}) {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).setIssuedAt();
  if (expiresIn !== null) jwt.setExpirationTime(expiresIn);
  return jwt.sign(new TextEncoder().encode(secret));
}

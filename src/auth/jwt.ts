import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
  type JWTVerifyOptions,
} from "jose";
import type { Viewer } from "./viewer.js";

/** Default leeway for exp/nbf, so a few seconds of clock skew with the token issuer do not reject tokens. */
const CLOCK_TOLERANCE_SECONDS = 30;

const SECRET_ALGORITHMS = ["HS256"];
// Asymmetric only: a JWKS never legitimately holds shared secrets, and listing them explicitly
// keeps a token from choosing an algorithm the key set was not meant for.
const JWKS_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA", "Ed25519"];

// jose errors that mean "this token is not acceptable". Anything else (JWKS endpoint down,
// timing out, answering garbage) is a server-side failure and must not pass for a bad token.
const TOKEN_REJECTIONS = new Set<string>([
  errors.JWTExpired.code,
  errors.JWTClaimValidationFailed.code,
  errors.JWTInvalid.code,
  errors.JWSInvalid.code,
  errors.JWSSignatureVerificationFailed.code,
  errors.JOSEAlgNotAllowed.code,
  errors.JOSENotSupported.code,
  errors.JWKSNoMatchingKey.code,
  errors.JWKSMultipleMatchingKeys.code,
]);

/** The JWKS could not be loaded, so no JWT signed by the identity provider can be checked. */
export class JwksUnavailableError extends Error {
  override name = "JwksUnavailableError";
}

/** Where JWT signing keys come from; either, both or neither may be set. */
export interface JwtVerifierOptions {
  /** HS256 shared secret. */
  readonly secret?: string | undefined;
  /** URL of the identity provider's JSON Web Key Set. */
  readonly jwksUrl?: string | undefined;
  /** When set, a token's `aud` must include it. */
  readonly audience?: string | undefined;
  /** When set, a token's `iss` must equal it. */
  readonly issuer?: string | undefined;
  /** Leeway on `exp` and `nbf` in seconds (default 30). */
  readonly clockToleranceSeconds?: number | undefined;
}

/** Verifies JWTs and turns their claims into a viewer. */
export interface JwtVerifier {
  /**
   * The viewer for a valid token, or null for any token that fails verification (bad
   * signature, expired, wrong algorithm, unknown key). Throws JwksUnavailableError when the
   * key set cannot be fetched.
   */
  verify(token: string): Promise<Viewer | null>;
}

function isRejection(error: unknown): boolean {
  return error instanceof errors.JOSEError && TOKEN_REJECTIONS.has(error.code);
}

/** `roles` must be an array of strings; anything else grants nothing rather than failing. */
function rolesOf(payload: JWTPayload): readonly string[] {
  const roles = payload["roles"];
  return Array.isArray(roles) && roles.every((role) => typeof role === "string") ? Object.freeze([...roles]) : [];
}

function algorithmOf(token: string): string | undefined {
  try {
    const { alg } = decodeProtectedHeader(token);
    return typeof alg === "string" ? alg : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Builds a verifier from whichever of secret and JWKS URL are set; null when neither is.
 * With both, the token's `alg` header picks the key: HS* tokens are checked against the
 * secret, everything else against the JWKS, so neither key source can be used for the
 * other's algorithms.
 */
export function createJwtVerifier(options: JwtVerifierOptions): JwtVerifier | null {
  const secret = options.secret ? new TextEncoder().encode(options.secret) : undefined;
  const jwks = options.jwksUrl ? createRemoteJWKSet(new URL(options.jwksUrl)) : undefined;
  if (!secret && !jwks) return null;

  // A JWT without exp would be an editor credential that never lapses; long-lived access is
  // what API keys are for.
  const tolerance = options.clockToleranceSeconds ?? CLOCK_TOLERANCE_SECONDS;
  const common: JWTVerifyOptions = {
    clockTolerance: tolerance,
    requiredClaims: ["exp"],
    ...(options.audience ? { audience: options.audience } : {}),
    ...(options.issuer ? { issuer: options.issuer } : {}),
  };

  async function verifyWithSecret(token: string, key: Uint8Array): Promise<JWTPayload | null> {
    try {
      return (await jwtVerify(token, key, { ...common, algorithms: SECRET_ALGORITHMS })).payload;
    } catch {
      // Checking against a local secret has no outside dependency, so every failure is the
      // token's; answering 401 beats a 500 for some input jose reports in an unusual way.
      return null;
    }
  }

  async function verifyWithJwks(token: string, keys: JWTVerifyGetKey): Promise<JWTPayload | null> {
    try {
      return (await jwtVerify(token, keys, { ...common, algorithms: JWKS_ALGORITHMS })).payload;
    } catch (error) {
      if (isRejection(error)) return null;
      throw new JwksUnavailableError(`Could not load the JSON Web Key Set from ${options.jwksUrl}`, { cause: error });
    }
  }

  return {
    async verify(token) {
      const alg = algorithmOf(token);
      if (alg === undefined) return null;
      const payload = alg.startsWith("HS")
        ? secret && (await verifyWithSecret(token, secret))
        : jwks && (await verifyWithJwks(token, jwks));
      if (!payload) return null;
      return {
        subject: typeof payload.sub === "string" ? payload.sub : null,
        roles: rolesOf(payload),
        via: "jwt",
        // exp is required, so always a number here.
        expiresAt: ((payload.exp ?? 0) + tolerance) * 1000,
      };
    },
  };
}

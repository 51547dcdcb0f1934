import type { Config } from "../config.js";
import { createApiKeyVerifier } from "./api-keys.js";
import { readBearerToken } from "./bearer.js";
import { BearerRejectedError } from "./errors.js";
import { createJwtVerifier } from "./jwt.js";
import { ANONYMOUS, type Viewer } from "./viewer.js";

// Three base64url segments; the signature may not be empty, so unsigned ("alg": "none")
// tokens are never even attempted as JWTs.
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** Turns the Authorization header of a request into a viewer. */
export interface Authenticator {
  /**
   * ANONYMOUS without a header; the editor or other authenticated viewer for a valid token.
   * Throws UnauthenticatedError (HTTP 401) for a malformed header or a token that is not
   * accepted, and JwksUnavailableError when the identity provider's keys cannot be fetched.
   */
  authenticate(authorizationHeader: string | undefined): Promise<Viewer>;
}

/**
 * Builds the authenticator once at start-up: API keys are hashed and the JWKS client (with
 * its key cache) is created here, not per request.
 */
export function createAuthenticator(auth: Config["auth"]): Authenticator {
  const apiKeys = createApiKeyVerifier(auth.editorTokens);
  const jwt = createJwtVerifier({
    secret: auth.jwtSecret,
    jwksUrl: auth.jwksUrl,
    audience: auth.jwtAudience,
    issuer: auth.jwtIssuer,
    clockToleranceSeconds: auth.jwtClockToleranceSeconds,
  });
  const configured = apiKeys.size > 0 || jwt !== null;

  return {
    async authenticate(authorizationHeader) {
      const token = readBearerToken(authorizationHeader);
      if (token === null) return ANONYMOUS;
      if (!configured) {
        throw new BearerRejectedError(
          "This server has no editor credentials configured, so it accepts no bearer tokens; omit the " + "Authorization header to read",
          "invalid_token",
        );
      }
      // API keys are checked after a failed JWT too: the check is cheap, and an operator's key
      // that happens to contain two dots must still work.
      const viewer = (jwt && JWT_SHAPE.test(token) ? await jwt.verify(token) : null) ?? apiKeys.verify(token);
      // One message for every failure, so a caller cannot probe which check a token failed.
      if (!viewer) throw new BearerRejectedError("Invalid or expired token", "invalid_token");
      return viewer;
    },
  };
}

import { BearerRejectedError } from "./errors.js";

// Looser than RFC 6750's b64token on purpose: configured API keys may use any printable
// characters, and a key the header syntax refused could never be presented.
const BEARER = /^Bearer +(\S+)$/i;

/**
 * The token of an `Authorization: Bearer <token>` header; null when the header is absent or
 * empty (clients commonly send an empty value when they have no token). Any other shape is
 * rejected rather than ignored, so a client with a broken header learns it is not signed in.
 */
export function readBearerToken(header: string | undefined): string | null {
  const value = header?.trim();
  if (!value) return null;
  const match = BEARER.exec(value);
  if (!match?.[1]) {
    throw new BearerRejectedError(
      'Malformed Authorization header: expected "Bearer <token>", or no header at all to read anonymously',
      "invalid_request",
    );
  }
  return match[1];
}

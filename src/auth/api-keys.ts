import { createHash, timingSafeEqual } from "node:crypto";
import { EDITOR_ROLE, type Viewer } from "./viewer.js";

/** Checks presented bearer tokens against the configured editor API keys. */
export interface ApiKeyVerifier {
  /** How many keys are configured; zero means API keys are off. */
  readonly size: number;
  /** The editor viewer for a configured key, or null. */
  verify(token: string): Viewer | null;
}

function digest(token: string): Buffer {
  return createHash("sha256").update(token, "utf8").digest();
}

/**
 * Hashes the configured keys once; only the digests are kept, so a heap dump or a stray log
 * of this object does not leak a usable key. Comparing fixed-length digests also means
 * timingSafeEqual never sees inputs of different lengths.
 */
export function createApiKeyVerifier(tokens: readonly string[]): ApiKeyVerifier {
  const digests: readonly Buffer[] = tokens.filter((token) => token.length > 0).map(digest);
  return {
    size: digests.length,
    verify(token) {
      const presented = digest(token);
      let matched = false;
      // Every digest is compared, with no early exit, so the time taken does not tell an
      // attacker whether, or at which position, a key matched.
      for (const stored of digests) {
        matched = timingSafeEqual(stored, presented) || matched;
      }
      if (!matched) return null;
      // The presented digest equals the matching stored one, so the subject can be derived
      // from it without knowing which entry matched.
      return { subject: `api-key:${presented.toString("hex").slice(0, 8)}`, roles: [EDITOR_ROLE], via: "api-key" };
    },
  };
}

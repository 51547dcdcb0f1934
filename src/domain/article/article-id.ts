import { createHash } from "node:crypto";

/** The article's internal id: derived from its canonical URL, so concurrent ingests agree on it. */
export function articleUid(canonical: string): string {
  return createHash("sha256").update(canonical).digest("hex").slice(0, 24);
}

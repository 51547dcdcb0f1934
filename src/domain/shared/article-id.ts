import { createHash } from "node:crypto";

/** The article's internal id: derived from its canonical URL, so concurrent ingests agree on it. */
export function articleUid(canonical: string): string {
  return createHash("sha256").update(canonical).digest("hex").slice(0, 24);
}

/** A claim's internal id: its article's id and its key, so each claim has one article. */
export function claimUid(articleId: string, key: string): string {
  return `${articleId}:${key}`;
}

/** The id of the article a claim id belongs to (the part before the first colon; article ids are hex). */
export function articleUidOfClaim(claimId: string): string {
  return claimId.slice(0, claimId.indexOf(":"));
}

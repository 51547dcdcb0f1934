import { createHash } from "node:crypto";

/** Text as it is compared: Unicode NFC, whitespace runs as one space, no surrounding whitespace. */
function comparableText(text: string): string {
  return text.normalize("NFC").replace(/\s+/gu, " ").trim();
}

/** A value in canonical form: strings comparable, object keys sorted, lists sorted (their order carries no meaning). */
function canonical(value: unknown): unknown {
  if (typeof value === "string") return comparableText(value);
  if (Array.isArray(value)) {
    return value
      .map(canonical)
      .map((item) => [JSON.stringify(item), item] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, item]) => item);
  }
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/**
 * The version identity of an article's content: SHA-256 of its canonical form. Reordering
 * lists, whitespace and anything the normaliser already folded (tag case, "www.", key case)
 * do not change it; any change of meaning does.
 */
export function contentHash(content: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify(canonical(content)))
    .digest("hex");
}

/** A short hash of a value's canonical form, for keys derived from content. */
export function shortContentHash(content: unknown): string {
  return contentHash(content).slice(0, 16);
}

import { randomBytes } from "node:crypto";

/** A short random tag that keeps one test's data apart from every other test's. */
export function uniqueTag(prefix = "t"): string {
  return `${prefix}${randomBytes(5).toString("hex")}`;
}

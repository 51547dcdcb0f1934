import { canonicalDomain } from "./domain-name.js";
import { parseDateTime } from "../graphql/date-time.scalar.js";
import { canonicalUrl } from "./canonical-url.js";
import type { Problems } from "./problems.js";
import { characterCount } from "../text/characters.js";
import { canonicalTag, MAX_TAG_LENGTH } from "./tag.js";

/**
 * Control characters that are never text: C0 other than tab, line breaks and form feed (NUL,
 * BEL, ESC, …) and DEL. C1 characters are left alone: scraped text that was decoded twice
 * holds them, and that is a fault of the text, not of the request.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it finds
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F]/;

/** What a reader cannot see: white space and format characters (zero-width space and joiners, BOM). */
const INVISIBLE = /[\p{White_Space}\p{Cf}]/gu;

/** Field readers: each normalises one value, records a problem when it is bad, and returns a usable value. */
export class FieldReader {
  constructor(private readonly problems: Problems) {}

  /**
   * Non-empty text of at most `max` characters (code points), trimmed; text with nothing to see
   * (only spaces and invisible format characters such as U+200B), unpaired surrogates and control
   * characters are problems.
   */
  text(value: unknown, field: string, max: number): string {
    const text = typeof value === "string" ? value.trim() : "";
    if (!text.replace(INVISIBLE, "")) this.problems.add(field, "must not be empty");
    else this.#checkText(text, field, max);
    return text;
  }

  /** Like text, but absent (null) when there is nothing to see. */
  optionalText(value: unknown, field: string, max: number): string | null {
    if (value === null || value === undefined) return null;
    const text = String(value).trim();
    this.#checkText(text, field, max);
    return text.replace(INVISIBLE, "") ? text : null;
  }

  #checkText(text: string, field: string, max: number): void {
    if (!text.isWellFormed()) {
      this.problems.add(field, "contains an unpaired surrogate (half of a character): send well-formed UTF-16 text");
      return;
    }
    const control = CONTROL.exec(text);
    if (control) {
      const code = control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
      this.problems.add(field, `contains the control character U+${code}: of those, only tabs, line breaks and form feeds are text`);
      return;
    }
    // Cheap first: no text of at most `max` UTF-16 units has more than `max` characters.
    const count = text.length > max ? characterCount(text) : text.length;
    if (count > max) this.problems.add(field, `must be at most ${max} characters (got ${count})`);
  }

  /** A tag in its one normal form (see canonicalTag). */
  tag(value: unknown, field: string): string {
    return this.text(typeof value === "string" ? canonicalTag(value) : value, field, MAX_TAG_LENGTH);
  }

  /** Keys are lower-case slugs: liquidation-cascade-2026-01-31. */
  key(value: unknown, field: string): string {
    const key = typeof value === "string" ? value.trim().toLowerCase() : "";
    if (!/^[a-z0-9][a-z0-9._:-]{0,119}$/.test(key)) {
      this.problems.add(
        field,
        `"${String(value)}" is not a key: use 1-120 of a-z, 0-9, '.', '_', ':', '-', starting with a letter or digit`,
      );
    }
    return key;
  }

  symbol(value: unknown, field: string): string {
    const symbol = typeof value === "string" ? value.trim().toUpperCase() : "";
    if (!/^[A-Z0-9^][A-Z0-9.^=_-]{0,19}$/.test(symbol)) {
      this.problems.add(field, `"${String(value)}" is not a ticker symbol (e.g. BTC, SPX, XAU)`);
    }
    return symbol;
  }

  domain(value: unknown, field: string): string {
    try {
      return canonicalDomain(String(value ?? ""), field);
    } catch (error) {
      this.problems.add(field, (error as Error).message);
      return String(value ?? "");
    }
  }

  url(value: unknown, field: string): string {
    const url = typeof value === "string" ? canonicalUrl(value) : null;
    if (!url) this.problems.add(field, `"${String(value)}" is not an absolute http(s) URL`);
    else if (url.length > 2000) this.problems.add(field, "must be at most 2000 characters");
    return url ?? String(value ?? "");
  }

  dateTime(value: unknown, field: string): string {
    try {
      return parseDateTime(value);
    } catch (error) {
      this.problems.add(field, (error as Error).message);
      return String(value ?? "");
    }
  }

  optionalDateTime(value: unknown, field: string): string | null {
    return value === null || value === undefined ? null : this.dateTime(value, field);
  }

  integer(value: unknown, field: string, min: number, max: number): number | null {
    if (value === null || value === undefined) return null;
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
      this.problems.add(field, `must be an integer from ${min} to ${max} (got ${String(value)})`);
    }
    return typeof value === "number" ? value : null;
  }

  number(value: unknown, field: string, { min, max, positive }: { min?: number; max?: number; positive?: boolean }): number | null {
    if (value === null || value === undefined) return null;
    const ok =
      typeof value === "number" &&
      Number.isFinite(value) &&
      (min === undefined || value >= min) &&
      (max === undefined || value <= max) &&
      (!positive || value > 0);
    if (!ok) {
      const range = positive ? "a positive number" : `a number from ${min ?? "-∞"} to ${max ?? "∞"}`;
      this.problems.add(field, `must be ${range} (got ${String(value)})`);
    }
    return typeof value === "number" ? value : null;
  }

  oneOf<T extends string>(value: unknown, field: string, allowed: Record<string, T>, fallback?: T): T | null {
    if (value === null || value === undefined) return fallback ?? null;
    const values = Object.values(allowed);
    if (!values.includes(value as T)) {
      this.problems.add(field, `must be one of ${values.join(", ")} (got ${String(value)})`);
    }
    return value as T;
  }

  /** A list no longer than `max`; null/undefined reads as empty. */
  list<T>(value: readonly T[] | null | undefined, field: string, max: number): readonly T[] {
    const list = value ?? [];
    if (list.length > max) this.problems.add(field, `must have at most ${max} items (got ${list.length})`);
    return list;
  }
}

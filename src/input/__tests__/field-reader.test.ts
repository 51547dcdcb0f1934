import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BadUserInputError } from "../../errors.js";
import { canonicalDomain } from "../domain-name.js";
import { FieldReader } from "../field-reader.js";
import { Problems } from "../problems.js";

// Reference: the promises in the doc comments of field-reader.ts, domain-name.ts and
// problems.ts, restated over code points: what each reader accepts, what it returns, and that
// whatever it rejects is one problem recorded at the field path it was given.

const field = fc.stringMatching(/^input\.[a-z]{1,6}(\[[0-9]\])?(\.[a-z]{1,6})?$/);
const reader = () => {
  const problems = new Problems();
  return { problems, read: new FieldReader(problems) };
};

/** Text of every kind: visible, white space, invisible format characters, controls, lone surrogates, emoji. */
const anyText = fc
  .array(
    fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 4 }),
      fc.constantFrom(
        " ",
        "\t",
        "\n",
        "\u00A0",
        "\u200B",
        "\u200D",
        "\uFEFF",
        "\u2060",
        "\u0000",
        "\u0007",
        "\u001B",
        "\u007F",
        "\u0085",
        "\uD800",
        "\uDC00",
        "👨‍👩‍👧‍👦",
        "é",
      ),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(""));

const codePoints = (s: string) => Array.from(s);
const isSurrogate = (p: string) => p.length === 1 && p.charCodeAt(0) >= 0xd800 && p.charCodeAt(0) <= 0xdfff;
/** Something to see: a code point that is neither white space nor an invisible format character. */
const visible = (s: string) => codePoints(s).some((p) => !/^[\p{White_Space}\p{Cf}]$/u.test(p));
/** C0 controls other than tab, line breaks and form feed, and DEL (C1 is allowed). */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const control = (s: string) => codePoints(s).some((p) => /^[\u0000-\u0008\u000E-\u001F\u007F]$/.test(p));
const textProblem = (s: string, max: number) => codePoints(s).some(isSurrogate) || control(s) || codePoints(s).length > max;

describe("FieldReader", () => {
  it("text: returns the text trimmed, and records one problem at its field when it is empty to the eye, too long, or holds a control character or half a character", () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 1, max: 12 }), field, (value, max, at) => {
        const { problems, read } = reader();
        expect(read.text(value, at, max)).toBe(value.trim());
        const trimmed = value.trim();
        const bad = !visible(trimmed) || textProblem(trimmed, max);
        expect(problems.list.length).toBe(bad ? 1 : 0);
        for (const problem of problems.list) expect(problem.field).toBe(at);
      }),
      { numRuns: 600 },
    );
  });

  it("optionalText: absent stays absent, text with nothing to see reads as absent, and the rest is checked as text", () => {
    fc.assert(
      fc.property(fc.option(anyText, { nil: undefined }), fc.integer({ min: 1, max: 12 }), field, (value, max, at) => {
        const { problems, read } = reader();
        const got = read.optionalText(value, at, max);
        if (value === undefined) return void expect([got, problems.list]).toEqual([null, []]);
        const trimmed = value.trim();
        expect(got).toBe(visible(trimmed) ? trimmed : null);
        expect(problems.list.map((p) => p.field)).toEqual(textProblem(trimmed, max) ? [at] : []);
      }),
      { numRuns: 400 },
    );
  });

  it("key: any case and surrounding white space of a slug reads as the lower-case slug; anything else is a problem at its field", () => {
    const slug = fc.stringMatching(/^[a-z0-9][a-z0-9._:-]{0,40}$/);
    fc.assert(
      fc.property(slug, fc.array(fc.boolean()), fc.constantFrom("", " ", "\t"), field, (key, upper, pad, at) => {
        const { problems, read } = reader();
        const styled = [...key].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch)).join("");
        expect(read.key(`${pad}${styled}${pad}`, at)).toBe(key);
        expect(problems.list).toEqual([]);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constant(""), fc.integer(), fc.constant(null)), field, (value, at) => {
        const { problems, read } = reader();
        const accepted = typeof value === "string" && /^[a-z0-9][a-z0-9._:-]{0,119}$/.test(value.trim().toLowerCase());
        read.key(value, at);
        expect(problems.list.map((p) => p.field)).toEqual(accepted ? [] : [at]);
      }),
      { numRuns: 300 },
    );
  });

  it("integer and number: accept exactly the values in range, and say the range at the field otherwise", () => {
    const value = fc.oneof(
      fc.integer({ min: -20, max: 120 }),
      fc.double({ min: -20, max: 120 }),
      fc.constantFrom(Number.NaN, Infinity, -Infinity, "5", true, null, undefined),
    );
    fc.assert(
      fc.property(value, field, (v, at) => {
        const { problems, read } = reader();
        const got = read.integer(v, at, 0, 100);
        const ok = v === null || v === undefined || (typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 100);
        expect(problems.list.map((p) => p.field)).toEqual(ok ? [] : [at]);
        expect(got).toBe(typeof v === "number" ? v : null);
        const positive = reader();
        positive.read.number(v, at, { positive: true });
        const ok2 = v === null || v === undefined || (typeof v === "number" && Number.isFinite(v) && v > 0);
        expect(positive.problems.list.map((p) => p.field)).toEqual(ok2 ? [] : [at]);
      }),
      { numRuns: 400 },
    );
  });

  it("list: null reads as empty, and more than `max` items is one problem at its field", () => {
    fc.assert(
      fc.property(fc.option(fc.array(fc.nat(), { maxLength: 12 }), { nil: null }), fc.nat(10), field, (list, max, at) => {
        const { problems, read } = reader();
        expect(read.list(list, at, max)).toEqual(list ?? []);
        expect(problems.list.map((p) => p.field)).toEqual((list?.length ?? 0) > max ? [at] : []);
      }),
      { numRuns: 200 },
    );
  });

  it("dateTime: keeps an ISO date-time with its stated offset (seconds added if absent), and rejects dates that are not on the calendar", () => {
    const pad = (n: number, width = 2) => String(n).padStart(width, "0");
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2200-01-01T00:00:00Z"), noInvalidDate: true }),
        fc.integer({ min: -18 * 60, max: 18 * 60 }),
        fc.boolean(),
        field,
        (date, offsetMinutes, withSeconds, at) => {
          const local = new Date(date.getTime() + offsetMinutes * 60_000);
          const offset =
            offsetMinutes === 0
              ? "Z"
              : `${offsetMinutes < 0 ? "-" : "+"}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
          const minute = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
          const seconds = `:${pad(local.getUTCSeconds())}`;
          const { problems, read } = reader();
          expect(read.dateTime(`${minute}${withSeconds ? seconds : ""}${offset}`, at)).toBe(
            `${minute}${withSeconds ? seconds : ":00"}${offset}`,
          );
          expect(problems.list).toEqual([]);
          // The same text on a day the month does not have is a problem at the field.
          const bad = reader();
          bad.read.dateTime(`${pad(local.getUTCFullYear(), 4)}-02-30T10:00Z`, at);
          expect(bad.problems.list.map((p) => p.field)).toEqual([at]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("Problems", () => {
  it("throw BAD_USER_INPUT naming the first problem's field, with every problem listed in order", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ field, message: fc.string({ minLength: 1 }) }), { maxLength: 5 }), (added) => {
        const problems = new Problems();
        for (const p of added) problems.add(p.field, p.message);
        if (added.length === 0) return void expect(() => problems.throwIfAny()).not.toThrow();
        try {
          problems.throwIfAny();
          expect.unreachable();
        } catch (error) {
          expect(error).toBeInstanceOf(BadUserInputError);
          const { extensions } = error as BadUserInputError;
          expect([extensions.code, extensions.field, extensions.problems]).toEqual(["BAD_USER_INPUT", added[0]!.field, added]);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("canonicalDomain", () => {
  const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/).filter((l) => l !== "www");
  const host = fc
    .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.stringMatching(/^[a-z]{2,6}$/))
    .map(([labels, tld]) => [...labels, tld].join("."));

  it("gives a domain written as a URL, in capitals, with www., a port, a path or a trailing dot the same outlet", () => {
    fc.assert(
      fc.property(
        host,
        fc.record({
          scheme: fc.constantFrom("", "http://", "https://", "HTTPS://"),
          www: fc.boolean(),
          upper: fc.array(fc.boolean(), { maxLength: 30 }),
          dot: fc.boolean(),
          port: fc.constantFrom("", ":443", ":8080"),
          rest: fc.constantFrom("", "/", "/markets/btc", "?x=1", "#top"),
          pad: fc.constantFrom("", " ", "\t"),
        }),
        (domain, v) => {
          const written = [...`${v.www ? "www." : ""}${domain}`].map((ch, i) => (v.upper[i] ? ch.toUpperCase() : ch)).join("");
          const input = `${v.pad}${v.scheme}${written}${v.dot ? "." : ""}${v.port}${v.rest}${v.pad}`;
          expect(canonicalDomain(input)).toBe(domain);
          expect(canonicalDomain(canonicalDomain(input))).toBe(domain);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("rejects what is not a dotted host name as BAD_USER_INPUT at the field it was given", () => {
    fc.assert(
      fc.property(
        fc.oneof(label, fc.constantFrom("", "localhost", "-a.com", "a..com", "a_b.com", "exa mple.com", "http://")),
        field,
        (input, at) => {
          try {
            canonicalDomain(input, at);
            expect.unreachable(`${input} accepted`);
          } catch (error) {
            expect(error).toBeInstanceOf(BadUserInputError);
            expect((error as BadUserInputError).extensions.field).toBe(at);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

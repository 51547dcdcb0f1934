import { GraphQLScalarType, Kind } from "graphql";
import { InvalidValueError } from "../errors.js";

// Date, time to the minute at least, and an explicit offset: 2026-02-01T09:55-05:00, ...Z.
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

/** Offsets beyond ±18:00 are not real (and Neo4j rejects them). */
const MAX_OFFSET_MINUTES = 18 * 60;

/** Parses an ISO-8601 date-time with an offset, keeping the offset as written (minutes added if absent). */
export function parseDateTime(value: unknown): string {
  if (typeof value !== "string") throw new InvalidValueError("DateTime must be an ISO-8601 string");
  const match = ISO_DATE_TIME.exec(value.trim());
  if (!match || Number.isNaN(Date.parse(value))) {
    throw new InvalidValueError(`"${value}" is not an ISO-8601 date-time with an offset (e.g. 2026-02-01T09:55:00-05:00)`);
  }
  const [, y, mo, d, h, mi, s = "00", fraction] = match;
  const offset = match[8]!;
  const offsetMinutes = offset === "Z" ? 0 : Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6));
  if (offsetMinutes > MAX_OFFSET_MINUTES || Number(offset.slice(4, 6)) > 59) {
    throw new InvalidValueError(`"${value}" has the UTC offset ${offset}, beyond the ±18:00 a date-time may have`);
  }
  const month = Number(mo);
  const day = Number(d);
  const lastDay = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > lastDay || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    throw new InvalidValueError(`"${value}" is not a real calendar date-time`);
  }
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${fraction ? `.${fraction}` : ""}${offset}`;
}

/** `value` moved by `deltaMs`, written with the same offset as `value`. */
export function shiftDateTime(value: string, deltaMs: number): string {
  const offset = /(Z|[+-]\d{2}:\d{2})$/.exec(value)?.[1] ?? "Z";
  const offsetMs =
    offset === "Z" ? 0 : (offset.startsWith("-") ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6))) * 60_000;
  const local = new Date(Date.parse(value) + deltaMs + offsetMs).toISOString().slice(0, -1);
  return `${local.replace(/\.000$/, "")}${offset}`;
}

/**
 * ISO-8601 date-time that keeps the offset it was stated with, so an article's
 * "9:55 a.m. Eastern" reads back as 09:55-05:00 rather than 14:55Z.
 */
export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: "DateTime",
  description: "An ISO-8601 date-time with a UTC offset, e.g. 2026-02-01T09:55:00-05:00. The stated offset is kept.",
  serialize: (value) => {
    if (typeof value === "string") return value;
    if (value instanceof Date) return value.toISOString();
    throw new TypeError(`DateTime cannot represent ${String(value)}`);
  },
  parseValue: parseDateTime,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new InvalidValueError("DateTime must be a string literal");
    return parseDateTime(ast.value);
  },
});

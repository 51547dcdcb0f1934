import type { Readable } from "node:stream";

/** Longest line `npm run ingest` reads by default (bytes): 16 MiB, sixteen times the API's request body limit. */
export const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

/** A line of a JSONL file, numbered from 1: its text, or why it cannot be read. */
export type JsonLine =
  | { readonly line: number; readonly text: string; readonly problem?: undefined }
  | { readonly line: number; readonly problem: string; readonly text?: undefined };

const NEWLINE = 0x0a;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * The lines of a byte stream, decoded strictly as UTF-8, without ever holding more than
 * `maxLineBytes` of one line: a longer line is skipped as it streams past and reported by
 * number, as is a line that is not valid UTF-8 (never decoded with U+FFFD in its place).
 * A UTF-8 byte-order mark at the start of the stream is dropped; a line may end in CRLF.
 * `onBytes` is told the bytes read so far (for progress).
 */
export async function* readJsonLines(
  input: Readable,
  options: { maxLineBytes?: number; onBytes?: (bytes: number) => void } = {},
): AsyncGenerator<JsonLine> {
  const max = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  let parts: Buffer[] = [];
  let length = 0;
  let skipped = false;
  let line = 1;
  let read = 0;

  const finish = (): JsonLine => {
    const number = line;
    line += 1;
    if (skipped) {
      const bytes = length;
      skipped = false;
      parts = [];
      length = 0;
      return { line: number, problem: `longer than ${max} bytes (${bytes} bytes); skipped` };
    }
    let bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts, length);
    parts = [];
    length = 0;
    if (number === 1 && bytes.subarray(0, 3).equals(UTF8_BOM)) bytes = bytes.subarray(3);
    if (bytes.at(-1) === 0x0d) bytes = bytes.subarray(0, -1);
    try {
      return { line: number, text: decoder.decode(bytes) };
    } catch {
      const column = new TextDecoder().decode(bytes).indexOf("\uFFFD") + 1;
      return { line: number, problem: `not valid UTF-8 (bytes that are not UTF-8 near character ${column}); fix the file's encoding` };
    }
  };

  const keep = (bytes: Buffer) => {
    length += bytes.length;
    if (skipped) return;
    if (length > max) {
      skipped = true;
      parts = [];
      return;
    }
    parts.push(bytes);
  };

  for await (const chunk of input) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    read += buffer.length;
    let start = 0;
    for (let end = buffer.indexOf(NEWLINE); end !== -1; end = buffer.indexOf(NEWLINE, start)) {
      keep(buffer.subarray(start, end));
      yield finish();
      start = end + 1;
    }
    if (start < buffer.length) keep(buffer.subarray(start));
    options.onBytes?.(read);
  }
  if (length > 0 || skipped) yield finish();
}

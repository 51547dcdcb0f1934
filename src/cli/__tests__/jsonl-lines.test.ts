import { Readable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readJsonLines, type JsonLine } from "../jsonl-lines.js";

async function linesOf(chunks: Buffer[], maxLineBytes?: number): Promise<JsonLine[]> {
  const lines: JsonLine[] = [];
  for await (const line of readJsonLines(Readable.from(chunks), { maxLineBytes })) lines.push(line);
  return lines;
}

/** `bytes` cut into chunks at the given offsets (so chunk boundaries fall inside characters and lines). */
function cut(bytes: Buffer, at: number[]): Buffer[] {
  const offsets = [...new Set(at.map((o) => o % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let start = 0;
  for (const offset of [...offsets, bytes.length]) {
    if (offset > start) chunks.push(bytes.subarray(start, offset));
    start = Math.max(start, offset);
  }
  return chunks;
}

describe("readJsonLines", () => {
  it("numbers lines, drops a leading byte-order mark and CRLF endings, and keeps empty lines' numbers", async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}\r\n\n{"b":"€"}')]);
    expect(await linesOf([bytes])).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 2, text: "" },
      { line: 3, text: '{"b":"€"}' },
    ]);
  });

  it("keeps a byte-order mark that is not at the start of the file (it is then part of the line)", async () => {
    const bytes = Buffer.concat([Buffer.from("{}\n"), Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("{}\n")]);
    expect(await linesOf([bytes])).toEqual([
      { line: 1, text: "{}" },
      { line: 2, text: "\uFEFF{}" },
    ]);
  });

  it("reports a line that is not UTF-8 instead of replacing its bytes, and reads on", async () => {
    const bytes = Buffer.concat([Buffer.from('{"title":"Bitcoin '), Buffer.from([0xc3, 0x28]), Buffer.from(' slides"}\n{"ok":true}\n')]);
    const lines = await linesOf([bytes]);
    expect(lines[0]).toEqual({
      line: 1,
      problem: expect.stringMatching(/^not valid UTF-8 \(bytes that are not UTF-8 near character 19\)/),
    });
    expect(lines[1]).toEqual({ line: 2, text: '{"ok":true}' });
  });

  it("skips a line longer than the limit without holding it, reports its length, and reads the lines around it", async () => {
    const long = Buffer.alloc(10_000, "x");
    const chunks = [Buffer.from('{"a":1}\n'), long, long, Buffer.from('\n{"b":2}\n')];
    expect(await linesOf(chunks, 4096)).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 2, problem: "longer than 4096 bytes (20000 bytes); skipped" },
      { line: 3, text: '{"b":2}' },
    ]);
    // A line of exactly the limit is read.
    expect(await linesOf([Buffer.alloc(4096, "y")], 4096)).toEqual([{ line: 1, text: "y".repeat(4096) }]);
  });

  it("gives the same lines however the bytes are cut into chunks", async () => {
    const text = 'α{"x":"🚨"}\r\n\n{"y":"比特币"}\n{"z":1}';
    const bytes = Buffer.from(text);
    const expected = await linesOf([bytes]);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 12 }), async (offsets) => {
        expect(await linesOf(cut(bytes, offsets))).toEqual(expected);
      }),
    );
  });
});

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { ArticleAsOfDocument, ClaimsPageDocument, IngestArticleDocument } from "./__generated__/graphql.js";
import { sampleArticle } from "./fixtures/articles.js";
import { uniqueTag } from "./support/ids.js";
import { EDITOR_TOKEN, useTestServer } from "./support/server.js";
import { projectRoot } from "../src/project-root.js";

const server = useTestServer();
const dir = mkdtempSync(path.join(tmpdir(), "mng-bulk-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `npm run ingest`'s program on a file of these lines; resolves with its exit code and output. */
function ingestFile(lines: string[], args: string[] = []): Promise<{ code: number | null; stderr: string }> {
  const file = path.join(dir, `${uniqueTag()}.jsonl`);
  writeFileSync(file, `${lines.join("\n")}\n`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(projectRoot, "dist/src/cli/ingest.js"), file, ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NEO4J_URI: inject("neo4jUri"), LOG_LEVEL: "warn" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("exit", (code) => resolve({ code, stderr }));
  });
}

describe("npm run ingest", () => {
  it("loads every good line in batches, reports bad ones by number, and loads nothing twice", async () => {
    const tag = uniqueTag();
    const articles = Array.from({ length: 7 }, (_, i) => sampleArticle(`${tag}${i}`));
    // A line that refers to nodes an earlier line of the file defines.
    const follower = {
      url: `https://${tag}-follow.example/up`,
      title: "Follow-up",
      publishedAt: "2026-02-02T10:00:00Z",
      source: { domain: `${tag}-follow.example`, name: "Follow" },
      claims: [{ key: "again", text: "Leverage again.", relation: "CAUSES", cause: { kind: "MACRO_FACTOR", key: `${tag}0-leverage` }, effect: { kind: "EVENT", key: `${tag}0-cascade` } }],
    };
    const badConfidence = { ...sampleArticle(`${tag}bad`), claims: [{ ...sampleArticle(`${tag}bad`).claims![0]!, confidence: 7 }] };
    const lines = [
      ...articles.slice(0, 4).map((a) => JSON.stringify(a)),
      JSON.stringify(follower),
      "{ not json",
      JSON.stringify(badConfidence),
      JSON.stringify({ ...articles[5], unknownField: 1 }),
      "",
      ...articles.slice(4).map((a) => JSON.stringify(a)),
    ];
    const first = await ingestFile(lines, ["--batch-size", "3"]);
    expect(first.code, first.stderr).toBe(2);
    expect(first.stderr).toContain("line 6: input: not JSON");
    expect(first.stderr).toMatch(/line 7: input\.claims\[0\]\.confidence: must be a number from 0 to 1 \(got 7\)/);
    expect(first.stderr).toMatch(/line 8: input: Field "unknownField" is not defined by type "IngestArticleInput"/);
    expect(first.stderr).toMatch(/11 lines: 8 articles written, 0 already up to date, 3 rejected; 29 claims/);

    for (const article of [...articles, follower]) {
      const read = await server.request(ArticleAsOfDocument, { url: article.url });
      expect(read.data!.article, article.url).not.toBeNull();
    }
    const followUp = await server.request(ClaimsPageDocument, { filter: { source: `${tag}-follow.example` } });
    expect(followUp.data!.claims.edges.map((e) => e.node.cause)).toEqual([expect.objectContaining({ key: `${tag}0-leverage` })]);

    const again = await ingestFile(lines, ["--batch-size", "3"]);
    expect(again.stderr).toMatch(/11 lines: 0 articles written, 8 already up to date, 3 rejected; 0 claims/);
  }, 120_000);

  it("writes what the mutation writes: the same article by either path is one unchanged article", async () => {
    const input = sampleArticle(uniqueTag());
    const viaFile = await ingestFile([JSON.stringify(input)]);
    expect(viaFile.code, viaFile.stderr).toBe(0);
    const viaApi = await server.request(IngestArticleDocument, { input }, { token: EDITOR_TOKEN });
    expect(viaApi.data!.ingestArticle).toMatchObject({ created: false, changed: false });
  }, 60_000);

  it("takes two versions of one article in order: the later one is current", async () => {
    const v1 = sampleArticle(uniqueTag());
    const v2 = { ...v1, title: `${v1.title}, corrected`, tags: ["corrected"] };
    const run = await ingestFile([JSON.stringify(v1), JSON.stringify(v2)]);
    expect(run.code, run.stderr).toBe(0);
    const read = await server.request(ArticleAsOfDocument, { url: v1.url });
    expect(read.data!.article!.title).toBe(v2.title);
    expect(read.data!.article!.tags).toEqual([{ name: "corrected" }]);
    expect(read.data!.article!.versions).toHaveLength(2);
  }, 60_000);
});

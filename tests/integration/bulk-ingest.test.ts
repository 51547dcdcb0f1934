import { spawn } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it, onTestFinished } from "vitest";
import { ArticleAsOfDocument, ClaimsPageDocument, NodeAliasesDocument, IngestArticleDocument } from "../__generated__/graphql.js";
import { sampleArticle } from "../fixtures/articles.js";
import { resolutionCorpus } from "../fixtures/resolution-corpus.js";
import { uniqueTag } from "../support/ids.js";
import { removeCorpus } from "../support/remove-articles.js";
import { EDITOR_TOKEN, useTestServer } from "../support/server.js";
import { projectRoot } from "../../src/project-root.js";

const server = useTestServer();
const dir = mkdtempSync(path.join(tmpdir(), "mng-bulk-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `npm run ingest`'s program on a file of these lines; resolves with its exit code and output. */
function ingestFile(lines: string[], args: string[] = []): Promise<{ code: number | null; stderr: string }> {
  const file = path.join(dir, `${uniqueTag()}.jsonl`);
  writeFileSync(file, `${lines.join("\n")}\n`);
  return ingestPath(file, args);
}

/** Runs `npm run ingest`'s program on a file that is already written. */
function ingestPath(file: string, args: string[] = []): Promise<{ code: number | null; stderr: string }> {
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
      claims: [
        {
          key: "again",
          text: "Leverage again.",
          relation: "CAUSES",
          cause: { kind: "MACRO_FACTOR", key: `${tag}0-leverage` },
          effect: { kind: "EVENT", key: `${tag}0-cascade` },
        },
      ],
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

describe("npm run ingest on files as they come", () => {
  const stored = async (url: string) => (await server.request(ArticleAsOfDocument, { url })).data!.article;

  it("skips a line of 560 MB by number without holding it, and loads the lines before and after it", async () => {
    const [before, after] = [sampleArticle(uniqueTag()), sampleArticle(uniqueTag())];
    const file = path.join(dir, `${uniqueTag()}-huge.jsonl`);
    const out = createWriteStream(file);
    const write = (chunk: string | Buffer) =>
      new Promise<void>((resolve, reject) => out.write(chunk, (error) => (error ? reject(error) : resolve())));
    await write(`${JSON.stringify(before)}\n{"title":"`);
    // More than V8's longest string (about 512 MB): the line cannot be held as one.
    const megabyte = Buffer.alloc(1 << 20, "a");
    for (let i = 0; i < 560; i += 1) await write(megabyte);
    await write(`"}\n${JSON.stringify(after)}\n`);
    await new Promise<void>((resolve) => out.end(resolve));
    try {
      const run = await ingestPath(file);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(/line 2: input: longer than 16777216 bytes \(587202572 bytes\); skipped/);
      expect(run.stderr).toMatch(/3 lines: 2 articles written, 0 already up to date, 1 rejected/);
      expect(run.stderr).not.toMatch(/RangeError|\n\s+at /);
      expect(await stored(before.url)).not.toBeNull();
      expect(await stored(after.url)).not.toBeNull();
    } finally {
      rmSync(file, { force: true });
    }
  }, 180_000);

  it("refuses a line that is not UTF-8 (as HTTP does) and stores nothing of it, and accepts a byte-order mark", async () => {
    const [first, bad, last] = [sampleArticle(uniqueTag()), sampleArticle(uniqueTag()), sampleArticle(uniqueTag())];
    const [head, tail] = JSON.stringify({ ...bad, title: "Bitcoin @@ slides" }).split("@@");
    const file = path.join(dir, `${uniqueTag()}-bytes.jsonl`);
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(`${JSON.stringify(first)}\n${head}`),
        Buffer.from([0xc3, 0x28]),
        Buffer.from(`${tail}\r\n${JSON.stringify(last)}\r\n`),
      ]),
    );
    const run = await ingestPath(file);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/line 2: input: not valid UTF-8/);
    expect(run.stderr).not.toMatch(/line 1:/);
    expect(run.stderr).toMatch(/3 lines: 2 articles written, 0 already up to date, 1 rejected/);
    expect(await stored(first.url)).not.toBeNull();
    expect(await stored(bad.url)).toBeNull();
    expect(await stored(last.url)).not.toBeNull();

    // The same bytes over HTTP are refused too.
    const body = Buffer.concat([
      Buffer.from(
        `{"query":"mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { created } }","variables":{"input":${head}`,
      ),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(`${tail}}}`),
    ]);
    const res = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${EDITOR_TOKEN}` },
      body,
    });
    expect(res.status).toBe(400);
    expect(await stored(bad.url)).toBeNull();
  }, 60_000);
});

describe("npm run ingest never rewinds an article", () => {
  it("skips a line whose content is an earlier version, and keeps a version older by updatedAt as history", async () => {
    const base = sampleArticle(uniqueTag());
    const v1 = { ...base, updatedAt: "2026-02-02T09:00:00Z" };
    const v2 = { ...base, title: `${base.title}, corrected`, updatedAt: "2026-02-02T15:00:00Z" };
    const first = await ingestFile([JSON.stringify(v1), JSON.stringify(v2)]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/2 lines: 2 articles written, 0 already up to date, 0 rejected/);

    // The first file again: v1's content is among the versions (skipped), v2's is current (up to date).
    const rerun = await ingestFile([JSON.stringify(v1), JSON.stringify(v2)]);
    expect(rerun.stderr).toMatch(/2 lines: 0 articles written, 1 already up to date, 1 earlier versions skipped, 0 rejected/);
    // v1 alone, as a file holding only the first version would be: still skipped.
    const onlyV1 = await ingestFile([JSON.stringify(v1)]);
    expect(onlyV1.stderr).toMatch(/1 lines: 0 articles written, 0 already up to date, 1 earlier versions skipped, 0 rejected/);
    const read = await server.request(ArticleAsOfDocument, { url: v1.url });
    expect(read.data!.article!.title).toBe(v2.title);
    expect(read.data!.article!.versions).toHaveLength(2);

    // A version older than the current one by updatedAt, never seen: history only.
    const v0 = { ...base, title: `${base.title}, first draft`, updatedAt: "2026-02-02T08:00:00Z" };
    const older = await ingestFile([JSON.stringify(v0)]);
    expect(older.stderr).toMatch(/1 lines: 0 articles written, 0 already up to date, 1 older versions kept as history, 0 rejected/);
    const after = await server.request(ArticleAsOfDocument, { url: v1.url });
    expect(after.data!.article!.title).toBe(v2.title);
    expect(after.data!.article!.versions.map((v) => v.title)).toContain(v0.title);
  }, 60_000);
});

describe("npm run ingest --resolution", () => {
  it("reports another outlet's key for an existing node by line under SUGGEST, and takes it for that node under LINK", async () => {
    const tag = uniqueTag();
    const corpus = resolutionCorpus(tag);
    // Its nodes go afterwards: another run's corpus names the same things and would link to them.
    onTestFinished(() => removeCorpus(server.driver, tag, [corpus.symbol, corpus.otherSymbol]));
    // An event told under another key, then a price move told under another key (nodes apart, so
    // the first's outcome cannot decide the second's).
    const [first, , second] = corpus.followUps;
    const base = await ingestFile([JSON.stringify(corpus.base)]);
    expect(base.code, base.stderr).toBe(0);

    // SUGGEST (the default): the new key becomes a node of its own, and the line says which node it may be.
    const suggest = await ingestFile([JSON.stringify(first!.article)]);
    expect(suggest.code, suggest.stderr).toBe(0);
    const newKey = first!.nodes[0]!.key;
    expect(suggest.stderr).toContain(`line 1 (${first!.article.url}): Event "${newKey}" may be the existing "${corpus.keys.cascade}"`);
    expect(suggest.stderr).toMatch(
      /entity resolution \(SUGGEST\): 0 new keys taken for existing nodes, 1 nodes created that may be existing ones/,
    );

    // LINK: the key is taken for the existing node, which the article now reports.
    const link = await ingestFile([JSON.stringify(second!.article)], ["--resolution", "LINK"]);
    expect(link.code, link.stderr).toBe(0);
    const linkedKey = second!.nodes[0]!.key;
    expect(link.stderr).toContain(
      `line 1 (${second!.article.url}): PriceMove "${linkedKey}" taken for the existing "${corpus.keys.slide}"`,
    );
    expect(link.stderr).toMatch(
      /entity resolution \(LINK\): 1 new keys taken for existing nodes, 0 nodes created that may be existing ones/,
    );
    const slide = await server.request(NodeAliasesDocument, { id: Buffer.from(`PriceMove:${corpus.keys.slide}`).toString("base64url") });
    expect(slide.errors).toBeUndefined();
    expect(slide.data!.node).toMatchObject({ key: corpus.keys.slide, aliases: expect.arrayContaining([linkedKey]) });
    // SUGGEST took nothing for the cascade: its key is its own.
    const cascade = await server.request(NodeAliasesDocument, { id: Buffer.from(`Event:${corpus.keys.cascade}`).toString("base64url") });
    expect(cascade.data!.node!.aliases).not.toContain(newKey);
  }, 60_000);
});

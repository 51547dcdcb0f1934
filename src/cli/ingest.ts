import "reflect-metadata";
import { createReadStream, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { MultiBar, Presets } from "cli-progress";
import { ConfigError, loadConfig } from "../config.js";
import { CypherRunner } from "../db/cypher-runner.js";
import { openDatabase } from "../open-database.js";
import { bulkIngest, type BulkCounts, type Rejection } from "../domain/article/ingest/bulk-ingest.js";
import { createLogger } from "../logger.js";
import { buildAppSchema } from "../schema.js";
import { Resolution } from "../domain/resolution/resolution.enums.js";
import { DEFAULT_MAX_LINE_BYTES, readJsonLines } from "./jsonl-lines.js";

const USAGE = `Usage: npm run ingest -- <file.jsonl | -> [--batch-size N] [--max-line-bytes N] [--resolution SUGGEST|LINK|STRICT]

Loads IngestArticleInput documents, one JSON object per line (UTF-8, a byte-order mark
allowed), validated exactly like the ingestArticle mutation, in transactions of N articles
(default 500). A line whose content is already among its article's versions (current or
earlier) is skipped, so running it again loads only what is missing and never rewinds an
article to an earlier version; a version older than the current one (by updatedAt) is kept as
history only. A bad line (not JSON, invalid, not UTF-8, or longer than
--max-line-bytes, default ${DEFAULT_MAX_LINE_BYTES}) is reported with its number and skipped.
--resolution (default SUGGEST) decides what a line does with each node it would create that may
be an existing one (SUGGEST: create it and say so; LINK: take it for that node when its score
clears RESOLVE_LINK_THRESHOLD; STRICT: reject the line). Uses NEO4J_URI, or the embedded Neo4j (a running server's, or one started for the run). Exit
code 0 when every line loaded, 2 when some were rejected, 1 when the run could not go on.`;

/** A command line the program cannot run with: its message is shown alone, without a stack. */
class UsageError extends Error {}

/** The size of the file to read, for the progress bar. */
function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

/** The --resolution option: SUGGEST (default), LINK or STRICT (see the Resolution enum). */
function resolutionOption(value: string | undefined): Resolution {
  if (value === undefined) return Resolution.SUGGEST;
  const upper = value.toUpperCase();
  if (upper in Resolution) return Resolution[upper as keyof typeof Resolution];
  throw new UsageError(`--resolution must be SUGGEST, LINK or STRICT`);
}

/** An integer option from 1 to `max`; `fallback` when absent. */
function integerOption(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (Number.isInteger(number) && number >= 1 && number <= max) return number;
  throw new UsageError(`--${name} must be an integer from 1 to ${max}`);
}

function describe(rejection: Rejection): string {
  const problems = rejection.problems.map((p) => `${p.field}: ${p.message}`).join("; ");
  return `line ${rejection.line}${rejection.url ? ` (${rejection.url})` : ""}: ${problems}`;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: {
      "batch-size": { type: "string" },
      "max-line-bytes": { type: "string" },
      resolution: { type: "string" },
      help: { type: "boolean" },
    },
    allowPositionals: true,
  });
  if (values.help || positionals.length !== 1) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 1;
  }
  const file = positionals[0]!;
  const batchSize = integerOption("batch-size", values["batch-size"], 500, 10_000);
  const resolution = resolutionOption(values.resolution);
  const maxLineBytes = integerOption("max-line-bytes", values["max-line-bytes"], DEFAULT_MAX_LINE_BYTES, 256 * 1024 * 1024);

  const total = file === "-" ? 0 : sizeOf(file);

  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" });
  const logger = createLogger(config);
  const database = await openDatabase(config, logger, { shareRunningEmbedded: true });
  const bars = new MultiBar(
    {
      format:
        "{bar} {percentage}% | {articles} articles, {claims} claims | {articlesPerSecond} articles/s, {claimsPerSecond} claims/s | ETA {eta_formatted}",
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 5_000,
      stream: process.stderr,
    },
    Presets.shades_classic,
  );
  const bar = bars.create(total || 1, 0, { articles: 0, claims: 0, articlesPerSecond: 0, claimsPerSecond: 0 });
  const started = Date.now();
  let bytes = 0;
  let stopped = false;
  const show = (counts: Readonly<BulkCounts>) => {
    const seconds = Math.max(0.001, (Date.now() - started) / 1000);
    bar.update(total ? bytes : 0, {
      articles: counts.articles,
      claims: counts.claims,
      articlesPerSecond: Math.round(counts.articles / seconds),
      claimsPerSecond: Math.round(counts.claims / seconds),
    });
  };
  // Above the bar on a terminal; plain lines otherwise.
  const say = (line: string) => (process.stderr.isTTY ? bars.log(`${line}\n`) : process.stderr.write(`${line}\n`));
  try {
    const counts = await bulkIngest(
      new CypherRunner(database.driver, { database: config.neo4j.database, timeoutMs: 600_000 }),
      await buildAppSchema(),
      readJsonLines(file === "-" ? process.stdin : createReadStream(file), { maxLineBytes, onBytes: (read) => (bytes = read) }),
      {
        batchSize,
        onProgress: show,
        onRejected: (rejection) => say(describe(rejection)),
        resolution,
        linkThreshold: config.resolveLinkThreshold,
        onResolution: (note) =>
          say(
            `line ${note.line} (${note.url}): ${note.label} "${note.key}" ${note.linked ? "taken for" : "may be"} the existing "${note.candidate.key}" (${note.candidate.score})`,
          ),
      },
    );
    show(counts);
    bars.stop();
    stopped = true;
    const seconds = (Date.now() - started) / 1000;
    process.stderr.write(
      `${counts.lines} lines: ${counts.articles} articles written, ${counts.unchanged} already up to date, ` +
        (counts.earlierVersions ? `${counts.earlierVersions} earlier versions skipped, ` : "") +
        (counts.history ? `${counts.history} older versions kept as history, ` : "") +
        `${counts.rejected} rejected; ` +
        `${counts.claims} claims in ${seconds.toFixed(1)} s (${Math.round(counts.claims / seconds)} claims/s)\n`,
    );
    if (counts.linked || counts.possibleDuplicates) {
      process.stderr.write(
        `entity resolution (${resolution}): ${counts.linked} new keys taken for existing nodes, ${counts.possibleDuplicates} nodes created that may be existing ones` +
          (resolution === Resolution.SUGGEST && counts.possibleDuplicates
            ? " (see the lines above; --resolution LINK takes the close ones)"
            : "") +
          "\n",
      );
    }
    return counts.rejected > 0 ? 2 : 0;
  } finally {
    if (!stopped) bars.stop();
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof ConfigError || error instanceof UsageError ? error.message : `ingest failed: ${(error as Error).stack ?? String(error)}`}\n`,
    );
    process.exit(1);
  },
);

import "reflect-metadata";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Driver } from "neo4j-driver";
import { loadConfig } from "../src/config.js";
import { DATA_MIGRATIONS } from "../src/cypher/data-migrations.js";
import { CypherRunner } from "../src/db/cypher-runner.js";
import { createDriver, waitForDatabase } from "../src/db/driver.js";
import { portIsFree, startEmbeddedNeo4j } from "../src/db/embedded.js";
import { applyMigrations } from "../src/db/migrations.js";
import { bulkIngest, type SourceLine } from "../src/domain/article/ingest/bulk-ingest.js";
import { createLogger } from "../src/logger.js";
import { projectRoot } from "../src/project-root.js";
import { buildAppSchema } from "../src/schema.js";
import { measureExport } from "./export.js";
import { BENCH_KEYS, generateArticles, type GraphShape } from "./generate.js";
import { askGraphql, latency, loopThroughput, mixedThroughput, throughput } from "./measure.js";
import { QUESTIONS } from "./questions.js";
import { renderMarkdown } from "./report.js";
import type { BenchResult, QuestionResult } from "./result.js";

const USAGE = `Usage: npm run bench -- [--quick] [--size 4k|10k|100k|1m] [--only id,id] [--data-dir DIR]

Generates a seeded graph of about SIZE claims (20 per article, plus 20 outlets retelling one
story), bulk-ingests it into a fresh embedded Neo4j, then asks each question three ways: this
API over HTTP, one hand-written Cypher query through the driver (the floor), and
@neo4j/graphql 7 over the same database (the peer, where it can express the question).
Prints a Markdown table of ratios and writes bench/results/<date>-<size>.{json,md}.

  --quick      4k claims, fewer samples and short throughput runs (under 3 minutes)
  --size       claims to generate (default 10k; 1m needs NEO4J_HEAP=4g NEO4J_PAGECACHE=4g or so)
  --only       question ids to ask: ${QUESTIONS.map((q) => q.id).join(", ")}
  --data-dir   keep the database in DIR (reused on the next run: ingest skips what is stored)`;

const SIZES: Record<string, number> = { "4k": 4_000, "10k": 10_000, "100k": 100_000, "1m": 1_000_000 };
const CLAIMS_PER_ARTICLE = 20;
const RETELLERS = 20;
/** A floor query running longer than this is reported as timed out rather than waited for. */
const FLOOR_TIMEOUT_MS = 30_000;

function parseOptions() {
  const { values } = parseArgs({
    options: {
      quick: { type: "boolean", default: false },
      size: { type: "string" },
      only: { type: "string" },
      "data-dir": { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const size = values.size ?? (values.quick ? "4k" : "10k");
  const claims = SIZES[size.toLowerCase()];
  if (claims === undefined) throw new UsageError(`--size must be one of ${Object.keys(SIZES).join(", ")}`);
  const only = values.only
    ?.split(",")
    .map((id) => id.trim())
    .filter(Boolean);
  const unknown = only?.filter((id) => !QUESTIONS.some((q) => q.id === id)) ?? [];
  if (unknown.length) throw new UsageError(`unknown question ids: ${unknown.join(", ")}`);
  return {
    quick: values.quick,
    size: size.toLowerCase(),
    shape: { articles: Math.round(claims / CLAIMS_PER_ARTICLE), seed: 20_260_201, retellers: RETELLERS } satisfies GraphShape,
    questions: only ? QUESTIONS.filter((q) => only.includes(q.id)) : QUESTIONS,
    dataDir: values["data-dir"] ? path.resolve(values["data-dir"]) : undefined,
    warmup: values.quick ? 3 : 10,
    samples: values.quick ? 20 : 100,
    budgetMs: values.quick ? 15_000 : 60_000,
    throughputSeconds: values.quick ? 2 : 10,
    connections: 8,
    sustained: { rounds: 4, seconds: values.quick ? 4 : 15 },
  };
}

class UsageError extends Error {}

const say = (line: string) => process.stderr.write(`${line}\n`);

async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = 20_000 + Math.floor(Math.random() * 40_000);
    if (await portIsFree(port, "127.0.0.1")) return port;
  }
  throw new Error("no free port on 127.0.0.1");
}

/** Resident set size of a process in MB, from /proc (Linux); null elsewhere. */
function rssMb(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** Starts a Node child and resolves once `ready()` says so; rejects with its stderr if it exits first. */
function startChild(
  script: string,
  env: NodeJS.ProcessEnv,
  ready: (stdout: string) => Promise<boolean> | boolean,
  timeoutMs = 120_000,
): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    const stderr: string[] = [];
    let settled = false;
    const fail = (message: string) => {
      if (settled) return;
      settled = true;
      child.kill("SIGKILL");
      reject(new Error(`${path.basename(script)}: ${message}\n${stderr.join("").split("\n").slice(-15).join("\n")}`));
    };
    const timer = setTimeout(() => fail(`not ready within ${timeoutMs / 1000}s`), timeoutMs);
    child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => stderr.push(chunk.toString()));
    child.on("exit", (code) => fail(`exited with code ${code} before it was ready`));
    const poll = async () => {
      while (!settled) {
        if (
          await Promise.resolve()
            .then(() => ready(stdout))
            .catch(() => false)
        ) {
          settled = true;
          clearTimeout(timer);
          child.removeAllListeners("exit");
          resolve(child);
          return;
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    void poll();
  });
}

function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

async function* documentLines(shape: GraphShape): AsyncGenerator<SourceLine> {
  let line = 0;
  for (const document of generateArticles(shape)) {
    line += 1;
    yield { line, text: JSON.stringify(document) };
  }
}

async function graphCounts(driver: Driver) {
  const { records } = await driver.executeQuery(
    "CALL () { MATCH (a:Article) RETURN count(a) AS articles } CALL () { MATCH (c:Claim) RETURN count(c) AS claims } CALL () { MATCH ()-[r:LEADS_TO]->() RETURN count(r) AS leadsTo } RETURN articles, claims, leadsTo",
  );
  const row = records[0]!;
  return { articles: Number(row.get("articles")), claims: Number(row.get("claims")), leadsTo: Number(row.get("leadsTo")) };
}

async function main(): Promise<void> {
  const options = parseOptions();
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" });
  const logger = createLogger(config);
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), "mng-bench-"));
  const { maxHeap, pageCacheMb } = config.neo4j.embedded;
  say(
    `bench: ${options.size} claims (${options.shape.articles} articles + ${options.shape.retellers} retellings), Neo4j heap ${maxHeap}, page cache ${pageCacheMb} MB`,
  );
  const neo4j = await startEmbeddedNeo4j({ dataDir, boltPort: await freePort(), logger, maxHeap, pageCacheMb });
  const driver = createDriver(config.neo4j, neo4j.uri, logger);
  let api: ChildProcess | undefined;
  let peer: ChildProcess | undefined;
  try {
    await waitForDatabase(driver, config.neo4j.database, 60_000);
    await applyMigrations(driver, config.neo4j.database, logger, DATA_MIGRATIONS);

    say("bench: generating and ingesting");
    const started = performance.now();
    let lastReport = 0;
    const counts = await bulkIngest(
      new CypherRunner(driver, { database: config.neo4j.database, timeoutMs: 3_600_000 }),
      await buildAppSchema(),
      documentLines(options.shape),
      {
        onProgress: (c) => {
          if (performance.now() - lastReport < 5_000) return;
          lastReport = performance.now();
          const seconds = (lastReport - started) / 1000;
          say(
            `  ${c.lines} lines: ${c.articles} articles written (${c.claims} claims, ${Math.round(c.claims / seconds)} claims/s), ${c.unchanged} already stored`,
          );
        },
        onRejected: (r) => say(`  rejected line ${r.line}: ${r.problems.map((p) => `${p.field}: ${p.message}`).join("; ")}`),
      },
    );
    if (counts.rejected > 0) throw new Error(`${counts.rejected} generated articles were rejected: the generator and the schema disagree`);
    const ingestSeconds = (performance.now() - started) / 1000;
    const ingest = {
      claims: counts.claims,
      seconds: Math.round(ingestSeconds * 10) / 10,
      claimsPerSecond: counts.claims > 0 ? Math.round(counts.claims / ingestSeconds) : null,
      resolutionSeconds: Math.round(counts.resolutionMs / 100) / 10,
    };
    say(
      ingest.claimsPerSecond
        ? `bench: ingested ${ingest.claims} claims in ${ingest.seconds} s (${ingest.claimsPerSecond} claims/s)`
        : "bench: the graph was already loaded",
    );
    const graph = await graphCounts(driver);

    const apiPort = await freePort();
    const apiUrl = `http://127.0.0.1:${apiPort}/graphql`;
    api = await startChild(
      path.join(projectRoot, "dist/src/main.js"),
      {
        ...process.env,
        NEO4J_URI: neo4j.uri,
        PORT: String(apiPort),
        HOST: "127.0.0.1",
        NODE_ENV: "production",
        LOG_LEVEL: "warn",
        SEED_ON_START: "false",
        GRAPHQL_DEBUG: "true",
        RATE_LIMIT_READS_PER_MINUTE: "0",
        RATE_LIMIT_WRITES_PER_MINUTE: "0",
      },
      async () => (await fetch(`http://127.0.0.1:${apiPort}/readyz`)).ok,
    );
    const peerPort = await freePort();
    peer = await startChild(
      path.join(projectRoot, "dist/bench/peer.js"),
      { ...process.env, NEO4J_URI: neo4j.uri, PORT: String(peerPort) },
      (out) => out.includes("PEER_READY"),
    );
    const peerUrl = `http://127.0.0.1:${peerPort}/`;

    const results: QuestionResult[] = [];
    const memory: number[] = [];
    let afterWarmup: number | null = null;
    const load = { connections: options.connections, seconds: options.throughputSeconds };
    for (const question of options.questions) {
      say(`bench: ${question.name}`);
      const apiRequest = { url: apiUrl, ...question.api };
      let apiError: string | undefined;
      const apiRun = await latency(() => askGraphql(apiRequest), options).catch((error: unknown) => {
        apiError = (error as Error).message.split("\n")[0];
        say(`  the API failed: ${apiError}`);
        return null;
      });
      afterWarmup ??= rssMb(api.pid);
      const askFloor = () =>
        driver.executeQuery(question.floor.cypher, question.floor.params ?? {}, {
          routing: "READ",
          database: config.neo4j.database,
          transactionConfig: { timeout: FLOOR_TIMEOUT_MS },
        });
      const floorRun = await latency(askFloor, options).catch((error: unknown) => {
        say(`  the floor query failed or took over ${FLOOR_TIMEOUT_MS / 1000} s: ${(error as Error).message.split("\n")[0]}`);
        return null;
      });
      const sameAnswer =
        question.sameAnswer && apiRun && floorRun
          ? JSON.stringify(question.sameAnswer.api(apiRun.last.data)) ===
            JSON.stringify(question.sameAnswer.floor(floorRun.last.records.map((record) => record.toObject())))
          : undefined;
      if (sameAnswer === false) say("  the floor's answer differs from the API's");
      const peerRequest = question.peer ? { url: peerUrl, query: question.peer.query } : undefined;
      const peerRun = peerRequest ? await latency(() => askGraphql(peerRequest), options) : undefined;

      const apiThroughput = apiRun ? await throughput(apiRequest, load) : null;
      if (apiRun) memory.push(rssMb(api.pid) ?? 0);
      const floorThroughput = floorRun ? await loopThroughput(askFloor, load) : null;
      const peerThroughput = peerRequest ? await throughput(peerRequest, load) : null;
      results.push({
        id: question.id,
        name: question.name,
        kind: question.kind,
        ...(question.p95TargetMs ? { p95TargetMs: question.p95TargetMs } : {}),
        api: apiRun ? { ...apiRun.latency, roundTrips: apiRun.last.roundTrips ?? null, throughput: apiThroughput } : null,
        ...(apiError ? { apiError } : {}),
        floor: floorRun ? { ...floorRun.latency, throughput: floorThroughput } : null,
        ...(sameAnswer === undefined ? {} : { sameAnswer }),
        peer: peerRun ? { ...peerRun.latency, throughput: peerThroughput } : null,
      });
    }

    // Sustained load: the same mix of every question the API answered, round after round; a
    // process whose memory grows with the requests it has served grows from round to round.
    const mix = options.questions.filter((q) => results.some((r) => r.id === q.id && r.api !== null)).map((q) => q.api);
    const afterRound: number[] = [];
    let failures = 0;
    if (mix.length > 0) {
      say(`bench: sustained load, ${options.sustained.rounds} rounds of ${options.sustained.seconds} s, every question in turn`);
      for (let round = 0; round < options.sustained.rounds; round += 1) {
        failures += (await mixedThroughput(apiUrl, mix, { connections: options.connections, seconds: options.sustained.seconds })).failures;
        afterRound.push(rssMb(api.pid) ?? 0);
      }
    }

    say(`bench: CSV export of ${BENCH_KEYS.outlet}'s audit`);
    const apiPid = api.pid;
    const exported = await measureExport(`http://127.0.0.1:${apiPort}`, BENCH_KEYS.outlet, () => rssMb(apiPid)).catch((error: unknown) => {
      say(`  the export failed: ${(error as Error).message.split("\n")[0]}`);
      return null;
    });

    const cpus = os.cpus();
    const result: BenchResult = {
      date: new Date().toISOString(),
      size: options.size,
      machine: {
        cpus: cpus.length,
        cpuModel: cpus[0]?.model.trim() ?? "unknown",
        memoryGb: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        neo4jHeap: maxHeap,
        neo4jPageCacheMb: pageCacheMb,
      },
      graph,
      ingest,
      questions: results,
      ...(exported ? { export: exported } : {}),
      apiMemoryMb: {
        afterWarmup: afterWarmup ?? 0,
        firstUnderLoad: memory[0] ?? 0,
        max: Math.max(0, ...memory),
        end: memory.at(-1) ?? 0,
        sustained: { seconds: options.sustained.seconds, connections: options.connections, afterRound, failures },
      },
    };
    const outDir = path.join(projectRoot, "bench/results");
    mkdirSync(outDir, { recursive: true });
    const stem = path.join(outDir, `${result.date.slice(0, 10)}-${options.size}`);
    const markdown = renderMarkdown(result);
    writeFileSync(`${stem}.json`, `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(`${stem}.md`, markdown);
    process.stdout.write(markdown);
    say(`bench: wrote ${path.relative(projectRoot, stem)}.json and .md`);
  } finally {
    await Promise.all([stopChild(api), stopChild(peer)]);
    await driver.close();
    await neo4j.stop();
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  say(error instanceof UsageError ? `${error.message}\n\n${USAGE}` : `bench failed: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});

import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { projectRoot } from "../../src/project-root.js";

export interface LogLine {
  msg?: string;
  [key: string]: unknown;
}

/** The built server (`npm start` runs the same file) as a child process whose JSON logs are collected. */
export class ServerProcess {
  readonly child: ChildProcess;
  readonly logs: LogLine[] = [];
  /** Every stdout line as written (pretty logs are not JSON). */
  readonly lines: string[] = [];
  readonly stderr: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(env: Record<string, string>) {
    this.child = spawn(process.execPath, [path.join(projectRoot, "dist/src/main.js")], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let pending = "";
    this.child.stdout!.on("data", (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        if (!line.trim()) continue;
        this.lines.push(line);
        if (line.startsWith("{")) this.logs.push(JSON.parse(line) as LogLine);
      }
    });
    this.child.stderr!.on("data", (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.exited = new Promise((resolve) => this.child.once("exit", (code, signal) => resolve({ code, signal })));
  }

  /** Resolves with the first stdout line matching `pattern`, or rejects if the process exits first. */
  async waitForLine(pattern: RegExp, timeoutMs = 120_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let done = false;
    void this.exited.then(() => (done = true));
    for (;;) {
      const found = this.lines.find((line) => pattern.test(line));
      if (found) return found;
      if (done || Date.now() > deadline)
        throw new Error(`no line matching ${pattern}; stderr: ${this.stderr.join("")}; last lines: ${this.lines.slice(-5).join("\n")}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Resolves with the first log line matching `predicate`, or rejects if the process exits first. */
  async waitForLog(predicate: (line: LogLine) => boolean, timeoutMs = 120_000): Promise<LogLine> {
    const deadline = Date.now() + timeoutMs;
    let done = false;
    void this.exited.then(() => (done = true));
    for (;;) {
      const found = this.logs.find(predicate);
      if (found) return found;
      if (done || Date.now() > deadline) {
        throw new Error(`log line not seen; stderr: ${this.stderr.join("")}; logs: ${JSON.stringify(this.logs.slice(-5))}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** True while a process with this pid exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  return !isAlive(pid);
}

/** The environment of a built server started by a test on the run's Neo4j: no seed, no rate limits, `extra` on top. */
export function serverOnRunNeo4j(neo4jUri: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PORT: "0",
    NEO4J_URI: neo4jUri,
    NEO4J_USERNAME: process.env.NEO4J_USERNAME ?? "neo4j",
    NEO4J_PASSWORD: process.env.NEO4J_PASSWORD ?? "",
    SEED_ON_START: "false",
    RATE_LIMIT_READS_PER_MINUTE: "0",
    RATE_LIMIT_WRITES_PER_MINUTE: "0",
    ...extra,
  };
}

import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import type { Logger } from "pino";
import { projectRoot } from "../project-root.js";

const LAUNCHER_DIR = path.join(projectRoot, "neo4j-launcher");
const TARGET_DIR = path.join(LAUNCHER_DIR, "target");
const LAUNCHER_JAR = path.join(TARGET_DIR, "neo4j-launcher-1.0.0.jar");
const BUILT_MARKER = path.join(TARGET_DIR, "launcher.built");
const LAUNCHER_SOURCES = [
  path.join(LAUNCHER_DIR, "pom.xml"),
  path.join(LAUNCHER_DIR, "src/main/java/dev/narrativegraph/launcher/Main.java"),
];
const READY_LINE = /^NEO4J_READY (\S+)/m;
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 30_000;

/** Raised when the embedded database cannot be built or started; the message says what to do. */
export class EmbeddedNeo4jError extends Error {
  override name = "EmbeddedNeo4jError";
}

export interface EmbeddedNeo4jOptions {
  readonly dataDir: string;
  readonly boltPort: number;
  readonly logger: Logger;
  /** Java heap ceiling as Java writes it, e.g. "1g" (the default). */
  readonly maxHeap?: string;
  /** Page cache in MB: how much of the store Neo4j keeps in memory (default 256). */
  readonly pageCacheMb?: number;
}

export interface EmbeddedNeo4j {
  readonly uri: string;
  readonly pid: number;
  /** Sends SIGTERM and waits for a clean shutdown (SIGKILL after a grace period). */
  stop(): Promise<void>;
}

/** True when the launcher's jar and classpath are missing or older than its sources. */
function launcherIsStale(): boolean {
  if (!existsSync(BUILT_MARKER) || !existsSync(LAUNCHER_JAR)) return true;
  const builtAt = statSync(BUILT_MARKER).mtimeMs;
  return LAUNCHER_SOURCES.some((file) => statSync(file).mtimeMs > builtAt);
}

/** Builds the launcher with Maven when needed; the first build downloads Neo4j from Maven Central. */
async function ensureLauncherBuilt(logger: Logger): Promise<void> {
  if (!launcherIsStale()) return;
  const started = Date.now();
  logger.info("building the embedded Neo4j launcher with Maven (the first build downloads Neo4j, about 120 MB)");
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const mvn = spawn("mvn", ["-B", "-ntp", "-q", "-f", path.join(LAUNCHER_DIR, "pom.xml"), "package", "-DskipTests"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    mvn.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    mvn.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    mvn.on("error", (error: NodeJS.ErrnoException) =>
      reject(
        new EmbeddedNeo4jError(
          error.code === "ENOENT"
            ? "Maven (mvn) is not installed: install Java 17 and Maven, or set NEO4J_URI to an existing Neo4j"
            : `could not run Maven: ${error.message}`,
        ),
      ),
    );
    mvn.on("exit", resolve);
  });
  if (code !== 0) {
    const tail = output.join("").trim().split("\n").slice(-15).join("\n");
    throw new EmbeddedNeo4jError(`building the Neo4j launcher failed (mvn exit ${code}):\n${tail}`);
  }
  writeFileSync(BUILT_MARKER, new Date().toISOString());
  logger.info({ durationMs: Date.now() - started }, "embedded Neo4j launcher built");
}

/** Resolves true when nothing listens on host:port. */
export function portIsFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

/**
 * Starts Neo4j Community embedded, Bolt on 127.0.0.1, and resolves once Bolt is ready.
 * The child watches its stdin, so it also shuts down if this process dies abruptly.
 */
export async function startEmbeddedNeo4j(options: EmbeddedNeo4jOptions): Promise<EmbeddedNeo4j> {
  const { dataDir, boltPort, logger } = options;
  const host = "127.0.0.1";
  await ensureLauncherBuilt(logger);
  if (!(await portIsFree(boltPort, host))) {
    throw new EmbeddedNeo4jError(
      `port ${boltPort} on ${host} is in use: set NEO4J_BOLT_PORT to a free port, or NEO4J_URI to use the Neo4j already running there`,
    );
  }
  mkdirSync(dataDir, { recursive: true });
  const classpath = [LAUNCHER_JAR, path.join(TARGET_DIR, "lib", "*")].join(path.delimiter);
  const args = [
    `-Xmx${options.maxHeap ?? "1g"}`,
    "-XX:+UseG1GC",
    "-cp",
    classpath,
    "dev.narrativegraph.launcher.Main",
    "--data",
    dataDir,
    "--host",
    host,
    "--port",
    String(boltPort),
    "--page-cache-mb",
    String(options.pageCacheMb ?? 256),
    "--watch-stdin",
  ];
  logger.info(
    { dataDir, boltPort, maxHeap: options.maxHeap ?? "1g", pageCacheMb: options.pageCacheMb ?? 256 },
    "starting embedded Neo4j 5.26",
  );
  const child = spawn("java", args, { stdio: ["pipe", "pipe", "pipe"] });
  const uri = await waitUntilReady(child, logger);
  logger.info({ uri, pid: child.pid }, "embedded Neo4j is ready");
  return { uri, pid: child.pid ?? -1, stop: () => stopChild(child, logger) };
}

function waitUntilReady(child: ChildProcess, logger: Logger): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = "";
    const stderr: string[] = [];
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new EmbeddedNeo4jError(`embedded Neo4j did not become ready within ${START_TIMEOUT_MS / 1000}s`));
    }, START_TIMEOUT_MS);
    child.stdout?.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      logger.debug({ component: "neo4j" }, text.trim());
      stdout += text;
      const ready = READY_LINE.exec(stdout);
      if (ready?.[1]) {
        clearTimeout(timer);
        resolve(ready[1]);
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr.push(chunk.toString());
      logger.debug({ component: "neo4j" }, chunk.toString().trim());
    });
    child.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        new EmbeddedNeo4jError(
          error.code === "ENOENT"
            ? "Java is not installed: install Java 17, or set NEO4J_URI to an existing Neo4j"
            : `could not start Java: ${error.message}`,
        ),
      );
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      const tail = stderr.join("").trim().split("\n").slice(-10).join("\n");
      reject(new EmbeddedNeo4jError(`embedded Neo4j exited (code ${code}) before it was ready:\n${tail}`));
    });
  });
}

function stopChild(child: ChildProcess, logger: Logger): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => {
      logger.warn("embedded Neo4j did not stop in time; killing it");
      child.kill("SIGKILL");
    }, STOP_TIMEOUT_MS);
    child.once("exit", () => {
      clearTimeout(killer);
      logger.info("embedded Neo4j stopped");
      resolve();
    });
    child.kill("SIGTERM");
  });
}

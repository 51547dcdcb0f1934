// Runs the whole test suite twice in a row against one Neo4j (an embedded one started here),
// proving the tests isolate their data well enough to share a database that already holds a
// previous run's. Needs `npm run build` first (npm test's pretest does it).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pino } from "pino";
import { startEmbeddedNeo4j } from "../dist/src/db/embedded.js";

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const dataDir = mkdtempSync(path.join(tmpdir(), "mng-twice-"));
const neo4j = await startEmbeddedNeo4j({ dataDir, boltPort: await freePort(), logger: pino({ level: "warn" }) });
let failed = false;
try {
  for (const run of [1, 2]) {
    process.stdout.write(`\n== test run ${run} of 2 against ${neo4j.uri}\n`);
    const result = spawnSync("npx", ["vitest", "run"], { stdio: "inherit", env: { ...process.env, NEO4J_URI: neo4j.uri } });
    if (result.status !== 0) {
      failed = true;
      break;
    }
  }
} finally {
  await neo4j.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);

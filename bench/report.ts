import type { BenchResult, QuestionResult } from "./result.js";

/** SPEC "Performance" targets, as the table checks them. */
const TARGETS = {
  /** A list question's API p50 over the floor's p50. */
  listOverFloor: 1.25,
  /** A nested read's API throughput over the peer's. */
  nestedOverPeer: 1.5,
  /** A traversal's API p95, in ms. */
  traversalP95Ms: 250,
  /** Bulk ingest, claims per second. */
  ingestClaimsPerSecond: 5_000,
  /** Ingest with entity resolution (SUGGEST) ÷ ingest without it. */
  resolutionCost: 1.3,
  /** API RSS after the last round of the sustained load over RSS after its first round: above this it is not flat. */
  memoryGrowth: 1.1,
  /** API RSS growth while one outlet's audit streams as CSV, in MB. */
  exportGrowthMb: 50,
} as const;

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : Number.NaN);
const fixed = (n: number | null | undefined) => (n === null || n === undefined || Number.isNaN(n) ? "–" : String(n));

/** "met" or "missed by N×": how far a value is from its target, the direction given by `atMost`. */
function verdict(value: number, target: number, atMost: boolean): string {
  if (Number.isNaN(value)) return "–";
  const met = atMost ? value <= target : value >= target;
  return met ? "met" : `missed by ${ratio(atMost ? value : target, atMost ? target : value)}×`;
}

function targetOf(q: QuestionResult): { target: string; verdict: string } {
  const p95Target = q.p95TargetMs ?? TARGETS.traversalP95Ms;
  if (!q.api) {
    const target = q.kind === "traversal" ? `p95 ≤ ${p95Target} ms` : `p50 ≤ ${TARGETS.listOverFloor}× floor`;
    return { target, verdict: `failed: ${q.apiError ?? "no answer"}` };
  }
  if (q.kind === "traversal") return { target: `p95 ≤ ${p95Target} ms`, verdict: verdict(q.api.p95, p95Target, true) };
  const overFloor =
    q.sameAnswer === false
      ? "no ratio: the floor's answer differs"
      : q.floor
        ? verdict(ratio(q.api.p50, q.floor.p50), TARGETS.listOverFloor, true)
        : "floor timed out";
  if (q.kind === "list" || !q.peer?.throughput || !q.api.throughput)
    return { target: `p50 ≤ ${TARGETS.listOverFloor}× floor`, verdict: overFloor };
  const overPeer = verdict(ratio(q.api.throughput.requestsPerSecond, q.peer.throughput.requestsPerSecond), TARGETS.nestedOverPeer, false);
  return { target: `p50 ≤ ${TARGETS.listOverFloor}× floor; ≥ ${TARGETS.nestedOverPeer}× peer req/s`, verdict: `${overFloor}; ${overPeer}` };
}

/** The run as Markdown: one row per question (times in ms, throughput in requests/s), then ingest and memory. */
export function renderMarkdown(result: BenchResult): string {
  const lines = [
    `## ${result.size} claims, ${result.date.slice(0, 10)}`,
    "",
    `${result.graph.articles} articles, ${result.graph.claims} claims, ${result.graph.leadsTo} LEADS_TO pairs; ` +
      `${result.machine.cpus} × ${result.machine.cpuModel}, ${result.machine.memoryGb} GB, Node ${result.machine.node}, ` +
      `Neo4j heap ${result.machine.neo4jHeap}, page cache ${result.machine.neo4jPageCacheMb} MB.`,
    "",
    "| question | API p50 | API p95 | floor p50 | API ÷ floor p50 | peer p50 | API req/s | floor req/s | peer req/s | API ÷ peer req/s | round trips | target | verdict |",
    "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|---|",
  ];
  for (const q of result.questions) {
    const { target, verdict: v } = targetOf(q);
    if (!q.api) {
      lines.push(
        `| ${q.name} | – | – | ${fixed(q.floor?.p50)} | – | ${fixed(q.peer?.p50)} | – | ${fixed(q.floor?.throughput?.requestsPerSecond)} | ${fixed(q.peer?.throughput?.requestsPerSecond)} | – | – | ${target} | ${v} |`,
      );
      continue;
    }
    const apiRps = q.api.throughput?.requestsPerSecond;
    const peerRps = q.peer?.throughput?.requestsPerSecond;
    lines.push(
      `| ${q.name} | ${q.api.p50} | ${q.api.p95} | ${fixed(q.floor?.p50)} | ${q.floor && q.sameAnswer !== false ? fixed(ratio(q.api.p50, q.floor.p50)) : "–"} | ${fixed(q.peer?.p50)} | ${fixed(apiRps)} | ${fixed(q.floor?.throughput?.requestsPerSecond)} | ${fixed(peerRps)} | ${peerRps ? fixed(ratio(apiRps ?? 0, peerRps)) : "–"} | ${fixed(q.api.roundTrips)} | ${target} | ${v} |`,
    );
  }
  const compared = result.questions.filter((q) => q.sameAnswer !== undefined);
  if (compared.length > 0) {
    lines.push(
      "",
      `Answers compared with the floor's: ${compared.map((q) => `${q.name}: ${q.sameAnswer ? "the same" : "different"}`).join("; ")}.`,
    );
  }
  const ingest = result.ingest.claimsPerSecond;
  const { afterWarmup, firstUnderLoad, max, end, sustained } = result.apiMemoryMb;
  const rounds = sustained.afterRound;
  lines.push(
    "",
    `Bulk ingest: ${ingest === null ? "skipped (already loaded)" : `${ingest} claims/s (${result.ingest.claims} claims in ${result.ingest.seconds} s)`}; ` +
      `target ≥ ${TARGETS.ingestClaimsPerSecond}: ${ingest === null ? "–" : verdict(ingest, TARGETS.ingestClaimsPerSecond, false)}.` +
      resolutionLine(result.ingest),
    "",
    exportLine(result.export),
    "",
    `API memory (RSS): ${afterWarmup} MB after warm-up; after each question's load ${firstUnderLoad} MB after the first, ${max} MB at most, ${end} MB after the last ` +
      `(questions differ in what they hold, so this is no measure of growth). ` +
      (rounds.length === 0
        ? "No sustained load (the API answered no question)."
        : `Under sustained load (every question in turn, ${sustained.connections} clients, ${rounds.length} rounds of ${sustained.seconds} s${sustained.failures ? `, ${sustained.failures} failed requests` : ""}): ` +
          `${rounds.join(", ")} MB after each round; flat (last round ≤ ${TARGETS.memoryGrowth}× the first): ${rounds.at(-1)! <= rounds[0]! * TARGETS.memoryGrowth ? "yes" : "no"}.`),
    "",
    "Times in ms, sequential requests; req/s with 8 concurrent clients. Floor: one hand-written Cypher query through the driver. " +
      "Peer: @neo4j/graphql 7 over the same database, for the questions it can express.",
    "",
  );
  return lines.join("\n");
}

/** Entity resolution's share of the ingest: ingest with SUGGEST ÷ ingest without it (the time less resolution's). */
function resolutionLine(ingest: BenchResult["ingest"]): string {
  if (ingest.claimsPerSecond === null || ingest.resolutionSeconds === undefined) return "";
  const cost = ratio(ingest.seconds, Math.max(0.001, ingest.seconds - ingest.resolutionSeconds));
  return (
    ` Entity resolution (SUGGEST, the default) took ${ingest.resolutionSeconds} s of it: ingest costs ${cost}× ingest without it; ` +
    `target ≤ ${TARGETS.resolutionCost}×: ${verdict(cost, TARGETS.resolutionCost, true)}.`
  );
}

/** The CSV export's line: rows against the audit's count, and API memory growth while it streamed. */
function exportLine(exported: BenchResult["export"]): string {
  if (!exported) return "Audit export: failed (see the run's output).";
  const growth = Math.round((exported.rssPeakMb - exported.rssBeforeMb) * 10) / 10;
  return (
    `Audit export (CSV, ${exported.source}): ${exported.rows} rows in ${exported.seconds} s; ` +
    `summary.total ${exported.summaryTotal}: ${exported.rows === exported.summaryTotal ? "equal" : "DIFFERENT"}. ` +
    `API memory ${exported.rssBeforeMb} MB before, ${exported.rssPeakMb} MB at most while it streamed (+${growth} MB); ` +
    `target < ${TARGETS.exportGrowthMb} MB: ${growth < TARGETS.exportGrowthMb ? "met" : "missed"}.`
  );
}

import type { ExportResult } from "./export.js";
import type { Latency, Throughput } from "./measure.js";
import type { Question } from "./questions.js";

/** One question's numbers. */
export interface QuestionResult {
  readonly id: string;
  readonly name: string;
  readonly kind: Question["kind"];
  readonly p95TargetMs?: number;
  /** Null when the API answered with errors (see `apiError`): a benchmark of failures measures nothing. */
  readonly api: (Latency & { readonly roundTrips: number | null; readonly throughput: Throughput | null }) | null;
  readonly apiError?: string;
  /** Null when the hand-written query failed or ran past FLOOR_TIMEOUT_MS. */
  readonly floor: (Latency & { readonly throughput: Throughput | null }) | null;
  /** Where the question compares answers (Question.sameAnswer): whether the floor's equals the API's. */
  readonly sameAnswer?: boolean;
  readonly peer: (Latency & { readonly throughput: Throughput | null }) | null;
}

/** Everything one run measured; the JSON written to bench/results. */
export interface BenchResult {
  readonly date: string;
  readonly size: string;
  readonly machine: {
    readonly cpus: number;
    readonly cpuModel: string;
    readonly memoryGb: number;
    readonly node: string;
    readonly neo4jHeap: string;
    readonly neo4jPageCacheMb: number;
  };
  readonly graph: { readonly articles: number; readonly claims: number; readonly leadsTo: number };
  readonly ingest: {
    readonly claims: number;
    readonly seconds: number;
    readonly claimsPerSecond: number | null;
    /** Seconds of it spent on entity resolution (SUGGEST, the default): ingest costs seconds ÷ (seconds − this) of ingest without it. */
    readonly resolutionSeconds?: number;
  };
  readonly questions: readonly QuestionResult[];
  /** The CSV export of the benchmark outlet's audit (absent when it failed). */
  readonly export?: ExportResult;
  /**
   * API resident memory in MB: after the first warm-up, after the first question's load, and
   * the highest and last readings after each question's load; then after each round of the
   * sustained load (every question's request in turn, the same mix each round).
   */
  readonly apiMemoryMb: {
    readonly afterWarmup: number;
    readonly firstUnderLoad: number;
    readonly max: number;
    readonly end: number;
    readonly sustained: {
      readonly seconds: number;
      readonly connections: number;
      readonly afterRound: readonly number[];
      readonly failures: number;
    };
  };
}

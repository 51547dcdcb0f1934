import autocannon from "autocannon";

/** Latency of one way of asking, in milliseconds over the sequential samples. */
export interface Latency {
  readonly samples: number;
  readonly p50: number;
  readonly p95: number;
}

/** A GraphQL request as autocannon and fetch send it. */
export interface GraphqlRequest {
  readonly url: string;
  readonly query: string;
  readonly variables?: Record<string, unknown> | undefined;
}

/** What one answer told us besides its time. */
export interface Answer {
  /** `extensions.diagnostics.roundTrips` when the server reports it. */
  readonly roundTrips?: number;
  /** The response's `data`. */
  readonly data?: unknown;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

export interface LatencyOptions {
  readonly warmup: number;
  readonly samples: number;
  /** Stop sampling (after at least 5 samples) once warm-up and samples took this long, in ms. */
  readonly budgetMs: number;
}

/**
 * Runs `ask` `warmup` times unmeasured, then up to `samples` times one after another (fewer
 * when the time budget runs out), and returns p50/p95 of the measured wall-clock times (ms)
 * and the last answer.
 */
export async function latency<T>(ask: () => Promise<T>, options: LatencyOptions): Promise<{ latency: Latency; last: T }> {
  const deadline = performance.now() + options.budgetMs;
  let last: T | undefined;
  for (let i = 0; i < options.warmup && performance.now() < deadline; i += 1) last = await ask();
  const times: number[] = [];
  for (let i = 0; i < options.samples && (i < 5 || performance.now() < deadline); i += 1) {
    const started = performance.now();
    last = await ask();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { latency: { samples: times.length, p50: round(percentile(times, 50)), p95: round(percentile(times, 95)) }, last: last as T };
}

/** Raised when an answer carries GraphQL errors: a benchmark of failures measures nothing. */
class AnswerError extends Error {
  override name = "AnswerError";
}

/** Sends one GraphQL request over HTTP; throws on a non-2xx status or GraphQL errors. */
export async function askGraphql(request: GraphqlRequest): Promise<Answer> {
  const response = await fetch(request.url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
    body: JSON.stringify({ query: request.query, variables: request.variables }),
  });
  const body = (await response.json()) as {
    data?: unknown;
    errors?: { message: string }[];
    extensions?: { diagnostics?: { roundTrips?: number } };
  };
  if (!response.ok || body.errors?.length) {
    throw new AnswerError(`${request.url} answered ${response.status}: ${body.errors?.map((e) => e.message).join("; ") ?? "no body"}`);
  }
  const roundTrips = body.extensions?.diagnostics?.roundTrips;
  return roundTrips === undefined ? { data: body.data } : { roundTrips, data: body.data };
}

/** Throughput of one HTTP endpoint: completed requests per second under `connections` concurrent clients. */
export interface Throughput {
  readonly connections: number;
  readonly seconds: number;
  readonly requestsPerSecond: number;
  /** Non-2xx answers and socket errors during the run; a fair run has none. */
  readonly failures: number;
}

/** Drives one GraphQL request with autocannon for `seconds` over `connections` connections (loopback only). */
export async function throughput(request: GraphqlRequest, options: { connections: number; seconds: number }): Promise<Throughput> {
  const result = await autocannon({ url: request.url, ...post(request), connections: options.connections, duration: options.seconds });
  return throughputOf(result, options);
}

/** A GraphQL request as autocannon sends it. */
const post = (request: Omit<GraphqlRequest, "url">) => ({
  method: "POST" as const,
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ query: request.query, variables: request.variables }),
});

function throughputOf(result: autocannon.Result, options: { connections: number; seconds: number }): Throughput {
  return {
    connections: options.connections,
    seconds: options.seconds,
    requestsPerSecond: Math.round(result.requests.average * 10) / 10,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

/**
 * Requests/s of a mix of requests to one server: each connection sends them in turn, over and
 * over, for `seconds` (autocannon's `requests`).
 */
export async function mixedThroughput(
  url: string,
  requests: readonly Omit<GraphqlRequest, "url">[],
  options: { connections: number; seconds: number },
): Promise<Throughput> {
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    // Longer than the API's own time limit: a slow request is answered (or refused), never
    // abandoned by the client while the server still works on it.
    timeout: 60,
    requests: requests.map(post),
  });
  return throughputOf(result, options);
}

/** Throughput of any async call, as `concurrency` loops for `seconds`: the floor's counterpart to autocannon. */
export async function loopThroughput(ask: () => Promise<unknown>, options: { connections: number; seconds: number }): Promise<Throughput> {
  const deadline = performance.now() + options.seconds * 1000;
  let done = 0;
  let failures = 0;
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (performance.now() < deadline) {
        try {
          await ask();
          done += 1;
        } catch {
          failures += 1;
        }
      }
    }),
  );
  return {
    connections: options.connections,
    seconds: options.seconds,
    requestsPerSecond: Math.round((done / options.seconds) * 10) / 10,
    failures,
  };
}

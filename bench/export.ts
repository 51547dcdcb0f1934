import { parse } from "csv-parse";

/** What streaming one outlet's audit as CSV cost: rows against the audit's own count, time, and the API's memory while it ran. */
export interface ExportResult {
  readonly source: string;
  readonly rows: number;
  /** `attributionAudit(filter: { source }).summary.total`: the rows the export must give. */
  readonly summaryTotal: number;
  readonly seconds: number;
  readonly rssBeforeMb: number;
  /** The highest API RSS sampled every 100 ms while the export streamed. */
  readonly rssPeakMb: number;
}

/**
 * Streams GET /export/audit.csv?source=… from the API at `origin`, counting its records with a
 * CSV parser as they arrive, while `rss()` is sampled; then asks the audit's summary for the
 * same filter.
 */
export async function measureExport(origin: string, source: string, rss: () => number | null): Promise<ExportResult> {
  const rssBeforeMb = rss() ?? 0;
  let rssPeakMb = rssBeforeMb;
  const sampler = setInterval(() => {
    rssPeakMb = Math.max(rssPeakMb, rss() ?? 0);
  }, 100);
  const started = performance.now();
  let records = 0;
  try {
    const res = await fetch(`${origin}/export/audit.csv?source=${encodeURIComponent(source)}`);
    if (!res.ok || !res.body) throw new Error(`export answered ${res.status}: ${await res.text()}`);
    const parser = parse();
    parser.on("data", () => {
      records += 1;
    });
    const done = new Promise<void>((resolve, reject) => parser.on("end", resolve).on("error", reject));
    for await (const chunk of res.body) parser.write(chunk);
    parser.end();
    await done;
  } finally {
    clearInterval(sampler);
  }
  const seconds = Math.round((performance.now() - started) / 10) / 100;
  const summary = await fetch(`${origin}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: `query($s: String!) { attributionAudit(filter: { source: $s }, first: 1) { summary { total } } }`,
      variables: { s: source },
    }),
  });
  const body = (await summary.json()) as { data: { attributionAudit: { summary: { total: number } } } };
  return { source, rows: records - 1, summaryTotal: body.data.attributionAudit.summary.total, seconds, rssBeforeMb, rssPeakMb };
}

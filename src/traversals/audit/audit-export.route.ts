import { once } from "node:events";
import { stringify } from "csv-stringify/sync";
import { Router, type Request, type Response } from "express";
import neo4j, { type Driver } from "neo4j-driver";
import type { Logger } from "pino";
import { mapDatabaseError } from "../../db/errors.js";
import { toPlain } from "../../db/values.js";
import { AppError, BadUserInputError, ErrorCode } from "../../errors.js";
import { toGlobalId } from "../../graphql/global-id.js";
import { FieldReader } from "../../input/field-reader.js";
import { Problems } from "../../input/problems.js";
import { AMOUNT_TOLERANCE } from "../../domain/shared/figures.js";
import { auditExportQuery } from "./audit.cypher.js";
import { readAuditScope } from "./audit.criteria.js";
import { AttributionStatus, type AuditFilter } from "./audit.type.js";

/** How long one export may run in Neo4j: an outlet's whole audit, longer than a request's limit. */
const EXPORT_TIMEOUT_MS = 300_000;

/** Exports running at once per server; more are answered 429 with Retry-After (each holds a session and may read a whole outlet). */
const MAX_CONCURRENT_EXPORTS = 2;

/** Exports running now (one process, one count). */
const running = { count: 0 };

/** Rows Neo4j sends per batch: the driver asks for the next batch only once this one is read (backpressure). */
const FETCH_SIZE = 500;

/** The query parameters an export takes: the attributionAudit filter's, by the same names. */
const PARAMETERS = ["source", "asset", "narrative", "event", "status", "from", "to", "articleUrl"] as const;

/** One exported row: a current claim and its audit (docs/api.md, "Exports"). */
interface ExportRow {
  readonly id: string;
  readonly key: string | null;
  readonly text: string;
  readonly relation: string;
  readonly polarity: string;
  readonly modality: string;
  readonly confidence: number;
  readonly articleUrl: string;
  readonly publishedAt: string | null;
  readonly publisher: string;
  readonly attributedTo: string[];
  readonly citedUrls: string[];
  readonly status: string;
  readonly independentSourceCount: number;
  readonly independentDomains: string[];
  readonly conflictsWith: string[];
  readonly figuresDisputed: boolean;
  readonly figuresDisputedEvents: string[];
}

/** CSV columns, in order; lists are joined with a space (URLs and domains hold none). */
const COLUMNS: readonly (keyof ExportRow)[] = [
  "id",
  "key",
  "text",
  "relation",
  "polarity",
  "modality",
  "confidence",
  "articleUrl",
  "publishedAt",
  "publisher",
  "attributedTo",
  "citedUrls",
  "status",
  "independentSourceCount",
  "independentDomains",
  "conflictsWith",
  "figuresDisputed",
  "figuresDisputedEvents",
];

/** Booleans as true/false (csv-stringify writes 1 and an empty field otherwise). */
const CSV_OPTIONS = { cast: { boolean: (value: boolean) => String(value) } };

const FORMATS = {
  csv: {
    type: "text/csv; charset=utf-8",
    header: () => stringify([COLUMNS as string[]]),
    line: (row: ExportRow) =>
      stringify([COLUMNS.map((column) => (Array.isArray(row[column]) ? (row[column] as string[]).join(" ") : row[column]))], CSV_OPTIONS),
  },
  ndjson: {
    type: "application/x-ndjson; charset=utf-8",
    header: () => "",
    line: (row: ExportRow) => `${JSON.stringify(row)}\n`,
  },
} as const;

type Format = keyof typeof FORMATS;

/** The filter the query parameters give, validated as attributionAudit validates its filter. */
function filterOf(query: Request["query"]) {
  const problems = new Problems();
  for (const [name, value] of Object.entries(query)) {
    if (!(PARAMETERS as readonly string[]).includes(name)) {
      problems.add(name, `is not a parameter of the export (${PARAMETERS.join(", ")})`);
    } else if (typeof value !== "string") problems.add(name, "must be given once");
  }
  const given = (name: (typeof PARAMETERS)[number]) => (typeof query[name] === "string" ? (query[name] as string) : null);
  const status = given("status");
  if (status !== null && !(Object.values(AttributionStatus) as string[]).includes(status)) {
    problems.add("status", `must be one of ${Object.values(AttributionStatus).join(", ")}`);
  }
  const filter: AuditFilter = {
    source: given("source"),
    asset: given("asset"),
    narrative: given("narrative"),
    event: given("event"),
    status: status as AttributionStatus | null,
    from: given("from"),
    to: given("to"),
    articleUrl: given("articleUrl"),
  };
  const scope = readAuditScope(filter, problems, new FieldReader(problems), "query");
  problems.throwIfAny();
  return scope;
}

function toRow(record: Record<string, unknown>): ExportRow {
  const plain = toPlain(record) as Record<string, unknown> & { uid: string; independentDomains: string[]; figuresDisputedEvents: string[] };
  return {
    id: toGlobalId("Claim", plain.uid),
    key: (plain.key as string | null) ?? null,
    text: plain.text as string,
    relation: plain.relation as string,
    polarity: plain.polarity as string,
    modality: plain.modality as string,
    confidence: plain.confidence as number,
    articleUrl: plain.articleUrl as string,
    publishedAt: (plain.publishedAt as string | null) ?? null,
    publisher: plain.publisher as string,
    attributedTo: plain.attributedTo as string[],
    citedUrls: plain.citedUrls as string[],
    status: plain.status as string,
    independentSourceCount: plain.independentDomains.length,
    independentDomains: plain.independentDomains,
    conflictsWith: plain.conflictsWith as string[],
    figuresDisputed: plain.figuresDisputedEvents.length > 0,
    figuresDisputedEvents: plain.figuresDisputedEvents,
  };
}

/** An error before the first row, as a GraphQL-shaped JSON body with the status its code maps to. */
const STATUS_OF: Partial<Record<string, number>> = {
  [ErrorCode.BadUserInput]: 400,
  [ErrorCode.DatabaseUnavailable]: 503,
  [ErrorCode.QueryTimeout]: 504,
};

function sendError(res: Response, error: AppError): void {
  const status = STATUS_OF[String(error.extensions.code)] ?? 500;
  if (status === 503) res.setHeader("Retry-After", "5");
  const { http: _http, ...extensions } = error.extensions;
  res.status(status).json({ errors: [{ message: error.message, extensions }] });
}

/**
 * Streams the audit rows of `scope` as `format`: read from Neo4j batch by batch and written as
 * the client takes them (the next batch is asked for only after a write the socket accepted),
 * so memory stays flat however many claims the scope holds.
 */
async function exportAudit(driver: Driver, database: string | undefined, logger: Logger, req: Request, res: Response, format: Format) {
  let scope;
  try {
    scope = filterOf(req.query);
  } catch (error) {
    sendError(res, error instanceof AppError ? error : new BadUserInputError(String(error)));
    return;
  }
  if (running.count >= MAX_CONCURRENT_EXPORTS) {
    res.setHeader("Retry-After", "10");
    res.status(429).json({
      errors: [
        {
          message: `At most ${MAX_CONCURRENT_EXPORTS} exports run at once; try again in 10 s`,
          extensions: { code: ErrorCode.RateLimited, retryAfter: 10 },
        },
      ],
    });
    return;
  }
  running.count += 1;
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ, fetchSize: FETCH_SIZE });
  let rows = 0;
  // The client went away (the response closed before it finished): stop reading, free the session.
  let aborted = false;
  const gone = new Promise<void>((resolve) =>
    res.on("close", () => {
      aborted = !res.writableFinished;
      resolve();
    }),
  );
  try {
    const result = session.run(auditExportQuery(scope), { scope, tolerance: AMOUNT_TOLERANCE }, { timeout: EXPORT_TIMEOUT_MS });
    const { type, header, line } = FORMATS[format];
    for await (const record of result) {
      if (aborted) break;
      if (rows === 0) {
        res.status(200).setHeader("Content-Type", type);
        res.setHeader("Content-Disposition", `attachment; filename="audit.${format}"`);
        res.write(header());
      }
      rows += 1;
      if (!res.write(line(toRow(record.toObject())))) {
        // Whichever comes first; the other is left to settle unobserved (never as an unhandled rejection).
        const drained = once(res, "drain").catch(() => undefined);
        await Promise.race([drained, gone]);
      }
    }
    if (rows === 0 && !aborted) {
      res.status(200).setHeader("Content-Type", FORMATS[format].type);
      res.write(FORMATS[format].header());
    }
    res.end();
    logger.info({ rows, format, aborted }, "audit exported");
  } catch (error) {
    const mapped = mapDatabaseError(error);
    if (!res.headersSent) sendError(res, mapped instanceof AppError ? mapped : new AppError("The export failed", ErrorCode.Internal));
    // Past the first row the status is sent: end the stream short, so the client sees it broken rather than complete.
    else res.destroy();
    logger.error({ err: error, rows }, "audit export failed");
  } finally {
    running.count -= 1;
    await session.close();
  }
}

/**
 * `GET /export/audit.csv` and `GET /export/audit.ndjson`: every row of the attribution audit
 * for the filter the query parameters give (source, asset, narrative, event, status, from, to,
 * articleUrl), one per current claim, streamed from Neo4j (docs/api.md, "Exports").
 */
export function auditExportRoutes(driver: Driver, database: string | undefined, logger: Logger): Router {
  const router = Router();
  router.get("/export/audit.csv", (req, res) => exportAudit(driver, database, logger, req, res, "csv"));
  router.get("/export/audit.ndjson", (req, res) => exportAudit(driver, database, logger, req, res, "ndjson"));
  return router;
}

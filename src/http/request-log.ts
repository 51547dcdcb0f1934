import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import { pinoHttp } from "pino-http";
import { requestId } from "./request-id.js";
import type { OperationReport } from "../context.js";

const REPORT = Symbol("operationReport");
type WithReport = ServerResponse & { [REPORT]?: OperationReport };

/** The response's operation report, created on first use. */
export function operationReport(res: ServerResponse): OperationReport {
  const carrier = res as WithReport;
  return (carrier[REPORT] ??= {});
}

function pathOf(req: IncomingMessage): string {
  const url = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? "";
  return url.split("?")[0] ?? "";
}

/** The fields of a request's one log line: method, path, operation, status, duration (ms). */
function lineFields(req: IncomingMessage, res: ServerResponse, durationMs: number) {
  const report = (res as WithReport)[REPORT];
  return {
    method: req.method,
    path: pathOf(req),
    operation: report?.operationName ?? undefined,
    status: res.statusCode,
    durationMs,
    roundTrips: report?.roundTrips,
    errorCodes: report?.errorCodes?.length ? report.errorCodes : undefined,
  };
}

function message(req: IncomingMessage, res: ServerResponse, durationMs?: number): string {
  const report = (res as WithReport)[REPORT];
  const parts = [
    req.method,
    pathOf(req),
    report?.operationName ?? undefined,
    res.statusCode,
    durationMs === undefined ? undefined : `${durationMs} ms`,
  ];
  return parts.filter((part) => part !== undefined).join(" ");
}

/**
 * One log line per HTTP request (health probes excluded), written when the response is
 * sent: `POST /graphql ExplainBtcFeb1 200 42 ms` plus the same as fields, the request id,
 * and for GraphQL the Cypher round trips and error codes. 5xx log as errors, 4xx as warnings.
 */
export function requestLogging(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: requestId,
    quietReqLogger: true,
    quietResLogger: true,
    autoLogging: { ignore: (req) => req.url === "/healthz" || req.url === "/readyz" },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "warn" : "info"),
    customSuccessMessage: (req, res, durationMs) => message(req, res, durationMs),
    customErrorMessage: (req, res, error) => `${message(req, res)} failed: ${error.message}`,
    customSuccessObject: (req, res, value: { responseTime: number }) => lineFields(req, res, value.responseTime),
    customErrorObject: (req, res, error, value: { responseTime: number }) => ({ ...lineFields(req, res, value.responseTime), err: error }),
  });
}

import { pino, type Logger } from "pino";
import type { Config } from "./config.js";

const BASE = { service: "market-narrative-graph" };

/**
 * Logs on stdout, one line per event: JSON for log collectors, or (LOG_FORMAT=pretty, the
 * default on a terminal) coloured single lines via pino-pretty. Secrets in headers are redacted.
 */
export function createLogger(config: Pick<Config, "logLevel"> & Partial<Pick<Config, "logFormat">>): Logger {
  const options = {
    level: config.logLevel,
    base: BASE,
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: ["req.headers.authorization", "req.headers.cookie"],
  };
  if (config.logFormat !== "pretty") return pino(options);
  const pretty = pino.transport({
    target: "pino-pretty",
    // Colours only when stdout is a terminal (pino-pretty's default).
    options: { singleLine: true, translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname,service,method,path,operation,status,durationMs" },
  });
  return pino(options, pretty);
}

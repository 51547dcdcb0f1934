import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

const CLIENT_REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Reuses a well-formed incoming X-Request-Id (for tracing across services) or makes one. */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers["x-request-id"];
  const id = typeof incoming === "string" && CLIENT_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader("x-request-id", id);
  return id;
}

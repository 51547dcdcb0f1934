import type { RequestHandler } from "express";
import type { Registry } from "prom-client";
import { createApiKeyVerifier } from "../auth/api-keys.js";
import { readBearerToken } from "../auth/bearer.js";

/**
 * `GET /metrics` in Prometheus' text format. With a token configured, a scrape must send
 * `Authorization: Bearer <token>` (compared like an API key, in constant time); otherwise 401.
 */
export function metricsRoute(registry: Registry, token: string | undefined): RequestHandler {
  const verifier = token ? createApiKeyVerifier([token]) : null;
  return async (req, res) => {
    if (verifier) {
      let presented: string | null = null;
      try {
        presented = readBearerToken(req.headers.authorization);
      } catch {
        presented = null;
      }
      if (!presented || !verifier.verify(presented)) {
        res
          .status(401)
          .set("www-authenticate", 'Bearer realm="metrics"')
          .json({ error: "metrics need Authorization: Bearer <METRICS_TOKEN>" });
        return;
      }
    }
    res.type(registry.contentType).send(await registry.metrics());
  };
}

import { auditServer, type AuditResult } from "graphql-http";
import { describe, expect, it } from "vitest";
import { startTestServer } from "../support/server.js";

/** The audits that may not pass, and why (the README says the same). */
const EXPECTED_NOT_OK: Record<string, string> = {
  // SHOULD: Apollo Server answers documents that fail to parse, validate or coerce with 400 for
  // application/json too; clients and proxies rely on a 4xx for a request that cannot run.
  "572B": "warn",
  FDE2: "warn",
  "7B9B": "warn",
  // MAY: GET requests need a header that cannot be sent by a plain form or link (Apollo's CSRF
  // prevention), so these bare GETs are refused.
  "5A70": "notice",
  D6D5: "notice",
  "6A70": "notice",
};

async function audit(env: Record<string, string>): Promise<AuditResult[]> {
  const server = await startTestServer(env);
  try {
    return await auditServer({ url: server.url });
  } finally {
    await server.close();
  }
}

describe.each([
  ["development", { NODE_ENV: "development" }],
  ["production", { NODE_ENV: "production" }],
])("GraphQL over HTTP audits (graphql-http), %s", (_mode, env) => {
  it("passes every MUST, and every other audit but the ones the README explains", async () => {
    const results = await audit(env);
    expect(results.length).toBeGreaterThan(50);
    const failedMusts = results.filter((r) => r.name.startsWith("MUST") && r.status !== "ok");
    expect(failedMusts.map((r) => `${r.id} ${r.name}: ${"reason" in r ? r.reason : ""}`)).toEqual([]);
    const notOk = Object.fromEntries(results.filter((r) => r.status !== "ok").map((r) => [r.id, r.status]));
    expect(notOk).toEqual(EXPECTED_NOT_OK);
  });
});

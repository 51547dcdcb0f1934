import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AttributionAuditDocument, IngestArticleDocument, type IngestArticleInput } from "../__generated__/graphql.js";
import { uniqueTag } from "../support/ids.js";
import { ingestOk } from "../support/ingest.js";
import { removeArticles } from "../support/remove-articles.js";
import { EDITOR_TOKEN, useTestServer } from "../support/server.js";

/**
 * The audit as data: GET /export/audit.csv and /export/audit.ndjson give one row per current
 * claim in scope, the same claims and statuses attributionAudit gives, and refuse a bad filter
 * with a typed error before writing a row.
 */
const server = useTestServer();
const tag = uniqueTag("ex");
const symbol = `E${tag.slice(-6)}`.toUpperCase();
const wire = `wire-${tag}.example`;
const desk = `desk-${tag}.example`;
const cascade = { kind: "EVENT" as const, key: `${tag}-cascade` };
const coin = { kind: "ASSET" as const, key: symbol };

function article(outlet: string, n: number, amountUsd: number, polarity: "ASSERTED" | "DENIED", text: string): IngestArticleInput {
  return {
    url: `https://${outlet}/${n}`,
    title: `${outlet} ${n}`,
    publishedAt: `2026-04-0${n}T12:00:00Z`,
    source: { domain: outlet, name: outlet },
    assets: [{ symbol, name: `${tag} coin`, assetClass: "CRYPTO" }],
    events: [{ key: cascade.key, kind: "liquidation", title: "Cascade", occurredAt: "2026-04-01T08:00:00Z", amountUsd, affects: [coin] }],
    claims: [
      {
        key: "cascade-moved-coin",
        text,
        relation: "CAUSES",
        polarity,
        confidence: 0.8,
        cause: cascade,
        effect: coin,
        attributedTo: [desk],
      },
    ],
  };
}

beforeAll(async () => {
  await ingestOk(server, article(wire, 1, 1.3e9, "ASSERTED", 'The cascade, "a wipeout", moved the coin.'));
  await ingestOk(server, article(desk, 2, 2.5e9, "ASSERTED", "The cascade moved the coin."));
  await ingestOk(server, article(wire, 3, 1.3e9, "DENIED", "The cascade did not move the coin."));
});
afterAll(() => removeArticles(server.driver, tag));

const exportOf = (format: "csv" | "ndjson", query: string) => fetch(`${server.origin}/export/audit.${format}?${query}`);

async function audited(filter: Record<string, string>) {
  const res = await server.request(AttributionAuditDocument, { filter, first: 100 });
  expect(res.errors).toBeUndefined();
  return res.data!.attributionAudit;
}

describe("audit exports", () => {
  it("NDJSON: one row per claim in scope, as the audit lists them, with their statuses", async () => {
    const res = await exportOf("ndjson", `source=${wire}&asset=${symbol}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/x-ndjson");
    const rows = (await res.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const { summary, claims } = await audited({ source: wire, asset: symbol });
    expect(rows).toHaveLength(summary.total);
    expect(rows.map((r) => [r.text, r.status, r.independentSourceCount])).toEqual(
      claims.map((c) => [c.claim.text, c.status, c.independentSourceCount]),
    );
    // Newest first. The wire's later denial contradicts the desk, not the wire's own claim.
    expect(rows.map((r) => r.articleUrl)).toEqual([`https://${wire}/3`, `https://${wire}/1`]);
    expect(rows[0]).toMatchObject({ polarity: "DENIED", status: "CONFLICTING", conflictsWith: [`https://${desk}/2`] });
    expect(rows[1]).toMatchObject({
      publisher: wire,
      attributedTo: [desk],
      status: "CORROBORATED",
      independentDomains: expect.arrayContaining([wire, desk]),
      conflictsWith: [],
      figuresDisputed: true,
      figuresDisputedEvents: [cascade.key],
    });
  });

  it("CSV: a header, then the same rows, quoting what needs it", async () => {
    const res = await exportOf("csv", `source=${wire}&asset=${symbol}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const [header, ...rows] = parse(await res.text()) as string[][];
    expect(header!.slice(0, 3)).toEqual(["id", "key", "text"]);
    const column = (name: string) => header!.indexOf(name);
    const { summary } = await audited({ source: wire, asset: symbol });
    expect(rows).toHaveLength(summary.total);
    const quoted = rows.find((r) => r[column("articleUrl")] === `https://${wire}/1`)!;
    expect(quoted[column("text")]).toBe('The cascade, "a wipeout", moved the coin.');
    expect(quoted[column("figuresDisputed")]).toBe("true");
    expect(rows.map((r) => r[column("status")])).toEqual(["CONFLICTING", "CORROBORATED"]);
    expect(rows[0]![column("conflictsWith")]).toBe(`https://${desk}/2`);
  });

  it("filters by status and window as the audit does, and answers an empty scope with the header alone", async () => {
    const windowed = await (await exportOf("ndjson", `asset=${symbol}&from=2026-04-02T00:00:00Z&to=2026-04-02T23:59:59Z`)).text();
    expect(
      windowed
        .trim()
        .split("\n")
        .map((line) => (JSON.parse(line) as { articleUrl: string }).articleUrl),
    ).toEqual([`https://${desk}/2`]);
    const none = await exportOf("csv", `asset=${symbol}&status=UNCITED`);
    expect(none.status).toBe(200);
    expect(parse(await none.text())).toHaveLength(1);
  });

  it("frees the slot of an export the client abandons after its first bytes, so the next ones run (at most two at once)", async () => {
    // One article with 500 claims (the most an article may make).
    const big = `${tag}-big`;
    const many: IngestArticleInput = {
      ...article(`big-${tag}.example`, 4, 1.3e9, "ASSERTED", "x"),
      claims: Array.from({ length: 500 }, (_, i) => ({
        key: `c${i}`,
        text: `Claim ${i}: the cascade moved the coin again.`,
        relation: "CAUSES" as const,
        confidence: 0.8,
        cause: cascade,
        effect: coin,
      })),
    };
    const ingested = await server.request(
      IngestArticleDocument,
      { input: { ...many, url: `https://big-${tag}.example/${big}` } },
      { token: EDITOR_TOKEN },
    );
    expect(ingested.errors?.[0]?.message).toBeUndefined();
    const query = `articleUrl=${encodeURIComponent(`https://big-${tag}.example/${big}`)}`;
    for (let i = 0; i < 2; i += 1) {
      const controller = new AbortController();
      const res = await fetch(`${server.origin}/export/audit.csv?${query}`, { signal: controller.signal });
      expect(res.status).toBe(200);
      await res.body!.getReader().read();
      controller.abort();
    }
    // Both abandoned exports end and free their slots: a third runs to the end.
    await expect.poll(async () => (await exportOf("csv", query)).status, { timeout: 15_000, interval: 250 }).toBe(200);
    const full = parse(await (await exportOf("csv", query)).text()) as string[][];
    expect(full).toHaveLength(501);
  });

  it("refuses an unknown parameter, a bad status and a window that ends before it starts, with BAD_USER_INPUT and no rows", async () => {
    for (const [query, field] of [
      [`sauce=${wire}`, "sauce"],
      ["status=MAYBE", "status"],
      ["from=2026-04-05T00:00:00Z&to=2026-04-01T00:00:00Z", "query.to"],
      ["from=yesterday", "query.from"],
      [`source=${wire}&source=${desk}`, "source"],
    ] as const) {
      const res = await exportOf("csv", query);
      expect(res.status, query).toBe(400);
      const body = (await res.json()) as { errors: { extensions: { code: string; field: string } }[] };
      expect(body.errors[0]!.extensions, query).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
  });
});

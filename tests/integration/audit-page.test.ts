import { beforeAll, describe, expect, it } from "vitest";
import {
  AttributionAuditDocument,
  AttributionAuditPageDocument,
  IngestArticleDocument,
  type IngestArticleInput,
} from "../__generated__/graphql.js";
import { uniqueTag } from "../support/ids.js";
import { EDITOR_TOKEN, useTestServer } from "../support/server.js";

const server = useTestServer();
const asEditor = { token: EDITOR_TOKEN };

/**
 * One outlet (`main`) publishing six articles a day apart, each with two claims about pairs
 * other outlets also speak of: some corroborated, one contradicted by a PREVENTS, one by a
 * denial, the rest its own. A page of its audit without the summary must list the same claims,
 * in the same order, with the same statuses and conflicts, as the full audit.
 */
const tag = uniqueTag("audpage");
const outlet = `${tag}-main.example`;
const factor = (i: number) => ({ kind: "MACRO_FACTOR" as const, key: `${tag}-factor-${i}` });
const move = { kind: "PRICE_MOVE" as const, key: `${tag}-move` };

function article(domain: string, day: number, claims: IngestArticleInput["claims"]): IngestArticleInput {
  return {
    url: `https://${domain}/${tag}/${day}`,
    title: `${domain} on day ${day}`,
    publishedAt: `2026-03-${String(day).padStart(2, "0")}T09:00:00Z`,
    source: { domain, name: domain },
    claims,
  };
}

const claim = (key: string, cause: number, extra: Partial<NonNullable<IngestArticleInput["claims"]>[number]> = {}) => ({
  key,
  text: `${key}: factor ${cause} moves the price`,
  cause: factor(cause),
  effect: move,
  relation: "CAUSES" as const,
  confidence: 0.8,
  ...extra,
});

beforeAll(async () => {
  // The nodes the claims name, declared once by a first article of another outlet.
  const nodes: IngestArticleInput = {
    ...article(`${tag}-nodes.example`, 1, []),
    assets: [{ symbol: tag.toUpperCase(), name: `${tag} coin`, assetClass: "CRYPTO" }],
    macroFactors: [1, 2, 3, 4, 5, 6, 11, 12, 13, 14, 15, 16].map((i) => ({ key: factor(i).key, name: `Factor ${i}`, kind: "test" })),
    priceMoves: [
      {
        key: move.key,
        asset: tag.toUpperCase(),
        startAt: "2026-03-01T00:00:00Z",
        endAt: "2026-03-02T00:00:00Z",
        open: 100,
        high: 101,
        low: 80,
        close: 90,
      },
    ],
  };
  const articles = [
    nodes,
    ...[1, 2, 3, 4, 5, 6].map((day) => article(outlet, day, [claim(`d${day}-a`, day), claim(`d${day}-b`, 10 + day)])),
    // Another outlet agrees with the day-6 and day-2 first claims.
    article(`${tag}-agree.example`, 7, [claim("agree-6", 6), claim("agree-2", 2)]),
    // One says factor 5 prevents the move; one denies factor 4 causes it.
    article(`${tag}-prevent.example`, 8, [claim("prevent-5", 5, { relation: "PREVENTS" })]),
    article(`${tag}-deny.example`, 9, [claim("deny-4", 4, { polarity: "DENIED" })]),
  ];
  for (const input of articles) {
    const res = await server.request(IngestArticleDocument, { input }, asEditor);
    expect(res.errors).toBeUndefined();
  }
});

describe("attributionAudit without the summary", () => {
  it("lists the newest claims first with the same statuses and conflicts as the full audit", async () => {
    const full = await server.request(AttributionAuditDocument, { filter: { source: outlet }, first: 100 });
    expect(full.errors).toBeUndefined();
    const report = full.data!.attributionAudit;
    expect(report.summary).toEqual({ total: 12, corroborated: 2, singleSource: 0, uncited: 8, conflicting: 2, figuresDisputed: 0 });
    // Newest article first: day 6's claims, then day 5's ...
    expect(report.claims.slice(0, 6).map((c) => [c.claim.key, c.status, c.independentSourceCount])).toEqual([
      ["d6-a", "CORROBORATED", 2],
      ["d6-b", "UNCITED", 1],
      ["d5-a", "CONFLICTING", 1],
      ["d5-b", "UNCITED", 1],
      ["d4-a", "CONFLICTING", 1],
      ["d4-b", "UNCITED", 1],
    ]);

    for (const first of [1, 3, 5, 12, 20]) {
      const page = await server.request(AttributionAuditPageDocument, { filter: { source: outlet }, first });
      expect(page.errors).toBeUndefined();
      const listed = page.data!.attributionAudit;
      const expected = report.claims
        .slice(0, first)
        .map(({ status, independentSourceCount, independentDomains, claim, conflictsWith }) => ({
          status,
          independentSourceCount,
          independentDomains,
          claim,
          conflictsWith: conflictsWith.map(({ kind, article, claim }) => ({ kind, article, claim })),
        }));
      expect(listed.claims).toEqual(expected);
      expect(listed.truncated).toBe(first < 12);
    }
  });

  it("still audits every claim in scope when filtering by status, summary or not", async () => {
    const page = await server.request(AttributionAuditPageDocument, { filter: { source: outlet, status: "CONFLICTING" }, first: 1 });
    expect(page.errors).toBeUndefined();
    // The conflicting claims are on days 5 and 4, not among the newest two; the list is cut at one.
    expect(page.data!.attributionAudit.claims.map((c) => [c.claim.key, c.conflictsWith.map((x) => [x.kind, x.claim?.key])])).toEqual([
      ["d5-a", [["RELATION", "prevent-5"]]],
    ]);
    expect(page.data!.attributionAudit.truncated).toBe(true);
  });
});

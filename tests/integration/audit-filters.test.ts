import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AttributionAuditDocument,
  ClaimsPageDocument,
  type AuditFilter,
  type ClaimFilter,
  type IngestArticleInput,
} from "../__generated__/graphql.js";
import { uniqueTag } from "../support/ids.js";
import { ingestOk } from "../support/ingest.js";
import { removeArticles } from "../support/remove-articles.js";
import { useTestServer } from "../support/server.js";

/**
 * The audit narrowed as a researcher narrows it: by cause, effect, event, narrative and the
 * articles' publication window, alone and together; and the claims list by the window.
 * Two outlets over three weeks: a hack, ETF outflows and leverage moving a coin.
 */
const server = useTestServer();
const tag = uniqueTag("af");
const symbol = `A${tag.slice(-6)}`.toUpperCase();
const k = (name: string) => `${tag}-${name}`;
const coin = { kind: "ASSET" as const, key: symbol };
const hack = { kind: "EVENT" as const, key: k("hack") };
const outflows = { kind: "EVENT" as const, key: k("outflows") };
const leverage = { kind: "MACRO_FACTOR" as const, key: k("leverage") };

function article(outlet: string, n: number, publishedAt: string, claims: IngestArticleInput["claims"]): IngestArticleInput {
  return {
    url: `https://${outlet}-${tag}.example/${n}`,
    title: `${outlet} ${n}`,
    publishedAt,
    source: { domain: `${outlet}-${tag}.example`, name: outlet },
    assets: [{ symbol, name: `${tag} coin`, assetClass: "CRYPTO" }],
    macroFactors: [{ key: leverage.key, name: "Leverage" }],
    narratives: [{ key: k("exodus"), name: "Exodus" }],
    events: [
      { key: hack.key, kind: "hack", title: "Exchange hack", occurredAt: "2026-03-01T10:00:00Z", affects: [coin] },
      { key: outflows.key, kind: "fund-flows", title: "ETF outflows", occurredAt: "2026-03-02T10:00:00Z", affects: [coin] },
    ],
    claims,
  };
}

const claim = (key: string, cause: typeof hack | typeof leverage, effect: typeof coin | typeof leverage, narratives: string[] = []) => ({
  key,
  text: `${key}.`,
  relation: "CAUSES" as const,
  confidence: 0.8,
  cause,
  effect,
  narratives,
});

beforeAll(async () => {
  await ingestOk(
    server,
    article("wire", 1, "2026-03-01T12:00:00Z", [claim("w1-hack-moved-coin", hack, coin), claim("w1-leverage-moved-coin", leverage, coin)]),
  );
  await ingestOk(
    server,
    article("desk", 2, "2026-03-09T12:00:00Z", [
      claim("d2-outflows-moved-coin", outflows, coin, [k("exodus")]),
      claim("d2-hack-fed-leverage", hack, leverage),
    ]),
  );
  await ingestOk(server, article("wire", 3, "2026-03-20T12:00:00Z", [claim("w3-outflows-moved-coin", outflows, coin, [k("exodus")])]));
});
afterAll(() => removeArticles(server.driver, tag));

async function audited(filter: AuditFilter): Promise<string[]> {
  const res = await server.request(AttributionAuditDocument, { filter: { asset: symbol, ...filter }, first: 100 });
  expect(res.errors).toBeUndefined();
  const { claims, summary } = res.data!.attributionAudit;
  expect(summary.total).toBe(claims.length);
  return claims.map((c) => c.claim.key!).sort();
}

async function listed(filter: ClaimFilter): Promise<string[]> {
  const res = await server.request(ClaimsPageDocument, { filter: { asset: symbol, ...filter }, first: 50 });
  expect(res.errors).toBeUndefined();
  return res.data!.claims.edges.map((e) => e.node.key!).sort();
}

describe("attributionAudit filters", () => {
  it("by cause, effect, both, event and narrative", async () => {
    expect(await audited({ cause: hack })).toEqual(["d2-hack-fed-leverage", "w1-hack-moved-coin"]);
    expect(await audited({ effect: leverage })).toEqual(["d2-hack-fed-leverage"]);
    expect(await audited({ cause: hack, effect: coin })).toEqual(["w1-hack-moved-coin"]);
    expect(await audited({ event: outflows.key })).toEqual(["d2-outflows-moved-coin", "w3-outflows-moved-coin"]);
    expect(await audited({ narrative: k("exodus") })).toEqual(["d2-outflows-moved-coin", "w3-outflows-moved-coin"]);
    // Without the asset too: the narrowest filter is where the audit starts.
    const res = await server.request(AttributionAuditDocument, { filter: { event: hack.key }, first: 100 });
    expect(res.data!.attributionAudit.claims.map((c) => c.claim.key).sort()).toEqual(["d2-hack-fed-leverage", "w1-hack-moved-coin"]);
  });

  it("by the articles' publication window, inclusive, alone and with other filters", async () => {
    expect(await audited({ from: "2026-03-09T12:00:00Z" })).toEqual([
      "d2-hack-fed-leverage",
      "d2-outflows-moved-coin",
      "w3-outflows-moved-coin",
    ]);
    expect(await audited({ to: "2026-03-09T08:00:00-04:00" })).toEqual([
      "d2-hack-fed-leverage",
      "d2-outflows-moved-coin",
      "w1-hack-moved-coin",
      "w1-leverage-moved-coin",
    ]);
    expect(await audited({ from: "2026-03-05T00:00:00Z", to: "2026-03-15T00:00:00Z", event: outflows.key })).toEqual([
      "d2-outflows-moved-coin",
    ]);
    expect(await audited({ source: `wire-${tag}.example`, from: "2026-03-02T00:00:00Z" })).toEqual(["w3-outflows-moved-coin"]);
    const backwards = await server.request(AttributionAuditDocument, {
      filter: { from: "2026-03-10T00:00:00Z", to: "2026-03-01T00:00:00Z" },
    });
    expect(backwards.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.to" });
  });
});

describe("claims filter by publication window", () => {
  it("lists the claims of articles published in the window, and refuses one that ends before it starts", async () => {
    expect(await listed({ from: "2026-03-09T12:00:00Z", to: "2026-03-19T00:00:00Z" })).toEqual([
      "d2-hack-fed-leverage",
      "d2-outflows-moved-coin",
    ]);
    expect(await listed({ to: "2026-03-01T12:00:00Z" })).toEqual(["w1-hack-moved-coin", "w1-leverage-moved-coin"]);
    const backwards = await server.request(ClaimsPageDocument, { filter: { from: "2026-03-10T00:00:00Z", to: "2026-03-01T00:00:00Z" } });
    expect(backwards.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.to" });
  });
});

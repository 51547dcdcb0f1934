import { describe, expect, it } from "vitest";
import {
  AttributionAuditDocument,
  AttributionAuditFiguresDocument,
  CausalChainsDocument,
  ContestedChainsDocument,
  ExplainPriceMoveDocument,
  IngestArticleDocument,
  type CausalNodeRefFragment,
  type ClaimInput,
  type IngestArticleInput,
} from "../__generated__/graphql.js";
import { claimArticle, sampleArticle } from "../fixtures/articles.js";
import { uniqueTag } from "../support/ids.js";
import { EDITOR_TOKEN, useTestServer } from "../support/server.js";

const server = useTestServer();
const asEditor = { token: EDITOR_TOKEN };
const keyOf = (node: CausalNodeRefFragment) => ("key" in node ? node.key : "symbol" in node ? node.symbol : "");

/** The sample article plus one article per outlet, each making one claim on leverage -> the price drop. */
async function storyWith(claims: Record<string, Partial<ClaimInput>>) {
  const tag = uniqueTag();
  const base = sampleArticle(tag);
  expect((await server.request(IngestArticleDocument, { input: base }, asEditor)).errors).toBeUndefined();
  const link = {
    cause: { kind: "MACRO_FACTOR" as const, key: `${tag}-leverage` },
    effect: { kind: "PRICE_MOVE" as const, key: `${tag}-drop` },
  };
  for (const [name, claim] of Object.entries(claims)) {
    const res = await server.request(
      IngestArticleDocument,
      { input: claimArticle(tag, `${tag}-${name}.example`, { ...link, ...claim }) },
      asEditor,
    );
    expect(res.errors).toBeUndefined();
  }
  const audit = async (name: string) => {
    const res = await server.request(AttributionAuditDocument, { filter: { articleUrl: `https://${tag}-${name}.example/${tag}` } });
    expect(res.errors).toBeUndefined();
    return res.data!.attributionAudit.claims[0]!;
  };
  const chains = async () =>
    (await server.request(CausalChainsDocument, { from: link.cause, to: link.effect, maxDepth: 1 })).data!.causalChains;
  const symbol = base.assets![0]!.symbol;
  const explain = async () =>
    (await server.request(ExplainPriceMoveDocument, { symbol, from: "2026-01-31T00:00:00-05:00", to: "2026-02-01T12:00:00-05:00" })).data!
      .explainPriceMove;
  return { tag, audit, chains, explain };
}

describe("PREVENTS opposes its effect", () => {
  it("CAUSES from one outlet and PREVENTS from another conflict; neither corroborates the other", async () => {
    const story = await storyWith({ causes: { relation: "CAUSES" }, prevents: { relation: "PREVENTS" } });
    const prevents = await story.audit("prevents");
    expect(prevents.status).toBe("CONFLICTING");
    expect(prevents.independentSourceCount).toBe(1);
    expect(prevents.independentDomains).toEqual([`${story.tag}-prevents.example`]);
    // The article that disagrees is the one making the opposing claim.
    expect(prevents.conflictsWith).toEqual([
      expect.objectContaining({
        kind: "RELATION",
        claim: { key: "the-claim" },
        article: { url: `https://${story.tag}-causes.example/${story.tag}` },
        description: expect.stringContaining("CAUSES"),
      }),
    ]);
    const causes = await story.audit("causes");
    expect(causes.status).toBe("CONFLICTING");
    expect(causes.independentSourceCount).toBe(1);
    expect(causes.conflictsWith.map((c) => [c.kind, c.article?.url])).toEqual([
      ["RELATION", `https://${story.tag}-prevents.example/${story.tag}`],
    ]);
  });

  it("is never a hop of a causal chain and never counts toward its independent sources", async () => {
    const story = await storyWith({
      causes: { relation: "CAUSES", confidence: 0.6 },
      prevents1: { relation: "PREVENTS", confidence: 0.99 },
      prevents2: { relation: "PREVENTS", confidence: 0.99 },
    });
    const paths = await story.chains();
    expect(paths).toHaveLength(1);
    expect(paths[0]!.steps[0]!.claims).toHaveLength(1);
    expect(paths[0]!.steps[0]!.claim.text).toBe(`${story.tag}-causes.example says so.`);
    expect(paths[0]!.confidence).toBe(0.6);
    expect(paths[0]!.independentSourceCount).toBe(1);
  });

  it("alone, links nothing: no chain, and its cause is no driver of the move", async () => {
    const tag = uniqueTag();
    const base = sampleArticle(tag);
    await server.request(IngestArticleDocument, { input: base }, asEditor);
    const fund = { kind: "ENTITY" as const, key: `${tag}-fund` };
    const drop = { kind: "PRICE_MOVE" as const, key: `${tag}-drop` };
    const res = await server.request(
      IngestArticleDocument,
      { input: claimArticle(tag, `${tag}-prevents.example`, { cause: fund, effect: drop, relation: "PREVENTS", confidence: 0.99 }) },
      asEditor,
    );
    expect(res.errors).toBeUndefined();
    expect((await server.request(CausalChainsDocument, { from: fund, to: drop })).data!.causalChains).toEqual([]);
    const explanation = (
      await server.request(ExplainPriceMoveDocument, {
        symbol: base.assets![0]!.symbol,
        from: "2026-01-31T00:00:00-05:00",
        to: "2026-02-01T12:00:00-05:00",
      })
    ).data!.explainPriceMove;
    const drivers = explanation.drivers.map((d) => keyOf(d.node));
    expect(drivers).toContain(`${tag}-cascade`);
    expect(drivers).not.toContain(`${tag}-fund`);
  });

  it("two PREVENTS claims from two outlets corroborate each other", async () => {
    const story = await storyWith({ first: { relation: "PREVENTS" }, second: { relation: "PREVENTS" } });
    const first = await story.audit("first");
    expect(first.status).toBe("CORROBORATED");
    expect(first.independentDomains.sort()).toEqual([`${story.tag}-first.example`, `${story.tag}-second.example`]);
  });

  it("different leads-to relations (CAUSES, AMPLIFIES, CONTRIBUTES_TO) corroborate each other", async () => {
    const story = await storyWith({
      causes: { relation: "CAUSES" },
      amplifies: { relation: "AMPLIFIES" },
      contributes: { relation: "CONTRIBUTES_TO" },
    });
    const amplifies = await story.audit("amplifies");
    expect(amplifies.status).toBe("CORROBORATED");
    expect(amplifies.independentSourceCount).toBe(3);
    const [path] = await story.chains();
    expect(path!.independentSourceCount).toBe(3);
    expect(path!.steps[0]!.claims).toHaveLength(3);
  });

  it("a denial conflicts with the assertion of the same relation class, not with the opposite class", async () => {
    const story = await storyWith({
      causes: { relation: "CAUSES" },
      notPrevents: { relation: "PREVENTS", polarity: "DENIED" },
      notCauses: { relation: "CONTRIBUTES_TO", polarity: "DENIED" },
    });
    // "X does not prevent Y" agrees with "X causes Y" and with "X does not contribute to Y",
    // but corroborates neither.
    const notPrevents = await story.audit("notPrevents");
    expect(notPrevents.independentSourceCount).toBe(1);
    expect(notPrevents.conflictsWith).toEqual([]);
    expect(notPrevents.status).toBe("UNCITED");
    // "X does not contribute to Y" contradicts "X causes Y".
    const notCauses = await story.audit("notCauses");
    expect(notCauses.status).toBe("CONFLICTING");
    expect(notCauses.conflictsWith.map((c) => [c.kind, c.article?.url])).toEqual([
      ["POLARITY", `https://${story.tag}-causes.example/${story.tag}`],
    ]);
    const causes = await story.audit("causes");
    expect(causes.conflictsWith.map((c) => [c.kind, c.article?.url])).toEqual([
      ["POLARITY", `https://${story.tag}-notcauses.example/${story.tag}`],
    ]);
  });

  it("a new version that turns a claim into a denial, or back, changes who conflicts with whom", async () => {
    const story = await storyWith({ causes: { relation: "CAUSES" }, turns: { relation: "CAUSES" } });
    const link = {
      cause: { kind: "MACRO_FACTOR" as const, key: `${story.tag}-leverage` },
      effect: { kind: "PRICE_MOVE" as const, key: `${story.tag}-drop` },
    };
    const version = async (claim: Partial<ClaimInput>, title: string) => {
      const input = { ...claimArticle(story.tag, `${story.tag}-turns.example`, { ...link, ...claim }), title };
      expect((await server.request(IngestArticleDocument, { input }, asEditor)).errors).toBeUndefined();
    };
    expect((await story.audit("causes")).status).toBe("CORROBORATED");

    // The same claim (same key) now denies the link: the other outlet's claim is contradicted.
    await version({ relation: "CAUSES", polarity: "DENIED" }, "v2");
    const contradicted = await story.audit("causes");
    expect(contradicted.status).toBe("CONFLICTING");
    expect(contradicted.independentSourceCount).toBe(1);
    expect(contradicted.conflictsWith.map((c) => [c.kind, c.article?.url])).toEqual([
      ["POLARITY", `https://${story.tag}-turns.example/${story.tag}`],
    ]);

    // Then says PREVENTS: a conflict of relation, not of polarity.
    await version({ relation: "PREVENTS" }, "v3");
    expect((await story.audit("causes")).conflictsWith.map((c) => c.kind)).toEqual(["RELATION"]);

    // Back to asserting it: corroboration again, no conflict left behind.
    await version({ relation: "CAUSES" }, "v4");
    const agreed = await story.audit("causes");
    expect(agreed.status).toBe("CORROBORATED");
    expect(agreed.conflictsWith).toEqual([]);
    expect(agreed.independentSourceCount).toBe(2);
  });
});

describe("PRECEDES records order, not cause", () => {
  it("is never a hop: a chain rests on the leads-to claim alone, and two outlets saying PRECEDES corroborate only each other", async () => {
    const story = await storyWith({
      causes: { relation: "CAUSES", confidence: 0.6 },
      before1: { relation: "PRECEDES", confidence: 0.99 },
      before2: { relation: "PRECEDES", confidence: 0.99 },
    });
    const paths = await story.chains();
    expect(paths).toHaveLength(1);
    expect(paths[0]!.steps[0]!.claims).toHaveLength(1);
    expect(paths[0]!.steps[0]!.claim.text).toBe(`${story.tag}-causes.example says so.`);
    expect(paths[0]!.confidence).toBe(0.6);
    expect(paths[0]!.independentSourceCount).toBe(1);

    const before = await story.audit("before1");
    expect(before.status).toBe("CORROBORATED");
    expect(before.independentDomains.sort()).toEqual([`${story.tag}-before1.example`, `${story.tag}-before2.example`]);
    expect(before.conflictsWith).toEqual([]);
    const causes = await story.audit("causes");
    expect(causes.independentSourceCount).toBe(1);
    expect(causes.conflictsWith).toEqual([]);
    expect(causes.status).not.toBe("CONFLICTING");
  });

  it("alone, links nothing: no chain, and its cause is no driver of the move that followed", async () => {
    const tag = uniqueTag();
    const base = sampleArticle(tag);
    await server.request(IngestArticleDocument, { input: base }, asEditor);
    const fund = { kind: "ENTITY" as const, key: `${tag}-fund` };
    const drop = { kind: "PRICE_MOVE" as const, key: `${tag}-drop` };
    const res = await server.request(
      IngestArticleDocument,
      { input: claimArticle(tag, `${tag}-before.example`, { cause: fund, effect: drop, relation: "PRECEDES", confidence: 0.99 }) },
      asEditor,
    );
    expect(res.errors).toBeUndefined();
    expect((await server.request(CausalChainsDocument, { from: fund, to: drop })).data!.causalChains).toEqual([]);
    const explanation = (
      await server.request(ExplainPriceMoveDocument, {
        symbol: base.assets![0]!.symbol,
        from: "2026-01-31T00:00:00-05:00",
        to: "2026-02-01T12:00:00-05:00",
      })
    ).data!.explainPriceMove;
    expect(explanation.drivers.map((d) => keyOf(d.node))).not.toContain(`${tag}-fund`);
  });
});

describe("figures are not stances", () => {
  const tag = uniqueTag("fig");
  const symbol = `F${tag.slice(-6)}`.toUpperCase();
  const cascade = `${tag}-cascade`;
  /** Outlet `outlet`'s article `n`: the weekend cascade at `amountUsd` (or no figure), and its claim that the cascade moved the coin. */
  const article = (
    outlet: string,
    n: number,
    amountUsd: number | null,
    polarity: "ASSERTED" | "DENIED" = "ASSERTED",
  ): IngestArticleInput => ({
    url: `https://${outlet}-${tag}.example/${n}`,
    title: `${outlet} on the cascade (${n})`,
    publishedAt: `2026-02-0${n}T10:00:00Z`,
    source: { domain: `${outlet}-${tag}.example`, name: outlet },
    assets: [{ symbol, name: `${tag} coin`, assetClass: "CRYPTO" }],
    events: [
      {
        key: cascade,
        kind: "liquidation",
        title: "Weekend liquidation cascade",
        occurredAt: "2026-01-31T10:00:00Z",
        ...(amountUsd === null ? {} : { amountUsd }),
        affects: [{ kind: "ASSET", key: symbol }],
      },
    ],
    claims: [
      {
        key: "cascade-moved-the-coin",
        text: `${outlet} says the cascade moved the coin (${n}).`,
        relation: "CAUSES",
        polarity,
        confidence: 0.8,
        cause: { kind: "EVENT", key: cascade },
        effect: { kind: "ASSET", key: symbol },
      },
    ],
  });
  const audit = async (outlet: string, n = 1) => {
    const res = await server.request(AttributionAuditFiguresDocument, {
      filter: { articleUrl: `https://${outlet}-${tag}.example/${n}` },
      first: 50,
    });
    expect(res.errors).toBeUndefined();
    return res.data!.attributionAudit;
  };

  it("three outlets giving $1.3B, $1.7B and $2.5B for one cascade corroborate each other, with the figures disputed beside the status", async () => {
    for (const [outlet, amount] of [
      ["wire", 1.3e9],
      ["desk", 1.7e9],
      ["daily", 2.5e9],
    ] as const) {
      expect((await server.request(IngestArticleDocument, { input: article(outlet, 1, amount) }, asEditor)).errors).toBeUndefined();
    }
    const { claims, summary } = await audit("desk");
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ status: "CORROBORATED", independentSourceCount: 3, conflictsWith: [], figuresDisputed: true });
    expect(claims[0]!.statedFigures.map((f) => [f.amountUsd, f.article.url])).toEqual([
      [1.3e9, `https://wire-${tag}.example/1`],
      [1.7e9, `https://desk-${tag}.example/1`],
      [2.5e9, `https://daily-${tag}.example/1`],
    ]);
    expect(summary).toMatchObject({ total: 1, corroborated: 1, conflicting: 0, figuresDisputed: 1 });
  });

  it("an outlet contradicting itself is no conflict; another outlet's denial is, and only that one is listed", async () => {
    // The wire later denies what it said: its own two stances do not conflict.
    expect((await server.request(IngestArticleDocument, { input: article("wire", 2, null, "DENIED") }, asEditor)).errors).toBeUndefined();
    const before = (await audit("wire")).claims[0]!;
    expect(before.status).toBe("CORROBORATED");
    expect(before.conflictsWith).toEqual([]);
    // Another outlet's denial contradicts it.
    expect(
      (await server.request(IngestArticleDocument, { input: article("skeptic", 3, null, "DENIED") }, asEditor)).errors,
    ).toBeUndefined();
    const after = (await audit("wire")).claims[0]!;
    expect(after.status).toBe("CONFLICTING");
    expect(after.conflictsWith.map((c) => [c.kind, c.article?.url])).toEqual([["POLARITY", `https://skeptic-${tag}.example/3`]]);
  });
});

describe("contested hops", () => {
  it("list the other outlets' denials and PREVENTS claims of the hop, not its own outlets' or agreeing ones", async () => {
    const story = await storyWith({
      causes: { relation: "CAUSES", confidence: 0.9 },
      denies: { relation: "CONTRIBUTES_TO", polarity: "DENIED", confidence: 0.7 },
      prevents: { relation: "PREVENTS", confidence: 0.6 },
      agrees: { relation: "PREVENTS", polarity: "DENIED", confidence: 0.8 },
      order: { relation: "PRECEDES", polarity: "DENIED", confidence: 0.8 },
    });
    const link = {
      from: { kind: "MACRO_FACTOR" as const, key: `${story.tag}-leverage` },
      to: { kind: "PRICE_MOVE" as const, key: `${story.tag}-drop` },
    };
    const res = await server.request(ContestedChainsDocument, link);
    expect(res.errors).toBeUndefined();
    const [step] = res.data!.causalChains[0]!.steps;
    expect(step!.contested).toBe(true);
    expect(step!.denials.map((c) => [c.text, c.polarity, c.relation])).toEqual([
      [`${story.tag}-denies.example says so.`, "DENIED", "CONTRIBUTES_TO"],
      [`${story.tag}-prevents.example says so.`, "ASSERTED", "PREVENTS"],
    ]);
  });

  it("are not contested when no other outlet denies or prevents them", async () => {
    const story = await storyWith({ causes: { relation: "CAUSES" }, also: { relation: "AMPLIFIES" } });
    const link = {
      from: { kind: "MACRO_FACTOR" as const, key: `${story.tag}-leverage` },
      to: { kind: "PRICE_MOVE" as const, key: `${story.tag}-drop` },
    };
    const [step] = (await server.request(ContestedChainsDocument, link)).data!.causalChains[0]!.steps;
    expect(step).toMatchObject({ contested: false, denials: [] });
  });
});

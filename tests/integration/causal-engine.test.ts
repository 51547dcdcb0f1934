import { describe, expect, it } from "vitest";
import { pairKey } from "../../src/cypher/claim-pair.js";
import { STRONG_FROM } from "../../src/cypher/leads-to.js";
import {
  CausalChainsDocument,
  RetractClaimDocument,
  type CausalNodeRefFragment,
  type ClaimInput,
  type IngestArticleInput,
  type PathDetailFragment,
} from "../__generated__/graphql.js";
import { uniqueTag } from "../support/ids.js";
import { ingestOk } from "../support/ingest.js";
import { leadsToFromClaims, storedLeadsTo } from "../support/leads-to-state.js";
import { EDITOR_TOKEN, postGraphQL, useTestServer } from "../support/server.js";
// The generator's seeded PRNG, so a failing graph can be rebuilt.
import { prng } from "../../bench/generate.js";

const server = useTestServer({ GRAPHQL_DEBUG: "true" });
const ingest = (input: IngestArticleInput) => ingestOk(server, input);

const factor = (key: string) => ({ kind: "MACRO_FACTOR" as const, key });

/** One outlet's article defining the factors and making the claims. */
function outletArticle(tag: string, outlet: string, factors: string[], claims: ClaimInput[]): IngestArticleInput {
  return {
    url: `https://${outlet}/${tag}`,
    title: `${outlet} on ${tag}`,
    publishedAt: "2026-03-01T10:00:00Z",
    source: { domain: outlet, name: outlet },
    macroFactors: factors.map((key) => ({ key, name: key })),
    claims,
  };
}

interface PathShape {
  nodes: string[];
  confidence: number;
  independentSourceCount: number;
}

const chainsQuery = (from: string, to: string, maxDepth: number, asOf?: string) =>
  server.request(CausalChainsDocument, { from: factor(from), to: factor(to), maxDepth, asOf });

const keyOf = (node: CausalNodeRefFragment) => ("key" in node ? node.key : "symbol" in node ? node.symbol : "");

const shapeOf = (path: PathDetailFragment): PathShape => ({
  nodes: [keyOf(path.steps[0]!.from), ...path.steps.map((s) => keyOf(s.to))],
  confidence: path.confidence,
  independentSourceCount: path.independentSourceCount,
});

const byRank = (a: PathShape, b: PathShape) =>
  b.confidence - a.confidence ||
  b.independentSourceCount - a.independentSourceCount ||
  a.nodes.length - b.nodes.length ||
  a.nodes.join().localeCompare(b.nodes.join());

describe("the retold chain: twenty outlets telling one story", () => {
  it("answers one path whose every hop has all twenty claims and twenty sources, from LEADS_TO and from the claims alike", async () => {
    const tag = uniqueTag();
    const chain = Array.from({ length: 6 }, (_, i) => `${tag}-s${i}`);
    const random = prng(20);
    const best = Array.from({ length: 5 }, () => 0);
    for (let outlet = 0; outlet < 20; outlet += 1) {
      const claims = chain.slice(0, -1).map((cause, i) => {
        const confidence = Math.round((0.6 + random() * 0.35) * 100) / 100;
        best[i] = Math.max(best[i]!, confidence);
        return {
          key: `hop-${i}`,
          text: `Outlet ${outlet}: ${cause} led on.`,
          relation: "CAUSES" as const,
          confidence,
          cause: factor(cause),
          effect: factor(chain[i + 1]!),
        };
      });
      await ingest(outletArticle(tag, `${tag}-out${outlet}.example`, chain, claims));
    }
    const now = await chainsQuery(chain[0]!, chain[5]!, 5);
    expect(now.errors).toBeUndefined();
    expect(now.data!.causalChains).toHaveLength(1);
    const [path] = now.data!.causalChains;
    expect(path!.steps.map((s) => s.claims.length)).toEqual([20, 20, 20, 20, 20]);
    expect(path!.steps.map((s) => s.independentSourceCount)).toEqual([20, 20, 20, 20, 20]);
    expect(path!.steps.map((s) => s.confidence)).toEqual(best);
    expect(path!.independentSourceCount).toBe(20);
    expect(path!.confidence).toBeCloseTo(
      best.reduce((p, c) => p * c, 1),
      6,
    );
    // The same answer read from the claims themselves (asOf now) rather than the derived LEADS_TO.
    const fromClaims = await chainsQuery(chain[0]!, chain[5]!, 5, new Date().toISOString());
    expect(fromClaims.data!.causalChains).toEqual(now.data!.causalChains);
    // A few round trips, however many outlets retell it: the ends, the short chains (a floor for
    // large graphs), one per level searched, the kept hops' claims, then one per nesting level
    // of the answer (nodes and claims; the claims' outlets).
    expect((now.extensions as { diagnostics: { roundTrips: number } }).diagnostics.roundTrips).toBeLessThanOrEqual(1 + 1 + 5 + 1 + 2);
  });
});

describe("exact ranking over all paths", () => {
  it("agrees with a brute-force enumeration of every simple path on a random graph", async () => {
    const tag = uniqueTag();
    const random = prng(7);
    const nodes = Array.from({ length: 9 }, (_, i) => `${tag}-n${i}`);
    const outlets = [0, 1, 2, 3].map((i) => `${tag}-o${i}.example`);
    const all: { outlet: string; claim: ClaimInput }[] = [];
    for (let i = 0; i < 44; i += 1) {
      const cause = nodes[Math.floor(random() * nodes.length)]!;
      let effect = nodes[Math.floor(random() * nodes.length)]!;
      if (effect === cause) effect = nodes[(nodes.indexOf(cause) + 1) % nodes.length]!;
      const roll = random();
      all.push({
        outlet: outlets[i % outlets.length]!,
        claim: {
          key: `c${i}`,
          text: `Claim ${i}.`,
          relation: roll < 0.1 ? "PREVENTS" : roll < 0.5 ? "CAUSES" : "CONTRIBUTES_TO",
          polarity: roll > 0.9 ? "DENIED" : "ASSERTED",
          modality: roll > 0.85 && roll <= 0.9 ? "CONDITIONAL" : "FACT",
          conditions: roll > 0.85 && roll <= 0.9 ? [factor(nodes[0]!)] : undefined,
          confidence: Math.round((0.3 + random() * 0.7) * 100) / 100,
          cause: factor(cause),
          effect: factor(effect),
        },
      });
    }
    for (const outlet of outlets)
      await ingest(
        outletArticle(
          tag,
          outlet,
          nodes,
          all.filter((c) => c.outlet === outlet).map((c) => c.claim),
        ),
      );

    // Reference: hops from the claims that lead to their effect, asserted and not conditional.
    const hops = new Map<string, { confidence: number; outlets: Set<string> }>();
    for (const { outlet, claim } of all) {
      if (claim.relation === "PREVENTS" || claim.polarity === "DENIED" || claim.modality === "CONDITIONAL") continue;
      const key = `${claim.cause.key}>${claim.effect.key}`;
      const hop = hops.get(key) ?? { confidence: 0, outlets: new Set<string>() };
      hop.confidence = Math.max(hop.confidence, claim.confidence!);
      hop.outlets.add(outlet);
      hops.set(key, hop);
    }
    const reference: PathShape[] = [];
    const walk = (path: string[], confidence: number, sources: number, goal: string, maxDepth: number) => {
      const at = path.at(-1)!;
      if (at === goal) {
        reference.push({ nodes: path, confidence: Math.round(confidence * 1e6) / 1e6, independentSourceCount: sources });
        return;
      }
      if (path.length - 1 >= maxDepth) return;
      for (const next of nodes) {
        const hop = hops.get(`${at}>${next}`);
        if (hop && !path.includes(next))
          walk([...path, next], confidence * hop.confidence, Math.min(sources, hop.outlets.size), goal, maxDepth);
      }
    };
    for (const [from, to] of [
      [nodes[0]!, nodes[8]!],
      [nodes[1]!, nodes[5]!],
      [nodes[2]!, nodes[7]!],
    ] as const) {
      reference.length = 0;
      walk([from], 1, Infinity, to, 4);
      expect(reference.length).toBeLessThan(200);
      const res = await server.request(CausalChainsDocument, { from: factor(from), to: factor(to), maxDepth: 4, first: 200 });
      expect(res.errors).toBeUndefined();
      const answered = res.data!.causalChains.map(shapeOf);
      expect(answered.map((p) => p.confidence)).toEqual([...answered.map((p) => p.confidence)].sort((a, b) => b - a));
      expect([...answered].sort(byRank)).toEqual([...reference].sort(byRank));
    }
  });
});

describe("LEADS_TO stays in step with the claims", () => {
  it("matches a recomputation from the claims after changes, supersessions and retractions", async () => {
    const tag = uniqueTag();
    const [a, b, c] = [`${tag}-a`, `${tag}-b`, `${tag}-c`];
    const claim = (key: string, cause: string, effect: string, confidence: number): ClaimInput => ({
      key,
      text: key,
      relation: "CAUSES",
      confidence,
      cause: factor(cause),
      effect: factor(effect),
    });
    const v1 = outletArticle(tag, `${tag}-one.example`, [a, b, c], [claim("ab", a, b, 0.9), claim("bc", b, c, 0.95)]);
    await ingest(v1);
    expect(await strongPairs(tag)).toEqual([`${a}>${b}`, `${b}>${c}`]);
    await ingest(outletArticle(tag, `${tag}-two.example`, [a, b, c], [claim("ab", a, b, 0.7)]));
    // A conditional claim counts in maxConfidence and sources, not in the fact summaries.
    await ingest(
      outletArticle(
        tag,
        `${tag}-three.example`,
        [a, b, c],
        [{ ...claim("ab", a, b, 0.99), modality: "CONDITIONAL", conditions: [factor(c)] }],
      ),
    );
    // v2 drops b -> c and moves its key to a -> c; then one claim is retracted.
    await ingest({ ...v1, claims: [claim("ab", a, b, 0.95), claim("bc", a, c, 0.6)] });
    const chains = await chainsQuery(a, b, 1);
    const abFromTwo = chains.data!.causalChains[0]!.steps[0]!.claims;
    expect(abFromTwo).toHaveLength(2);
    const retracted = await postGraphQL<{ claims: { edges: { node: { id: string } }[] } }>(
      server.url,
      `{ claims(filter: { source: "${tag}-two.example" }) { edges { node { id } } } }`,
    );
    const id = retracted.data!.claims.edges[0]!.node.id;
    expect((await server.request(RetractClaimDocument, { id, reason: "test" }, { token: EDITOR_TOKEN })).errors).toBeUndefined();

    const stored = await storedLeadsTo(server.driver, tag);
    expect(stored).toEqual(await leadsToFromClaims(server.driver, tag));
    const { records } = await server.driver.executeQuery(
      `MATCH (x:MacroFactor)-[r:LEADS_TO]->(y) WHERE x.key STARTS WITH $tag
       RETURN r.pair AS key ORDER BY x.key + '>' + y.key`,
      { tag },
    );
    // Each carries its pair's key (written by appends to new pairs and by recomputations alike), which the audit looks it up by.
    expect(records.map((r) => r.get("key"))).toEqual([
      pairKey({ label: "MacroFactor", key: a }, { label: "MacroFactor", key: b }),
      pairKey({ label: "MacroFactor", key: a }, { label: "MacroFactor", key: c }),
    ]);
    expect(stored.map((s) => s.pair)).toEqual([`${a}>${b}`, `${a}>${c}`]);
    // a -> b: one.example's 0.95 and three.example's conditional 0.99 (two.example's is retracted).
    expect(stored[0]).toMatchObject({ max: 0.99, sources: 2, factConfidence: 0.95, factSources: 1 });
    expect(stored[0]!.ids).toHaveLength(2);

    // STRONG_LEADS_TO: exactly the LEADS_TO whose bound is at least STRONG_FROM (b -> c, strong in v1, is gone), with their summaries.
    const { records: strong } = await server.driver.executeQuery(
      `MATCH (x:MacroFactor)-[s:STRONG_LEADS_TO]->(y) WHERE x.key STARTS WITH $tag
       MATCH (x)-[r:LEADS_TO]->(y)
       RETURN x.key + '>' + y.key AS pair, s.maxConfidence AS max, s.sources AS sources, s.factConfidence AS factConfidence, s.factSources AS factSources,
              [s.firstPublished, s.lastPublished] AS range, r.publishedAt AS published
       ORDER BY pair`,
      { tag },
    );
    // Each carries the range of its pair's publication times.
    for (const r of strong) {
      const published = (r.get("published") as unknown[]).map(Number);
      expect((r.get("range") as unknown[]).map(Number)).toEqual([Math.min(...published), Math.max(...published)]);
    }
    const summaries = (r: { get(key: string): unknown }) => ({
      pair: r.get("pair"),
      max: r.get("max"),
      sources: Number(r.get("sources")),
      factConfidence: r.get("factConfidence"),
      factSources: Number(r.get("factSources")),
    });
    expect(strong.map(summaries)).toEqual(
      stored
        .filter((r) => r.max * (1 + 0.5 * (r.sources - 1)) >= STRONG_FROM)
        .map(({ pair, max, sources, factConfidence, factSources }) => ({ pair, max, sources, factConfidence, factSources })),
    );
    expect(strong.map((r) => r.get("pair"))).toEqual([`${a}>${b}`]);
  });
});

/** The pairs with a STRONG_LEADS_TO among the macro factors of a test. */
async function strongPairs(tag: string): Promise<string[]> {
  const { records } = await server.driver.executeQuery(
    "MATCH (x:MacroFactor)-[:STRONG_LEADS_TO]->(y) WHERE x.key STARTS WITH $tag RETURN x.key + '>' + y.key AS pair ORDER BY pair",
    { tag },
  );
  return records.map((r) => r.get("pair") as string);
}

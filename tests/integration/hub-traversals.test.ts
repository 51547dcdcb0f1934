import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prng } from "../../bench/generate.js";
import { FLOOR_ABOVE_HOPS } from "../../src/traversals/causal/hop.js";
import { STRONG_FROM } from "../../src/cypher/leads-to.js";
import { uniqueTag } from "../support/ids.js";
import { loadArticles, removeFactorGraph } from "../support/factor-graph.js";
import { postGraphQL, useTestServer } from "../support/server.js";

/**
 * Traversals from and into hubs: levels large enough that the search reads only strong hops
 * (under falling floors) and weighs hops by LEADS_TO's summaries. Every answer must be exactly
 * what an enumeration of every chain over the claims gives.
 */
const server = useTestServer();
const tag = uniqueTag("hubt");
const random = prng(11);
const OUTLETS = 5;
const MIDS = 800;
const HUB = `${tag}-hub`;
const GOAL = `${tag}-goal`;
const SYMBOL = `X${tag.slice(4)}`.toUpperCase();
const MOVE = `${tag}-move`;
const WINDOW = { from: "2026-04-10T00:00:00Z", to: "2026-04-12T00:00:00Z" };

interface RawClaim {
  cause: string;
  effect: string;
  confidence: number;
  conditional: boolean;
  relation: "CAUSES" | "CONTRIBUTES_TO" | "PREVENTS";
  polarity: "ASSERTED" | "DENIED";
}

const mid = (i: number) => `${tag}-m${i}`;
const confidence = () => Math.round((0.3 + random() * 0.69) * 100) / 100;

/** The claims: the hub leads to every middle node, three quarters of them lead to the goal and three quarters to the move, some lead to each other; some hops are told twice, in other articles. */
function makeClaims(): RawClaim[] {
  const claims: RawClaim[] = [];
  const add = (cause: string, effect: string) => {
    const roll = random();
    claims.push({
      cause,
      effect,
      confidence: confidence(),
      conditional: roll < 0.08,
      relation: roll > 0.96 ? "PREVENTS" : roll > 0.5 ? "CONTRIBUTES_TO" : "CAUSES",
      polarity: roll > 0.93 && roll <= 0.96 ? "DENIED" : "ASSERTED",
    });
  };
  for (let i = 0; i < MIDS; i += 1) {
    add(HUB, mid(i));
    if (i % 4 !== 1) add(mid(i), GOAL);
    if (i % 4 !== 3) add(mid(i), MOVE);
    if (i % 5 === 2) add(mid(i), mid((i * 7 + 3) % MIDS));
  }
  add(HUB, GOAL);
  for (let i = 0; i < MIDS; i += 1) {
    if (i % 3 === 0) add(HUB, mid(i));
    if (i % 8 === 1) add(mid(i), MOVE);
    if (i % 8 === 4) add(mid(i), GOAL);
  }
  return claims;
}

const CLAIMS = makeClaims();
const PER_ARTICLE = 40;

function articles() {
  const result = [];
  for (let start = 0; start < CLAIMS.length; start += PER_ARTICLE) {
    const batch = CLAIMS.slice(start, start + PER_ARTICLE);
    const outlet = outletOf(start);
    const keys = [...new Set([HUB, ...batch.flatMap((c) => [c.cause, c.effect])])].filter((k) => k !== MOVE);
    const ref = (key: string) => (key === MOVE ? { kind: "PRICE_MOVE", key } : { kind: "MACRO_FACTOR", key });
    result.push({
      url: `https://${tag}-o${outlet}.example/a/${start}`,
      title: `Article ${start}`,
      publishedAt: "2026-03-01T10:00:00Z",
      source: { domain: `${tag}-o${outlet}.example`, name: `Outlet ${outlet}` },
      assets: [{ symbol: SYMBOL, name: "Hub asset" }],
      macroFactors: keys.map((key) => ({ key, name: key })),
      priceMoves: [
        { key: MOVE, asset: SYMBOL, startAt: "2026-04-10T12:00:00Z", endAt: "2026-04-11T12:00:00Z", open: 10, high: 11, low: 8, close: 9 },
      ],
      claims: batch.map((c, k) => ({
        key: `c${start + k}`,
        text: `${c.cause} ${c.relation} ${c.effect}`,
        relation: c.relation,
        polarity: c.polarity,
        modality: c.conditional ? "CONDITIONAL" : "FACT",
        conditions: c.conditional ? [ref(HUB)] : undefined,
        confidence: c.confidence,
        cause: ref(c.cause),
        effect: ref(c.effect),
      })),
    });
  }
  return result;
}

/** The outlet publishing claim `index`: each article (a batch of claims) has one, in turn. */
function outletOf(index: number): number {
  return Math.floor(index / PER_ARTICLE) % OUTLETS;
}

interface Weighted {
  confidence: number;
  outlets: Set<number>;
}

/** Hops as the reference weighs them: asserted leads-to claims, conditional ones only if asked, at least minConfidence. */
function referenceHops(options: { includeConditional: boolean; minConfidence: number }): Map<string, Map<string, Weighted>> {
  const out = new Map<string, Map<string, Weighted>>();
  CLAIMS.forEach((c, index) => {
    if (
      c.relation === "PREVENTS" ||
      c.polarity === "DENIED" ||
      (c.conditional && !options.includeConditional) ||
      c.confidence < options.minConfidence
    )
      return;
    const byEffect = out.get(c.cause) ?? new Map<string, Weighted>();
    const hop = byEffect.get(c.effect) ?? { confidence: 0, outlets: new Set<number>() };
    hop.confidence = Math.max(hop.confidence, c.confidence);
    hop.outlets.add(outletOf(index));
    byEffect.set(c.effect, hop);
    out.set(c.cause, byEffect);
  });
  return out;
}

interface Chain {
  nodes: string[];
  confidence: number;
  sources: number;
}

/** Every simple chain of at most maxDepth hops from `from` to `to`. */
function enumerate(hops: Map<string, Map<string, Weighted>>, from: string, to: string, maxDepth: number): Chain[] {
  const chains: Chain[] = [];
  const walk = (path: string[], confidence: number, sources: number) => {
    const at = path.at(-1)!;
    if (at === to) {
      chains.push({ nodes: path, confidence, sources });
      return;
    }
    if (path.length > maxDepth) return;
    for (const [next, hop] of hops.get(at) ?? []) {
      if (!path.includes(next)) walk([...path, next], confidence * hop.confidence, Math.min(sources, hop.outlets.size));
    }
  };
  walk([from], 1, Number.POSITIVE_INFINITY);
  return chains;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;
const byRank = (a: Chain, b: Chain) => b.confidence - a.confidence || b.sources - a.sources || a.nodes.length - b.nodes.length;

beforeAll(() => loadArticles(server, articles()), 180_000);

// Thousands of claims, some conditional: other files list such claims across the graph.
afterAll(() => removeFactorGraph(server, tag, SYMBOL));

const CHAINS = `query ($from: String!, $to: String!, $depth: Int, $first: Int, $min: Float, $conditional: Boolean!) {
  causalChains(from: { kind: MACRO_FACTOR, key: $from }, to: { kind: MACRO_FACTOR, key: $to }, maxDepth: $depth, first: $first,
               minConfidence: $min, includeConditional: $conditional) {
    confidence independentSourceCount steps { from { ... on MacroFactor { key } } to { ... on MacroFactor { key } } claims { confidence } }
  }
}`;

type ChainsAnswer = {
  causalChains: {
    confidence: number;
    independentSourceCount: number;
    steps: { from: { key: string }; to: { key: string }; claims: { confidence: number }[] }[];
  }[];
};

describe("causalChains from a hub", () => {
  it("has levels large enough to be read under a floor, at both ends, and strong hops to read them by", async () => {
    const { records } = await server.driver.executeQuery(
      `MATCH (h:MacroFactor { key: $hub }), (g:MacroFactor { key: $goal }), (m:PriceMove { key: $move })
       RETURN COUNT { (h)-[:LEADS_TO]->() } AS hub, COUNT { (g)<-[:LEADS_TO]-() } AS goal, COUNT { (m)<-[:LEADS_TO]-() } AS move,
              COUNT { (h)-[:STRONG_LEADS_TO]->() } AS strong`,
      { hub: HUB, goal: GOAL, move: MOVE },
    );
    const degrees = records[0]!.toObject();
    for (const end of ["hub", "goal", "move"]) expect(Number(degrees[end])).toBeGreaterThan(FLOOR_ABOVE_HOPS);
    expect(Number(degrees.strong)).toBeGreaterThan(0);
    expect(Number(degrees.strong)).toBeLessThan(Number(degrees.hub));
    // The best short chains are strong enough for the first search's floor to read strong hops alone.
    const short = enumerate(referenceHops({ includeConditional: false, minConfidence: 0 }), HUB, GOAL, 2).sort(byRank);
    expect(short[2]!.confidence).toBeGreaterThanOrEqual(STRONG_FROM);
  });

  it.each([
    { first: 3, depth: 3, min: 0, conditional: false },
    { first: 25, depth: 3, min: 0, conditional: false },
    { first: 200, depth: 3, min: 0, conditional: false },
    { first: 10, depth: 3, min: 0, conditional: true },
    { first: 10, depth: 3, min: 0.6, conditional: false },
    { first: 5, depth: 2, min: 0, conditional: false },
  ])(
    "answers the best $first chains (depth $depth, minConfidence $min, conditional $conditional) exactly as an enumeration does",
    async ({ first, depth, min, conditional }) => {
      const hops = referenceHops({ includeConditional: conditional, minConfidence: min });
      const reference = enumerate(hops, HUB, GOAL, depth).sort(byRank);
      expect(reference.length).toBeGreaterThan(first);
      const res = await postGraphQL<ChainsAnswer>(server.url, CHAINS, { from: HUB, to: GOAL, depth, first, min, conditional });
      expect(res.errors).toBeUndefined();
      const answered = res.data!.causalChains;
      expect(answered).toHaveLength(first);
      // The same strengths, in order (ties may list different chains of equal strength) ...
      expect(answered.map((c) => [c.confidence, c.independentSourceCount])).toEqual(
        reference.slice(0, first).map((c) => [round(c.confidence), c.sources]),
      );
      // ... and every chain answered is a real one, with that strength and each hop's usable claims.
      for (const chain of answered) {
        const nodes = [chain.steps[0]!.from.key, ...chain.steps.map((s) => s.to.key)];
        const match = reference.find((r) => r.nodes.join() === nodes.join());
        expect(match, nodes.join(" > ")).toBeDefined();
        expect(round(match!.confidence)).toBe(chain.confidence);
        for (const step of chain.steps) {
          const hop = hops.get(step.from.key)!.get(step.to.key)!;
          expect(step.claims.length).toBeGreaterThan(0);
          expect(Math.max(...step.claims.map((c) => c.confidence))).toBe(hop.confidence);
        }
      }
    },
  );
});

const EXPLAIN = `query ($symbol: String!, $from: DateTime!, $to: DateTime!) {
  explainPriceMove(symbol: $symbol, from: $from, to: $to) {
    drivers { score node { ... on MacroFactor { key } } paths { confidence steps { claims { id } } } }
  }
}`;

type ExplainAnswer = {
  explainPriceMove: {
    drivers: { score: number; node: { key: string }; paths: { confidence: number; steps: { claims: { id: string }[] }[] }[] }[];
  };
};

describe("explainPriceMove into a hub move", () => {
  it("ranks the same drivers with the same scores as an enumeration of every chain into the move", async () => {
    const hops = referenceHops({ includeConditional: false, minConfidence: 0 });
    // Each node's best chain score into the move: confidence × (1 + 0.5 × (outlets of its weakest hop − 1)).
    const best = new Map<string, number>();
    const into = new Map<string, [string, Weighted][]>();
    for (const [cause, byEffect] of hops)
      for (const [effect, hop] of byEffect) into.set(effect, [...(into.get(effect) ?? []), [cause, hop]]);
    const walk = (path: string[], confidence: number, sources: number) => {
      const head = path[0]!;
      if (path.length > 1) {
        const score = round(confidence * (1 + 0.5 * (sources - 1)));
        if (score > (best.get(head) ?? -1)) best.set(head, score);
      }
      if (path.length > 3) return;
      for (const [cause, hop] of into.get(head) ?? []) {
        if (!path.includes(cause)) walk([cause, ...path], confidence * hop.confidence, Math.min(sources, hop.outlets.size));
      }
    };
    walk([MOVE], 1, Number.POSITIVE_INFINITY);
    const reference = [...best.entries()].sort((a, b) => b[1] - a[1]);
    expect(reference.length).toBeGreaterThan(60);

    const res = await postGraphQL<ExplainAnswer>(server.url, EXPLAIN, { symbol: SYMBOL, ...WINDOW });
    expect(res.errors).toBeUndefined();
    const drivers = res.data!.explainPriceMove.drivers;
    expect(drivers).toHaveLength(50);
    expect(drivers.map((d) => d.score)).toEqual(reference.slice(0, 50).map(([, score]) => score));
    for (const driver of drivers) {
      expect(best.get(driver.node.key)).toBe(driver.score);
      for (const path of driver.paths) for (const step of path.steps) expect(step.claims.length).toBeGreaterThan(0);
    }
  });
});

import { expect } from "vitest";
import { CypherRunner } from "../../src/db/cypher-runner.js";
import { bulkIngest } from "../../src/domain/article/ingest/bulk-ingest.js";
import { buildAppSchema } from "../../src/schema.js";
import { removeArticles } from "./remove-articles.js";
import type { TestServer } from "./server.js";

/**
 * Loads a generated graph of thousands of claims through bulk ingest (what `npm run ingest`
 * runs), far faster than one mutation per article; every article must be accepted.
 */
export async function loadArticles(server: TestServer, articles: readonly object[]): Promise<void> {
  async function* lines() {
    let line = 0;
    for (const article of articles) yield { line: ++line, text: JSON.stringify(article) };
  }
  const cypher = new CypherRunner(server.driver, { database: server.config.neo4j.database, timeoutMs: 120_000 });
  const counts = await bulkIngest(cypher, await buildAppSchema(), lines());
  expect(counts.rejected).toBe(0);
}

/**
 * Takes out such a graph: its articles and claims, then the macro factors, price moves and
 * sources keyed by `tag` and the asset `symbol` (other files list claims across the graph).
 */
export async function removeFactorGraph(server: TestServer, tag: string, symbol: string): Promise<void> {
  await removeArticles(server.driver, tag);
  await server.driver.executeQuery(
    `MATCH (n) WHERE (n:MacroFactor OR n:PriceMove) AND n.key STARTS WITH $tag OR (n:Asset AND n.symbol = $symbol) OR (n:Source AND n.domain STARTS WITH $tag)
     DETACH DELETE n`,
    { tag, symbol },
  );
}

/** A link between two macro factors, or from one to the move, as `outlets` outlets each tell it once. */
export interface ToldHop {
  readonly cause: string;
  readonly effect: string;
  readonly confidence: number;
  readonly outlets: number;
}

/**
 * The articles telling `hops` (causes are macro factors; an effect is the price move `move` of
 * asset `symbol` or another factor): outlet k (`<tag>-o<k>.example`) tells every hop with more
 * than k outlets, 40 claims to an article, all published at `publishedAt`; the move runs
 * over `moveSpan`.
 */
export function articlesTelling(
  graph: { tag: string; symbol: string; move: string; publishedAt: string; moveSpan: { startAt: string; endAt: string } },
  hops: readonly ToldHop[],
): object[] {
  const { tag, symbol, move } = graph;
  const perArticle = 40;
  const result = [];
  const outlets = Math.max(...hops.map((hop) => hop.outlets));
  for (let outlet = 0; outlet < outlets; outlet += 1) {
    const told = hops.filter((hop) => hop.outlets > outlet);
    for (let start = 0; start < told.length; start += perArticle) {
      const batch = told.slice(start, start + perArticle);
      const factors = [...new Set(batch.flatMap((h) => [h.cause, h.effect]))].filter((key) => key !== move);
      result.push({
        url: `https://${tag}-o${outlet}.example/a/${start}`,
        title: `Outlet ${outlet}, article ${start}`,
        publishedAt: graph.publishedAt,
        source: { domain: `${tag}-o${outlet}.example`, name: `Outlet ${outlet}` },
        assets: [{ symbol, name: "Explained asset" }],
        macroFactors: factors.map((key) => ({ key, name: key })),
        priceMoves: [{ key: move, asset: symbol, ...graph.moveSpan, open: 10, high: 11, low: 8, close: 9 }],
        claims: batch.map((hop, k) => ({
          key: `c${start + k}`,
          text: `${hop.cause} leads to ${hop.effect}`,
          relation: "CAUSES",
          confidence: hop.confidence,
          cause: { kind: "MACRO_FACTOR", key: hop.cause },
          effect: hop.effect === move ? { kind: "PRICE_MOVE", key: move } : { kind: "MACRO_FACTOR", key: hop.effect },
        })),
      });
    }
  }
  return result;
}

/** Each node's best chain score into `target` over every chain of at most `maxDepth` hops: an enumeration, the reference for explanations. */
export function enumeratedScores(hops: readonly ToldHop[], target: string, maxDepth: number): Map<string, number> {
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  const into = new Map<string, ToldHop[]>();
  for (const hop of hops) into.set(hop.effect, [...(into.get(hop.effect) ?? []), hop]);
  const best = new Map<string, number>();
  const walk = (head: string, depth: number, confidence: number, outlets: number, chain: readonly string[]) => {
    for (const hop of into.get(head) ?? []) {
      if (chain.includes(hop.cause)) continue;
      const c = confidence * hop.confidence;
      const o = Math.min(outlets, hop.outlets);
      const score = round(c * (1 + 0.5 * (o - 1)));
      if (score > (best.get(hop.cause) ?? -1)) best.set(hop.cause, score);
      if (depth < maxDepth) walk(hop.cause, depth + 1, c, o, [...chain, hop.cause]);
    }
  };
  walk(target, 1, 1, Number.POSITIVE_INFINITY, [target]);
  return best;
}

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prng } from "../../bench/generate.js";
import { STRONG_FROM } from "../../src/cypher/leads-to.js";
import { FLOOR_ABOVE_HOPS } from "../../src/traversals/causal/hop.js";
import { uniqueTag } from "../support/ids.js";
import { articlesTelling, enumeratedScores, loadArticles, removeFactorGraph, type ToldHop } from "../support/factor-graph.js";
import { postGraphQL, useTestServer } from "../support/server.js";

/**
 * An explanation whose second level is large and read under a score floor of at least
 * STRONG_FROM, so from STRONG_LEADS_TO alone: 610 factors lead to the move (20 of them told by
 * three outlets), and 30 roots lead to each of those 20. The best chains of roots outscore most
 * direct drivers, so the answer depends on that level. It must be exactly what an enumeration
 * of every chain gives.
 */
const server = useTestServer();
const tag = uniqueTag("exph");
const random = prng(23);
const SYMBOL = `E${tag.slice(4)}`.toUpperCase();
const MOVE = `${tag}-move`;
const WINDOW = { from: "2026-05-10T00:00:00Z", to: "2026-05-12T00:00:00Z" };

const strong = (i: number) => `${tag}-s${i}`;
const round2 = (x: number) => Math.round(x * 100) / 100;

function makeHops(): ToldHop[] {
  const hops: ToldHop[] = [];
  for (let i = 0; i < 20; i += 1) hops.push({ cause: strong(i), effect: MOVE, confidence: 0.99, outlets: 3 });
  for (let i = 0; i < 40; i += 1) hops.push({ cause: `${tag}-w${i}`, effect: MOVE, confidence: round2(0.6 + random() * 0.3), outlets: 2 });
  for (let i = 0; i < 550; i += 1) hops.push({ cause: `${tag}-x${i}`, effect: MOVE, confidence: 0.5, outlets: 1 });
  for (let i = 0; i < 20; i += 1) {
    for (let k = 0; k < 30; k += 1) {
      hops.push({
        cause: `${tag}-r${i}-${k}`,
        effect: strong(i),
        confidence: round2(0.5 + random() * 0.49),
        outlets: 1 + Math.floor(random() * 3),
      });
    }
  }
  return hops;
}

const HOPS = makeHops();
/** The move's drivers' best scores, by an enumeration of every chain of at most three hops. */
const referenceScores = () => enumeratedScores(HOPS, MOVE, 3);
const round = (x: number) => Math.round(x * 1e6) / 1e6;

beforeAll(
  () =>
    loadArticles(
      server,
      articlesTelling(
        {
          tag,
          symbol: SYMBOL,
          move: MOVE,
          publishedAt: "2026-05-09T10:00:00Z",
          moveSpan: { startAt: "2026-05-10T12:00:00Z", endAt: "2026-05-11T12:00:00Z" },
        },
        HOPS,
      ),
    ),
  180_000,
);

// Thousands of claims, some conditional: other files list such claims across the graph.
afterAll(() => removeFactorGraph(server, tag, SYMBOL));

type ExplainAnswer = { explainPriceMove: { drivers: { score: number; node: { key: string } }[] } };

describe("explainPriceMove through a large level of strong hops", () => {
  it("reads its second level under a floor of at least STRONG_FROM, and that level decides the answer", async () => {
    const { records } = await server.driver.executeQuery(
      "MATCH (m:PriceMove { key: $move }) RETURN COUNT { (m)<-[:LEADS_TO]-() } AS degree",
      { move: MOVE },
    );
    expect(Number(records[0]!.get("degree"))).toBeGreaterThan(FLOOR_ABOVE_HOPS);
    // The first search's floor is the 51st best direct driver's score.
    const direct = HOPS.filter((h) => h.effect === MOVE)
      .map((h) => round(h.confidence * (1 + 0.5 * (h.outlets - 1))))
      .sort((a, b) => b - a);
    expect(direct[50]).toBeGreaterThanOrEqual(STRONG_FROM);
    // Roots (two hops away) are among the best fifty.
    const top = [...referenceScores().entries()].sort((a, b) => b[1] - a[1]).slice(0, 50);
    expect(top.filter(([key]) => key.includes("-r")).length).toBeGreaterThan(10);
  });

  it("ranks the same drivers with the same scores as an enumeration of every chain into the move", async () => {
    const best = referenceScores();
    const reference = [...best.values()].sort((a, b) => b - a);
    const res = await postGraphQL<ExplainAnswer>(
      server.url,
      `query ($symbol: String!, $from: DateTime!, $to: DateTime!) {
         explainPriceMove(symbol: $symbol, from: $from, to: $to) { drivers { score node { ... on MacroFactor { key } } } }
       }`,
      { symbol: SYMBOL, ...WINDOW },
    );
    expect(res.errors).toBeUndefined();
    const drivers = res.data!.explainPriceMove.drivers;
    expect(drivers).toHaveLength(50);
    expect(drivers.map((d) => d.score)).toEqual(reference.slice(0, 50));
    for (const driver of drivers) expect(best.get(driver.node.key)).toBe(driver.score);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FLOOR_ABOVE_HOPS } from "../../src/traversals/causal/hop.js";
import { uniqueTag } from "../support/ids.js";
import { articlesTelling, enumeratedScores, loadArticles, removeFactorGraph, type ToldHop } from "../support/factor-graph.js";
import { postGraphQL, useTestServer } from "../support/server.js";

/**
 * A node first reached by a weak chain and later by a strong one. Under the first search's
 * floor (the 51st direct driver's score, 1.05), `a` enters the move directly (0.72, two
 * outlets: 1.08) and through `s` (0.99 × 0.99, three outlets: 1.96). Expanded with what the
 * direct chain brings, the large level into `a` leaves out `r -> a` (0.72 × 0.9 × 1.5 = 0.97);
 * through `s` it is worth 0.88 × 2 = 1.76, so `a` must be expanded again, or `r`, the third
 * best driver, is lost while the answer looks exact.
 */
const server = useTestServer();
const tag = uniqueTag("exreach");
const SYMBOL = `R${tag.slice(-6)}`.toUpperCase();
const MOVE = `${tag}-move`;
const WINDOW = { from: "2026-06-10T00:00:00Z", to: "2026-06-12T00:00:00Z" };
const node = (name: string) => `${tag}-${name}`;

const HOPS: ToldHop[] = [
  { cause: node("s"), effect: MOVE, confidence: 0.99, outlets: 3 },
  { cause: node("a"), effect: MOVE, confidence: 0.72, outlets: 2 },
  { cause: node("a"), effect: node("s"), confidence: 0.99, outlets: 3 },
  { cause: node("r"), effect: node("a"), confidence: 0.9, outlets: 3 },
  ...Array.from({ length: 60 }, (_, i) => ({ cause: node(`d${i}`), effect: MOVE, confidence: 0.7, outlets: 2 })),
  // Enough weak hops into `a` that the level expanding it is read under the floor.
  ...Array.from({ length: FLOOR_ABOVE_HOPS + 100 }, (_, i) => ({ cause: node(`f${i}`), effect: node("a"), confidence: 0.5, outlets: 1 })),
];

/**
 * A node read whole on a small level, then reached by a better chain: the nodes behind it gain
 * too. Into the move: x (0.3), y1 (0.9) and 60 direct drivers (0.6, the first floor). Behind x,
 * z (0.9) with 600 weak hops into it and w (0.9); x is reached again through y2 -> y1 (0.99 each),
 * which lifts z from 0.27 to 0.79 after z was left out under the floor; w, through z, x, y2 and
 * y1 (0.714 at depth 5), is the fifth driver.
 */
const later = uniqueTag("exlate");
const LATER_SYMBOL = `L${later.slice(-6)}`.toUpperCase();
const LATER_MOVE = `${later}-move`;
const lat = (name: string) => `${later}-${name}`;
const LATER_HOPS: ToldHop[] = [
  { cause: lat("x"), effect: LATER_MOVE, confidence: 0.3, outlets: 1 },
  { cause: lat("y1"), effect: LATER_MOVE, confidence: 0.9, outlets: 1 },
  { cause: lat("z"), effect: lat("x"), confidence: 0.9, outlets: 1 },
  { cause: lat("y2"), effect: lat("y1"), confidence: 0.99, outlets: 1 },
  { cause: lat("x"), effect: lat("y2"), confidence: 0.99, outlets: 1 },
  { cause: lat("w"), effect: lat("z"), confidence: 0.9, outlets: 1 },
  ...Array.from({ length: FLOOR_ABOVE_HOPS + 100 }, (_, i) => ({ cause: lat(`f${i}`), effect: lat("z"), confidence: 0.3, outlets: 1 })),
  ...Array.from({ length: 60 }, (_, i) => ({ cause: lat(`d${i}`), effect: LATER_MOVE, confidence: 0.6, outlets: 1 })),
];

beforeAll(async () => {
  const span = { startAt: "2026-06-10T12:00:00Z", endAt: "2026-06-11T12:00:00Z" };
  await loadArticles(
    server,
    articlesTelling({ tag, symbol: SYMBOL, move: MOVE, publishedAt: "2026-06-09T10:00:00Z", moveSpan: span }, HOPS),
  );
  await loadArticles(
    server,
    articlesTelling(
      { tag: later, symbol: LATER_SYMBOL, move: LATER_MOVE, publishedAt: "2026-06-09T10:00:00Z", moveSpan: span },
      LATER_HOPS,
    ),
  );
}, 180_000);

afterAll(async () => {
  await removeFactorGraph(server, tag, SYMBOL);
  await removeFactorGraph(server, later, LATER_SYMBOL);
});

type Driver = { score: number; node: { key: string }; paths: { steps: { to: { key: string } }[] }[] };

/** The drivers of the move of `symbol` in WINDOW, with the nodes each best chain enters; and the reference: the best 50 scores by an enumeration of every chain. */
async function driversAndReference(symbol: string, hops: readonly ToldHop[], move: string, maxDepth: number) {
  const res = await postGraphQL<{ explainPriceMove: { drivers: Driver[] } }>(
    server.url,
    `query ($symbol: String!, $from: DateTime!, $to: DateTime!, $maxDepth: Int) {
       explainPriceMove(symbol: $symbol, from: $from, to: $to, maxDepth: $maxDepth) {
         drivers { score node { ... on MacroFactor { key } } paths { steps { to { ... on MacroFactor { key } ... on PriceMove { key } } } } }
       }
     }`,
    { symbol, ...WINDOW, maxDepth },
  );
  expect(res.errors).toBeUndefined();
  const best = enumeratedScores(hops, move, maxDepth);
  const reference = [...best.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, 50);
  return { drivers: res.data!.explainPriceMove.drivers, best, reference };
}

describe("explainPriceMove when a better chain reaches a node after it was expanded", () => {
  it("expands it again and finds the driver behind it: the answer equals an enumeration of every chain", async () => {
    const { drivers, best, reference } = await driversAndReference(SYMBOL, HOPS, MOVE, 3);
    expect(reference.slice(0, 3)).toEqual([
      [node("s"), 1.98],
      [node("a"), 1.9602],
      [node("r"), 1.76418],
    ]);
    // The direct drivers tie at 1.05: which of them fill the last places is not ranked.
    expect(drivers.map((d) => d.score)).toEqual(reference.map(([, score]) => score));
    expect(drivers.slice(0, 3).map((d) => [d.node.key, d.score])).toEqual(reference.slice(0, 3));
    for (const driver of drivers) expect(best.get(driver.node.key)).toBe(driver.score);
    expect(drivers[2]!.paths[0]!.steps.map((s) => s.to.key)).toEqual([node("a"), node("s"), MOVE]);
  });
});

describe("explainPriceMove when a better chain reaches a node read whole before", () => {
  it("carries the better chain to the nodes behind it, and finds the driver five hops back", async () => {
    const { drivers, best, reference } = await driversAndReference(LATER_SYMBOL, LATER_HOPS, LATER_MOVE, 5);
    expect(reference.slice(0, 5).map(([key]) => key)).toEqual([lat("y1"), lat("y2"), lat("x"), lat("z"), lat("w")]);
    expect(drivers.map((d) => d.score)).toEqual(reference.map(([, score]) => score));
    expect(drivers.slice(0, 5).map((d) => [d.node.key, d.score])).toEqual(reference.slice(0, 5));
    for (const driver of drivers) expect(best.get(driver.node.key)).toBe(driver.score);
    expect(drivers[4]!.paths[0]!.steps.map((s) => s.to.key)).toEqual([lat("z"), lat("x"), lat("y2"), lat("y1"), LATER_MOVE]);
  });
});

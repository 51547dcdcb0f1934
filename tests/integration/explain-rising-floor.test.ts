import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CypherRunner, type Params, type Row } from "../../src/db/cypher-runner.js";
import { FLOOR_ABOVE_HOPS } from "../../src/traversals/causal/hop.js";
import { explainMoves } from "../../src/traversals/explain/explain.service.js";
import { LevelsRead } from "../../src/traversals/explain/levels-read.js";
import { uniqueTag } from "../support/ids.js";
import { articlesTelling, enumeratedScores, loadArticles, removeFactorGraph, type ToldHop } from "../support/factor-graph.js";
import { postGraphQL, useTestServer } from "../support/server.js";

/**
 * The shape of a much-discussed move: one hub (told by 25 outlets) leads to it, 60 factors
 * lead to the hub (12 outlets each), and fifteen roots lead to each factor (two outlets). The move
 * has four direct drivers, too few to seed a floor, so the first search runs under 0.9. Each
 * root's chain is worth at most 1.4 there, so under 0.9 its hop counts; but the second level
 * already shows 51 drivers (the hub and the factors) scoring 4.3 or more, so the floor rises
 * before the third level, which then reads none of the 900 roots' hops, and the answer is still
 * the enumeration's.
 */
const server = useTestServer();
const tag = uniqueTag("exrise");
const SYMBOL = `F${tag.slice(-6)}`.toUpperCase();
const MOVE = `${tag}-move`;
const HUB = `${tag}-hub`;
const DAY = 86_400_000;
const node = (name: string) => `${tag}-${name}`;
const factorConfidence = (i: number) => Math.round((0.7 + i * 0.0045) * 1000) / 1000;

const HOPS: ToldHop[] = [
  { cause: HUB, effect: MOVE, confidence: 0.95, outlets: 25 },
  ...Array.from({ length: 3 }, (_, i) => ({ cause: node(`x${i}`), effect: MOVE, confidence: 0.5, outlets: 1 })),
  ...Array.from({ length: 60 }, (_, i) => ({ cause: node(`f${i}`), effect: HUB, confidence: factorConfidence(i), outlets: 12 })),
  ...Array.from({ length: 60 }, (_, i) =>
    Array.from({ length: 15 }, (_, k) => ({ cause: node(`r${i}-${k}`), effect: node(`f${i}`), confidence: 0.99, outlets: 2 })),
  ).flat(),
];

/**
 * A chain that ties with the 51st driver once rounded to millionths: 60 direct drivers score
 * 0.2448 × 1.5 (0.3672) and x's chain 0.72 × 0.5099997 (0.3671998 before rounding, 0.3672
 * after); x is the more confident, so it comes first among the tied and must be listed. The
 * floor rises to the 51st driver's score after the first level, and the second (601 hops into
 * y) is read under it.
 */
const tie = uniqueTag("exrtie");
const TIE_SYMBOL = `G${tie.slice(-6)}`.toUpperCase();
const TIE_MOVE = `${tie}-move`;
const tied = (name: string) => `${tie}-${name}`;
const TIE_HOPS: ToldHop[] = [
  { cause: tied("y"), effect: TIE_MOVE, confidence: 0.72, outlets: 1 },
  ...Array.from({ length: 60 }, (_, i) => ({ cause: tied(`d${i}`), effect: TIE_MOVE, confidence: 0.2448, outlets: 2 })),
  { cause: tied("x"), effect: tied("y"), confidence: 0.5099997, outlets: 1 },
  ...Array.from({ length: FLOOR_ABOVE_HOPS + 100 }, (_, i) => ({ cause: tied(`w${i}`), effect: tied("y"), confidence: 0.5, outlets: 1 })),
];

/** A real runner that keeps what each traversal level returned. */
class RecordingRunner extends CypherRunner {
  readonly levels: Row[][] = [];

  override async read<T extends Row = Row>(query: string, params: Params = {}): Promise<T[]> {
    const rows = await super.read<T>(query, params);
    if (query.includes("UNWIND $frontier")) this.levels.push(rows);
    return rows;
  }
}

const SPAN = { startAt: "2026-07-10T12:00:00Z", endAt: "2026-07-11T12:00:00Z" };

beforeAll(async () => {
  await loadArticles(
    server,
    articlesTelling({ tag, symbol: SYMBOL, move: MOVE, publishedAt: "2026-07-09T10:00:00Z", moveSpan: SPAN }, HOPS),
  );
  await loadArticles(
    server,
    articlesTelling({ tag: tie, symbol: TIE_SYMBOL, move: TIE_MOVE, publishedAt: "2026-07-09T10:00:00Z", moveSpan: SPAN }, TIE_HOPS),
  );
}, 180_000);

afterAll(async () => {
  await removeFactorGraph(server, tag, SYMBOL);
  await removeFactorGraph(server, tie, TIE_SYMBOL);
});

describe("explainPriceMove under a floor that rises as levels are read", () => {
  it("leaves out the third level's weak hops once the second shows enough strong drivers, and answers as an enumeration does", async () => {
    const best = enumeratedScores(HOPS, MOVE, 3);
    const ranked = [...best.entries()].sort((a, b) => b[1] - a[1]);
    // The premise: roots would clear the first floor, and the 51st driver scores far above them.
    const roots = ranked.filter(([key]) => key.startsWith(node("r")));
    expect(Math.max(...roots.map(([, score]) => score))).toBeLessThan(ranked[50]![1]);
    expect(Math.min(...roots.map(([, score]) => score))).toBeGreaterThan(0.9);
    expect(roots.length).toBeGreaterThan(FLOOR_ABOVE_HOPS);

    const cypher = new RecordingRunner(server.driver, { database: server.config.neo4j.database, timeoutMs: 60_000 });
    const from = Date.parse("2026-07-10T00:00:00Z");
    const to = Date.parse("2026-07-12T00:00:00Z");
    const answer = await explainMoves(cypher, {
      symbol: SYMBOL,
      window: { from, to, articlesFrom: from - 7 * DAY, articlesTo: to },
      depth: 3,
      asOf: new Date().toISOString(),
    });

    expect(answer.drivers.map((d) => [d.nodeRef.key, d.score])).toEqual(ranked.slice(0, 50));
    // No level returned a hop from a root: the hops read are the move's 4 and the hub's 60.
    const { records } = await server.driver.executeQuery(
      "MATCH (r:MacroFactor) WHERE r.key STARTS WITH $prefix RETURN collect(elementId(r)) AS ids",
      {
        prefix: node("r"),
      },
    );
    const rootIds = new Set<string>(records[0]!.get("ids"));

    const read = cypher.levels.flat().flatMap((row) => (row.hops as unknown[][]).map((hop) => hop[0] as string));
    expect(read.filter((id) => rootIds.has(id))).toEqual([]);
    expect(read).toHaveLength(64);
  });
});

describe("explainPriceMove under a floor raised to a score others tie with", () => {
  it("still lists the chain whose score rounds to the floor's", async () => {
    const best = enumeratedScores(TIE_HOPS, TIE_MOVE, 3);
    // The premise: x ties with the direct drivers once rounded, but not before.
    expect(best.get(tied("x"))).toBe(best.get(tied("d0")));
    expect(best.get(tied("x"))! - 0.72 * 0.5099997).toBeGreaterThan(1e-7);
    const res = await postGraphQL<{ explainPriceMove: { drivers: { score: number; node: { key: string } }[] } }>(
      server.url,
      `query ($symbol: String!) {
         explainPriceMove(symbol: $symbol, from: "2026-07-10T00:00:00Z", to: "2026-07-12T00:00:00Z") { drivers { score node { ... on MacroFactor { key } } } }
       }`,
      { symbol: TIE_SYMBOL },
    );
    expect(res.errors).toBeUndefined();
    const drivers = res.data!.explainPriceMove.drivers;
    expect(drivers.map((d) => d.score)).toEqual([0.72, ...Array(49).fill(0.3672)]);
    expect(drivers.map((d) => d.node.key)).toContain(tied("x"));
  });
});

describe("LevelsRead", () => {
  const settled = async (promise: Promise<void>) => {
    let done = false;
    void promise.then(() => (done = true));
    await new Promise((resolve) => setImmediate(resolve));
    return done;
  };

  it("holds a side until the leader has read the same level, and lets it go when the leader reads no more", async () => {
    const movesRead = new LevelsRead();
    const second = movesRead.reached(1);
    const third = movesRead.reached(2);
    movesRead.finished(0);
    expect(await settled(second)).toBe(false);
    movesRead.finished(1);
    expect(await settled(second)).toBe(true);
    expect(await settled(third)).toBe(false);
    // A leader that stops (finished early, or failed) never leaves the other side waiting.
    movesRead.end();
    expect(await settled(third)).toBe(true);
    expect(await settled(movesRead.reached(5))).toBe(true);
  });
});

import type { CypherRunner } from "../../db/cypher-runner.js";
import { int } from "../../db/values.js";
import { DIRECT_DRIVERS, shortChainsQuery } from "./floor-seeds.cypher.js";

/**
 * A floor to search under first (see floors.ts): the confidence of the `first`-th most
 * confident chain of one or two hops (two only if maxDepth allows) from start to goal, from
 * LEADS_TO's summaries, in one round trip; null when there are fewer such chains. The best
 * `first` chains of any length are at least that confident.
 */
export async function shortChainsFloor(
  cypher: CypherRunner,
  params: { start: string; goal: string; maxDepth: number; first: number; includeConditional: boolean },
): Promise<number | null> {
  const rows = await cypher.read<{ confidence: number }>(shortChainsQuery(params.includeConditional), {
    start: params.start,
    goal: params.goal,
    twoHops: params.maxDepth >= 2,
    first: int(params.first),
  });
  return rows.length >= params.first && rows.at(-1)!.confidence > 0 ? rows.at(-1)!.confidence : null;
}

/**
 * A score floor to search for drivers under first (see floors.ts): the score of the
 * `drivers`-th best one-hop driver of the targets (nodes being explained are no drivers), each
 * scored by its best hop's summary (confidence × (1 + 0.5 × (outlets − 1))), rounded down to
 * the millionths chain scores are rounded to, less one millionth (a chain whose rounded score
 * ties with it may be half a millionth lower), in one round trip; null when fewer nodes lead to
 * the targets directly. The best `drivers` drivers score at least that.
 */
export async function directDriversFloor(
  cypher: CypherRunner,
  params: { targets: readonly string[]; explained: readonly string[]; drivers: number; notAfter: number },
): Promise<number | null> {
  const rows = await cypher.read<{ score: number }>(DIRECT_DRIVERS, {
    targets: params.targets,
    explained: params.explained,
    drivers: int(params.drivers),
    notAfter: params.notAfter,
  });
  return rows.length >= params.drivers ? Math.floor(rows.at(-1)!.score * 1e6) / 1e6 - 1e-6 : null;
}

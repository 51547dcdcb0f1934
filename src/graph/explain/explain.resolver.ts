import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import type { Asset, PriceMove } from "../../domain/asset/asset.type.js";
import type { Claim } from "../../domain/claim/claim.type.js";
import { toGraphNode } from "../../domain/node/node.mapper.js";
import { FieldReader } from "../../input/field-reader.js";
import { Problems } from "../../input/problems.js";
import { toCausalPath } from "../causal/causal-paths.js";
import { MAX_DEPTH } from "../causal/traversable-claim.js";
import { nodeIdentity, rankDrivers } from "./drivers.js";
import { findExplanation } from "./explain.repository.js";
import { PriceMoveExplanation } from "./explanation.types.js";

@Resolver()
export class ExplainResolver {
  @Query(() => PriceMoveExplanation, {
    description: `What drove an asset in a window: its price moves, the drivers whose causal chains (up to maxDepth hops, at most ${MAX_DEPTH}) reach them, the causes articles deny, and the conditional risks they name.`,
  })
  async explainPriceMove(
    @Arg("symbol") symbol: string,
    @Arg("from", () => Date) from: string,
    @Arg("to", () => Date) to: string,
    @Arg("maxDepth", () => Int, { nullable: true, defaultValue: 3 }) maxDepth: number | null,
    @Ctx() ctx: Context,
  ): Promise<PriceMoveExplanation> {
    const problems = new Problems();
    const read = new FieldReader(problems);
    const canonical = read.symbol(symbol, "symbol");
    const depth = read.integer(maxDepth ?? 3, "maxDepth", 1, MAX_DEPTH) ?? 3;
    if (Date.parse(to) < Date.parse(from)) problems.add("to", "must not be before from");
    problems.throwIfAny();

    const rows = await findExplanation(ctx.cypher, { symbol: canonical, from, to, depth, asOf: new Date().toISOString() });
    if (!rows.asset) {
      problems.add("symbol", `no asset "${canonical}" in the graph`);
      problems.throwIfAny();
    }
    const asset = toGraphNode(rows.asset!) as Asset;
    const moves = rows.moves.map((m) => toGraphNode(m) as PriceMove);
    const explained = new Set([asset, ...moves].map(nodeIdentity));
    return {
      asset,
      moves,
      drivers: rankDrivers(rows.paths.map(toCausalPath), explained),
      deniedCauses: rows.denied.map((c) => toGraphNode(c) as Claim),
      conditionalRisks: rows.conditional.map((c) => toGraphNode(c) as Claim),
    };
  }
}

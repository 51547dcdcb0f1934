import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, Info, Int, Query, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import type { Asset, PriceMove } from "../../domain/asset/asset.type.js";
import type { Claim } from "../../domain/claim/claim.type.js";
import { toGraphNode } from "../../domain/node/node.mapper.js";
import { nodeSelection } from "../../domain/shared/node.selection.js";
import { shiftDateTime } from "../../graphql/date-time.scalar.js";
import { FieldReader } from "../../input/field-reader.js";
import { Problems } from "../../input/problems.js";
import { MAX_DEPTH } from "../causal/depth.js";
import { explainMoves } from "./explain.service.js";
import { PriceMoveExplanation } from "./explanation.type.js";

/** Days before the window whose articles may explain the asset itself, unless the client says otherwise. */
const DEFAULT_LOOKBACK_DAYS = 3;
const MAX_LOOKBACK_DAYS = 90;
/** The longest window explained at once: a move is explained in its days, not over years of them. */
const MAX_WINDOW_DAYS = 366;
const DAY_MS = 86_400_000;

@Resolver()
export class ExplainResolver {
  @Query(() => PriceMoveExplanation, {
    description:
      `What drove an asset in a window (from ≤ to, at most ${MAX_WINDOW_DAYS} days; otherwise ` +
      `BAD_USER_INPUT naming \`to\`), and only in that window: its price moves overlapping it, the drivers ` +
      `whose causal chains (up to maxDepth hops, at most ${MAX_DEPTH}) reach those moves, or reach the ` +
      `asset itself through claims of articles published from lookbackDays before the window to its end; ` +
      `the causes articles deny; and the conditional risks they name. A move overlaps the window when they ` +
      `share more than an instant (one that ends where the window starts, or starts where it ends, is not ` +
      `explained). With \`move\`, that move alone over its own span (docs/meaning.md, "Explaining a move").`,
  })
  async explainPriceMove(
    @Arg("symbol") symbol: string,
    @Arg("from", () => Date) from: string,
    @Arg("to", () => Date) to: string,
    @Arg("maxDepth", () => Int, { nullable: true, defaultValue: 3 }) maxDepth: number | null,
    @Arg("lookbackDays", () => Int, {
      nullable: true,
      defaultValue: DEFAULT_LOOKBACK_DAYS,
      description:
        `Days (0 to ${MAX_LOOKBACK_DAYS}) before the window in which an article's claims about the asset ` +
        `itself still explain this window.`,
    })
    lookbackDays: number | null,
    @Arg("move", () => String, {
      nullable: true,
      description:
        "Key of one price move of the asset overlapping the window: explain it alone, over its own span " +
        "(drivers reaching it, or the asset through claims of articles published from lookbackDays before its " +
        "start to its end); no other move. BAD_USER_INPUT naming `move` when the asset has no such move there.",
    })
    move: string | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PriceMoveExplanation> {
    const problems = new Problems();
    const read = new FieldReader(problems);
    const canonical = read.symbol(symbol, "symbol");
    const depth = read.integer(maxDepth ?? 3, "maxDepth", 1, MAX_DEPTH) ?? 3;
    const lookback = read.integer(lookbackDays ?? DEFAULT_LOOKBACK_DAYS, "lookbackDays", 0, MAX_LOOKBACK_DAYS) ?? DEFAULT_LOOKBACK_DAYS;
    const moveKey = move == null ? null : read.key(move, "move");
    if (Date.parse(to) < Date.parse(from)) problems.add("to", "must not be before from");
    else if (Date.parse(to) - Date.parse(from) > MAX_WINDOW_DAYS * DAY_MS)
      problems.add("to", `must be at most ${MAX_WINDOW_DAYS} days after from`);
    problems.throwIfAny();

    const window = {
      from: Date.parse(from),
      to: Date.parse(to),
      articlesFrom: Date.parse(from) - lookback * DAY_MS,
      articlesTo: Date.parse(to),
    };
    // The denied and conditional claims are read with only the properties the query selects of them.
    const select = { denied: nodeSelection(info, ["deniedCauses"]), conditional: nodeSelection(info, ["conditionalRisks"]) };
    const result = await explainMoves(ctx.cypher, {
      symbol: canonical,
      window,
      move: moveKey,
      depth,
      asOf: new Date().toISOString(),
      select,
    });
    if (!result.asset) problems.add("symbol", `no asset "${canonical}" in the graph`);
    else if (moveKey !== null && result.moves.length === 0)
      problems.add("move", `no price move "${moveKey}" of ${canonical} overlapping the window`);
    problems.throwIfAny();
    const moves = result.moves.map((m) => toGraphNode(m) as PriceMove);
    // One move's article window is given in its own offset.
    const [start, end] = moveKey === null ? [from, to] : [moves[0]!.startAt, moves[0]!.endAt];
    return {
      asset: toGraphNode(result.asset!) as Asset,
      moves,
      articleWindow: { from: shiftDateTime(start, -lookback * DAY_MS), to: end },
      drivers: result.drivers,
      deniedCauses: result.denied.map((c) => toGraphNode(c) as Claim),
      conditionalRisks: result.conditional.map((c) => toGraphNode(c) as Claim),
    };
  }
}

import { Arg, Ctx, Float, Int, Query, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import { toLabelKey } from "../../domain/claim/claim.criteria.js";
import { NodeKind, NodeRef } from "../../domain/shared/node-ref.input.js";
import { FieldReader } from "../../input/field-reader.js";
import { Problems } from "../../input/problems.js";
import { findCausalChains } from "./causal-chains.repository.js";
import { CausalPath } from "./causal-path.type.js";
import { toCausalPath } from "./causal-paths.js";
import { MAX_DEPTH } from "./depth.js";

const MAX_PATHS = 200;

@Resolver()
export class CausalChainsResolver {
  @Query(() => [CausalPath], {
    description:
      `The first best simple chains, over all of them, of asserted, current (as of asOf, default now), ` +
      `leads-to claims from a cause to an effect, up to maxDepth hops (at most ${MAX_DEPTH}): by confidence ` +
      `(the product of the hops'), then corroboration (independent outlets of the weakest hop), then ` +
      `length; chains that tie on all three in an order fixed by the graph (the internal ids of their ` +
      `nodes), the same on every request. Parallel claims of a hop (many outlets saying the same) count ` +
      `once in the search and all in the step.`,
  })
  async causalChains(
    @Arg("from", () => NodeRef) from: NodeRef,
    @Arg("to", () => NodeRef) to: NodeRef,
    @Arg("maxDepth", () => Int, { nullable: true, defaultValue: 4 }) maxDepth: number | null,
    @Arg("minConfidence", () => Float, { nullable: true, defaultValue: 0 }) minConfidence: number | null,
    @Arg("asOf", () => Date, { nullable: true }) asOf: string | null,
    @Arg("includeConditional", { defaultValue: false, description: "Also follow CONDITIONAL claims." }) includeConditional: boolean,
    @Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
    @Ctx() ctx: Context,
  ): Promise<CausalPath[]> {
    const problems = new Problems();
    const read = new FieldReader(problems);
    const depth = read.integer(maxDepth ?? 4, "maxDepth", 1, MAX_DEPTH) ?? 4;
    const limit = read.integer(first ?? 50, "first", 1, MAX_PATHS) ?? 50;
    const confidence = read.number(minConfidence ?? 0, "minConfidence", { min: 0, max: 1 }) ?? 0;
    for (const [ref, field] of [
      [from, "from"],
      [to, "to"],
    ] as const) {
      if (ref.kind === NodeKind.SOURCE)
        problems.add(`${field}.kind`, "a source is not a causal node; use an event, factor, asset, price move, narrative or entity");
    }
    const start = toLabelKey(from, "from", read);
    const end = toLabelKey(to, "to", read);
    if (start.label === end.label && start.key === end.key) problems.add("to", "must differ from from");
    problems.throwIfAny();

    const result = await findCausalChains(ctx.cypher, {
      from: start,
      to: end,
      maxDepth: depth,
      minConfidence: confidence,
      asOf,
      includeConditional,
      first: limit,
    });
    if (!result.fromFound) problems.add("from", `no ${start.label} "${start.key}" in the graph`);
    if (!result.toFound) problems.add("to", `no ${end.label} "${end.key}" in the graph`);
    problems.throwIfAny();
    return result.paths.map((path) => toCausalPath(path, result.nodes, asOf));
  }
}

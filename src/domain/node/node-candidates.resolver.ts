import { Arg, Ctx, Float, Int, Query, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import { BadUserInputError } from "../../errors.js";
import { FieldReader } from "../../input/field-reader.js";
import { Problems } from "../../input/problems.js";
import type { Node } from "../../graphql/node.interface.js";
import { findCandidates } from "../resolution/candidates.repository.js";
import { loadNode } from "../shared/load.js";
import { LABEL_OF_KIND, NodeKind } from "../shared/node-ref.input.js";
import { NodeCandidate } from "../resolution/node-candidate.type.js";

/** Most candidates one question may ask for. */
const MAX_CANDIDATES = 50;

@Resolver()
export class NodeCandidatesResolver {
  @Query(() => [NodeCandidate], {
    description:
      "Existing nodes of one kind that a name may mean, best first (entity resolution, docs/resolution.md): found by " +
      "their keys and names (full text), and, for events and moves with an asset and a time, among that asset's in the " +
      "week around it; scored on name similarity and on agreement of time (spans overlapping or within a day of `at`), " +
      "asset (what an event affects, what a move is of) and amount (any current statement's within 10%). Always of the " +
      "asked kind. SOURCE is not asked this way: outlets are their domains. first: 1 to 50.",
  })
  async nodeCandidates(
    @Arg("kind", () => NodeKind) kind: NodeKind,
    @Arg("name") name: string,
    @Arg("at", () => Date, { nullable: true }) at: string | null,
    @Arg("asset", () => String, { nullable: true }) asset: string | null,
    @Arg("amountUsd", () => Float, { nullable: true }) amountUsd: number | null,
    @Arg("first", () => Int, { defaultValue: 5 }) first: number,
    @Ctx() ctx: Context,
  ): Promise<NodeCandidate[]> {
    const problems = new Problems();
    const read = new FieldReader(problems);
    const text = read.text(name, "name", 500);
    const symbol = asset === null ? null : read.symbol(asset, "asset");
    const amount = read.number(amountUsd, "amountUsd", { min: 0 });
    if (!Number.isInteger(first) || first < 1 || first > MAX_CANDIDATES)
      problems.add("first", `must be an integer from 1 to ${MAX_CANDIDATES}`);
    problems.throwIfAny();
    if (kind === NodeKind.SOURCE) throw new BadUserInputError("Outlets are their domains: ask source(domain:) instead", "kind");
    const [found = []] = await findCandidates(
      (query, params) => ctx.cypher.read(query, params),
      [{ label: LABEL_OF_KIND[kind], name: text, at: at === null ? null : Date.parse(at), asset: symbol, amountUsd: amount }],
      { first },
    );
    const nodes = await Promise.all(found.map((c) => loadNode<Node>(ctx, c.label, c.key)));
    return found.flatMap((c, i) =>
      nodes[i] ? [Object.assign(new NodeCandidate(), { node: nodes[i]!, score: c.score, reasons: [...c.reasons] })] : [],
    );
  }
}

import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import { requireEditor } from "../../auth/viewer.js";
import type { Context } from "../../context.js";
import { isLabel, refKey, type Label } from "../../cypher/labels.js";
import { BadUserInputError } from "../../errors.js";
import { fromGlobalId } from "../../graphql/global-id.js";
import { Node } from "../../graphql/node.interface.js";
import { FieldReader } from "../../input/field-reader.js";
import { Problems } from "../../input/problems.js";
import { Asset, PriceMove } from "../asset/asset.type.js";
import { Entity } from "../entity/entity.type.js";
import { Event } from "../event/event.type.js";
import { MacroFactor } from "../macro-factor/macro-factor.type.js";
import { Narrative } from "../narrative/narrative.type.js";
import { loadNode } from "../shared/load.js";
import { mergeNodes, unmergeNodes } from "./merge.repository.js";
import { NodeMerge } from "./node-merge.type.js";

/** Labels whose nodes may be merged: those that keep aliases. */
const MERGEABLE: ReadonlySet<Label> = new Set(["Event", "MacroFactor", "Entity", "Narrative", "PriceMove", "Asset"]);

/** The label and key of a mergeable node's global id, or BAD_USER_INPUT on `field`. */
function mergeable(id: string, field: string): { label: Label; key: string } {
  const { type, key } = fromGlobalId(id);
  if (!isLabel(type) || !MERGEABLE.has(type)) {
    throw new BadUserInputError(`"${id}" is not the id of an event, price move, macro factor, entity, narrative or asset`, field);
  }
  return { label: type, key };
}

async function loadMerge(ctx: Context, id: string): Promise<NodeMerge> {
  const { type, key } = fromGlobalId(id);
  const merge = type === "NodeMerge" ? await loadNode<NodeMerge>(ctx, "NodeMerge", key) : null;
  if (!merge) throw new BadUserInputError(`No merge has id "${id}"`, "merge");
  return merge;
}

@Resolver(() => NodeMerge)
export class NodeMergeResolver {
  @Mutation(() => NodeMerge, {
    description:
      "Merges `from` into `into`, two nodes of one kind (editor only), in one transaction: everything that pointed at " +
      "`from` (claims' causes, effects and conditions, reports and statements, mentions, what events affect, levels, " +
      "aliases) points at `into`; `from`'s keys and names become `into`'s aliases; LEADS_TO and events' and moves' " +
      "fields are worked out again. `node(id:)` of `from` answers `into`; questions asked as of before the merge " +
      "answer as before it. Subscribers get claimAdded for each claim whose links moved. BAD_USER_INPUT for ids of " +
      "two kinds, one node twice, or a node merged already.",
  })
  async mergeNodes(
    @Arg("into", () => ID) into: string,
    @Arg("from", () => ID) from: string,
    @Arg("reason") reason: string,
    @Ctx() ctx: Context,
  ): Promise<NodeMerge> {
    requireEditor(ctx.viewer, "mergeNodes");
    const problems = new Problems();
    const why = new FieldReader(problems).text(reason, "reason", 2000);
    problems.throwIfAny();
    const [target, merged] = [mergeable(into, "into"), mergeable(from, "from")];
    if (target.label !== merged.label) throw new BadUserInputError(`Cannot merge a ${merged.label} into a ${target.label}`, "from");
    if (target.key === merged.key) throw new BadUserInputError("A node cannot be merged into itself", "from");
    const [intoNode, fromNode] = await Promise.all([
      loadNode<Node>(ctx, target.label, target.key),
      loadNode<Node>(ctx, merged.label, merged.key),
    ]);
    if (!intoNode) throw new BadUserInputError(`No ${target.label} has id "${into}"`, "into");
    if (!fromNode) throw new BadUserInputError(`No ${merged.label} has id "${from}"`, "from");
    for (const [field, node] of [
      ["into", target],
      ["from", merged],
    ] as const) {
      if (await ctx.loaders.mergedIntoOfNode.load(refKey(node.label, node.key))) {
        throw new BadUserInputError(`That ${node.label} was merged into another already: merge into that one, or unmerge it first`, field);
      }
    }
    const outcome = await mergeNodes(ctx.cypher, {
      label: target.label,
      intoKey: target.key,
      fromKey: merged.key,
      reason: why,
      by: ctx.viewer.subject,
    });
    // After the commit: subscribers never hear of a write that did not happen.
    await ctx.events.publish(outcome.events);
    ctx.logger.info({ merge: outcome.id, label: target.label, into: target.key, from: merged.key }, "nodes merged");
    return (await loadNode<NodeMerge>(ctx, "NodeMerge", outcome.id))!;
  }

  @Mutation(() => NodeMerge, {
    description:
      "Reverses a merge exactly (editor only): the links it moved point at `from` again, the aliases it added go, and " +
      "LEADS_TO and the nodes' fields are worked out again. What was ingested under `into` meanwhile stays with `into`. " +
      "BAD_USER_INPUT for an unknown merge, one undone already, or one a later merge of `into` depends on.",
  })
  async unmergeNodes(@Arg("merge", () => ID) mergeId: string, @Ctx() ctx: Context): Promise<NodeMerge> {
    requireEditor(ctx.viewer, "unmergeNodes");
    const merge = await loadMerge(ctx, mergeId);
    if (merge.unmergedAt) throw new BadUserInputError(`The merge "${mergeId}" was undone already`, "merge");
    const label = merge.label as Label;
    if (await ctx.loaders.mergedIntoOfNode.load(refKey(label, merge.intoKey))) {
      throw new BadUserInputError("Its `into` node was merged into another since: unmerge that merge first", "merge");
    }
    const outcome = await unmergeNodes(ctx.cypher, { id: merge.uid, label, intoKey: merge.intoKey, fromKey: merge.fromKey });
    await ctx.events.publish(outcome.events);
    ctx.logger.info({ merge: merge.uid }, "merge undone");
    ctx.clearLoaders();
    return (await loadNode<NodeMerge>(ctx, "NodeMerge", merge.uid))!;
  }

  @FieldResolver(() => Node, { description: "The node merged into." })
  async into(@Root() merge: NodeMerge, @Ctx() ctx: Context): Promise<Node> {
    return (await loadNode<Node>(ctx, merge.label as Label, merge.intoKey))!;
  }

  @FieldResolver(() => Node, { description: "The node merged (as it was; node(id:) of it answers `into` while the merge stands)." })
  async from(@Root() merge: NodeMerge, @Ctx() ctx: Context): Promise<Node> {
    return (await loadNode<Node>(ctx, merge.label as Label, merge.fromKey))!;
  }
}

/** `merges` on each mergeable type: the merges it took part in, as `into` or `from`, newest first. */
function mergesResolver<T extends object>(type: new () => T, label: Label, keyOf: (node: T) => string) {
  @Resolver(() => type)
  class MergesResolver {
    @FieldResolver(() => [NodeMerge], {
      description: "The merges it took part in (mergeNodes), as `into` or `from`, newest first; undone ones too.",
    })
    merges(@Root() node: T, @Ctx() ctx: Context): Promise<NodeMerge[]> {
      return ctx.loaders.mergesOfNode.load(refKey(label, keyOf(node)));
    }
  }
  return MergesResolver;
}

export const MERGES_RESOLVERS = [
  mergesResolver(Event, "Event", (n) => n.key),
  mergesResolver(PriceMove, "PriceMove", (n) => n.key),
  mergesResolver(MacroFactor, "MacroFactor", (n) => n.key),
  mergesResolver(Entity, "Entity", (n) => n.key),
  mergesResolver(Narrative, "Narrative", (n) => n.key),
  mergesResolver(Asset, "Asset", (n) => n.symbol),
];

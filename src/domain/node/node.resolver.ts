import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import { isLabel } from "../../cypher/labels.js";
import { fromGlobalId } from "../../graphql/global-id.js";
import { Node } from "../../graphql/node.interface.js";
import { loadCurrentNode } from "../shared/load.js";

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: "Any object by its global id." })
  async node(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Node | null> {
    const { type, key } = fromGlobalId(id);
    if (!isLabel(type)) return null;
    return loadCurrentNode<Node>(ctx, type, key);
  }
}

import { Field, ObjectType } from "type-graphql";
import { Node } from "../../graphql/node.interface.js";

@ObjectType({
  implements: Node,
  description:
    "One node merged into another (mergeNodes): what pointed at `from` points at `into`, and `from`'s keys and names " +
    "are `into`'s aliases; questions asked as of before `mergedAt` answer as before it. unmergeNodes reverses it.",
})
export class NodeMerge extends Node {
  /** The merge's own id (the key of its global id). */
  uid!: string;

  /** Label and keys of the two nodes, for loading them. */
  label!: string;
  intoKey!: string;
  fromKey!: string;

  @Field()
  reason!: string;

  @Field(() => Date)
  mergedAt!: string;

  @Field(() => String, { nullable: true, description: "Who merged them: the editor's subject (null for API keys without one)." })
  by!: string | null;

  @Field(() => Date, { nullable: true, description: "When unmergeNodes reversed it; null while it stands." })
  unmergedAt!: string | null;
}

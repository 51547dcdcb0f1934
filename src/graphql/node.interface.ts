import { Field, ID, InterfaceType } from "type-graphql";

/** Anything with a global id that `node(id:)` can fetch back. */
@InterfaceType({ description: "An object with a global id, refetchable through node(id:)." })
export abstract class Node {
  @Field(() => ID, { description: "Global id, stable across requests." })
  id!: string;
}

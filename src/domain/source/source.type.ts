import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Connection } from "../../graphql/connection.js";
import { Node } from "../../graphql/node.interface.js";

export enum SourceKind {
  NEWS = "NEWS",
  ANALYSIS = "ANALYSIS",
  AGGREGATOR = "AGGREGATOR",
  RESEARCH = "RESEARCH",
  SOCIAL = "SOCIAL",
  OFFICIAL = "OFFICIAL",
  OTHER = "OTHER",
}
registerEnumType(SourceKind, { name: "SourceKind", description: "What kind of outlet a source is." });

@ObjectType({ implements: Node, description: "An outlet that publishes articles, identified by its domain." })
export class Source extends Node {
  @Field({ description: "Canonical domain, e.g. coindesk.com (lower case, no www.)." })
  domain!: string;

  @Field({ description: "Display name, e.g. CoinDesk." })
  name!: string;

  @Field(() => SourceKind, { nullable: true })
  kind!: SourceKind | null;
}

@ObjectType()
export class SourceConnection extends Connection(Source, "Source") {}

import { Field, Int, ObjectType, type ClassType } from "type-graphql";

@ObjectType({ description: "Relay paging state of a connection." })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** A number, or a promise of one counted only when a query selects `totalCount` (see toConnection). */
  totalCount: number | Promise<number>;
}

/** Builds the `<Name>Connection` and `<Name>Edge` types for a node type. */
export function Connection<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType implements Edge<T> {
    @Field({ description: "Opaque cursor: pass it as `after` to continue after this edge." })
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}ConnectionBase`)
  abstract class ConnectionType implements ConnectionShape<T> {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: "How many items match, across all pages; counted only when selected." })
    totalCount!: number | Promise<number>;
  }
  return ConnectionType;
}

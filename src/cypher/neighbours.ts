import DataLoader from "dataloader";
import type { CypherRunner } from "../db/cypher-runner.js";
import { KEY_PROPERTY, lookupNode, parseRefKey, type Label } from "./labels.js";
import { mergeSelections, projectNode, selectionKey, type NodeRow, type NodeSelection } from "./projection.js";

/** Turns a projected node into what a loader's callers want (e.g. its GraphQL type). */
export type NodeMapper<T> = (row: NodeRow) => T;

/** Nodes by `Label:key`, any label, one query per batch. */
export function nodeLoader<T>(cypher: CypherRunner, toNode: NodeMapper<T>): DataLoader<string, T | null> {
  return new DataLoader(async (refs) => {
    const rows = await cypher.read<{ ref: string; node: NodeRow }>(
      `UNWIND $refs AS req
       ${lookupNode("req")}
       RETURN req.label + ':' + req.key AS ref, ${projectNode("node")} AS node`,
      { refs: refs.map(parseRefKey) },
    );
    const byRef = new Map(rows.map((row) => [row.ref, toNode(row.node)]));
    return refs.map((ref) => byRef.get(ref) ?? null);
  });
}

export interface NeighbourSpec {
  /** Label of the parent nodes, keyed by their key property. */
  readonly parent: Label;
  /** A pattern from `(parent)` to `(n)`, e.g. `(parent)-[:MAKES]->(n:Claim)`. */
  readonly pattern: string;
  /** Optional WHERE condition on the pattern; it may read the request's options as `req.options`. */
  readonly where?: string;
  /** ORDER BY expression(s) over `n`. */
  readonly orderBy: string;
}

/** A parent's key and the options its list was asked with (e.g. which claims to show). */
export interface NeighbourRequest<O> {
  readonly key: string;
  readonly options: O;
  /** What to read of the neighbours (all of each when absent). */
  readonly select?: NodeSelection;
}

function batchNeighbours<T, O>(cypher: CypherRunner, spec: NeighbourSpec, toNode: NodeMapper<T>) {
  const query = (select: NodeSelection | undefined) => `UNWIND $requests AS req
    MATCH (parent:${spec.parent} { ${KEY_PROPERTY[spec.parent]}: req.key })
    OPTIONAL MATCH ${spec.pattern}
    ${spec.where ? `WHERE ${spec.where}` : ""}
    WITH req, n ORDER BY ${spec.orderBy}
    RETURN req.index AS index, collect(${projectNode("n", select)}) AS items`;
  return async (requests: readonly NeighbourRequest<O>[]): Promise<T[][]> => {
    const rows = await cypher.read<{ index: number; items: NodeRow[] }>(query(mergeSelections(requests.map((r) => r.select))), {
      requests: requests.map((request, index) => ({ index, key: request.key, options: request.options })),
    });
    const byIndex = new Map(rows.map((row) => [row.index, row.items.map(toNode)]));
    return requests.map((_, index) => byIndex.get(index) ?? []);
  };
}

/**
 * The neighbours of many parents in one query: for `articles { tags }` over 50 articles,
 * one round trip instead of 50.
 */
export function neighboursLoader<T>(cypher: CypherRunner, spec: NeighbourSpec, toNode: NodeMapper<T>): DataLoader<string, T[]> {
  const load = batchNeighbours<T, null>(cypher, spec, toNode);
  return new DataLoader((keys) => load(keys.map((key) => ({ key, options: null }))));
}

/** Like neighboursLoader, for lists whose parents may each be asked with different options (read as `req.options`). */
export function neighboursWithOptionsLoader<T, O>(
  cypher: CypherRunner,
  spec: NeighbourSpec,
  toNode: NodeMapper<T>,
): DataLoader<NeighbourRequest<O>, T[], string> {
  return new DataLoader(batchNeighbours<T, O>(cypher, spec, toNode), {
    cacheKeyFn: (request) => JSON.stringify([request.key, request.options, selectionKey(request.select)]),
  });
}

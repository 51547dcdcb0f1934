import DataLoader from "dataloader";
import type { CypherRunner } from "../db/cypher.js";
import { toGraphNode, type GraphNode, type NodeRow } from "../domain/node/node.mapper.js";
import { KEY_PROPERTY, lookupNode, type Label, type LabelKey } from "./labels.js";
import { projectNode } from "./projection.js";

/** `Label:key`, the cache key of loaders that take a node reference. */
export const refKey = (label: Label, key: string) => `${label}:${key}`;

function parseRefKey(ref: string): LabelKey {
  const colon = ref.indexOf(":");
  return { label: ref.slice(0, colon) as Label, key: ref.slice(colon + 1) };
}

/** Nodes by `Label:key`, any label, one query per batch. */
export function nodeLoader(cypher: CypherRunner): DataLoader<string, GraphNode | null> {
  return new DataLoader(async (refs) => {
    const rows = await cypher.read<{ ref: string; node: NodeRow }>(
      `UNWIND $refs AS req
       ${lookupNode("req")}
       RETURN req.label + ':' + req.key AS ref, ${projectNode("node")} AS node`,
      { refs: refs.map(parseRefKey) },
    );
    const byRef = new Map(rows.map((row) => [row.ref, toGraphNode(row.node)]));
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
}

function batchNeighbours<T extends GraphNode, O>(cypher: CypherRunner, spec: NeighbourSpec) {
  const query = `UNWIND $requests AS req
    MATCH (parent:${spec.parent} { ${KEY_PROPERTY[spec.parent]}: req.key })
    OPTIONAL MATCH ${spec.pattern}
    ${spec.where ? `WHERE ${spec.where}` : ""}
    WITH req, n ORDER BY ${spec.orderBy}
    RETURN req.index AS index, collect(${projectNode("n")}) AS items`;
  return async (requests: readonly NeighbourRequest<O>[]): Promise<T[][]> => {
    const rows = await cypher.read<{ index: number; items: NodeRow[] }>(query, {
      requests: requests.map((request, index) => ({ index, key: request.key, options: request.options })),
    });
    const byIndex = new Map(rows.map((row) => [row.index, row.items.map((item) => toGraphNode(item) as T)]));
    return requests.map((_, index) => byIndex.get(index) ?? []);
  };
}

/**
 * The neighbours of many parents in one query: for `articles { tags }` over 50 articles,
 * one round trip instead of 50.
 */
export function neighboursLoader<T extends GraphNode>(cypher: CypherRunner, spec: NeighbourSpec): DataLoader<string, T[]> {
  const load = batchNeighbours<T, null>(cypher, spec);
  return new DataLoader((keys) => load(keys.map((key) => ({ key, options: null }))));
}

/** Like neighboursLoader, for lists whose parents may each be asked with different options (read as `req.options`). */
export function neighboursWithOptionsLoader<T extends GraphNode, O>(
  cypher: CypherRunner,
  spec: NeighbourSpec,
): DataLoader<NeighbourRequest<O>, T[], string> {
  return new DataLoader(batchNeighbours<T, O>(cypher, spec), { cacheKeyFn: (request) => JSON.stringify([request.key, request.options]) });
}

import { BadUserInputError } from "../errors.js";
import type { ConnectionShape } from "./connection.js";

export type CursorKey = ReadonlyArray<string | number>;

/** A validated page request: how many to return and the sort key to continue after. */
export interface PageRequest {
  readonly first: number;
  readonly after: CursorKey | null;
}

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): CursorKey {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(key) && key.length > 0 && key.every((k) => typeof k === "string" || typeof k === "number")) {
      return key;
    }
  } catch {
    // fall through to the error below
  }
  throw new BadUserInputError(`"${cursor}" is not a cursor issued by this API`, "after");
}

/** The shape a connection's cursor keys have, e.g. [time, id] for lists sorted newest first. */
export type CursorShape = ReadonlyArray<"string" | "number">;

export const TIME_ID_CURSOR: CursorShape = ["number", "string"];

/**
 * Validates `first`/`after`; `max` is the largest page a client may ask for, and `shape` the
 * cursor keys this connection issues, so a cursor from another list is rejected, not misread.
 */
export function pageRequest(first: number, after: string | null | undefined, max: number, shape?: CursorShape): PageRequest {
  if (!Number.isInteger(first) || first < 0 || first > max) {
    throw new BadUserInputError(`first must be an integer from 0 to ${max}`, "first", { max });
  }
  const key = after ? decodeCursor(after) : null;
  if (key && shape && (key.length !== shape.length || key.some((part, i) => typeof part !== shape[i]))) {
    throw new BadUserInputError(`"${after}" is a cursor of a different list`, "after");
  }
  return { first, after: key };
}

/** A list's total: known already, or a function that counts it (called at most once, and only if asked). */
export type TotalCount = number | (() => Promise<number>);

/**
 * Builds a connection from one page of rows fetched with `first + 1` as the limit, so the
 * extra row tells whether a next page exists. A counting function becomes a lazy `totalCount`
 * getter: the count query runs only when a query selects the field.
 */
export function toConnection<T>(
  rows: readonly T[],
  totalCount: TotalCount,
  request: PageRequest,
  keyOf: (row: T) => CursorKey,
): ConnectionShape<T> {
  const page = rows.slice(0, request.first);
  const edges = page.map((node) => ({ node, cursor: encodeCursor(keyOf(node)) }));
  let counted: Promise<number> | undefined;
  return {
    edges,
    get totalCount() {
      if (typeof totalCount === "number") return totalCount;
      counted ??= totalCount();
      return counted;
    },
    pageInfo: {
      hasNextPage: rows.length > request.first,
      hasPreviousPage: request.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** The connection with each node replaced by `f(node)`; a lazy `totalCount` stays lazy. */
export function mapNodes<T, U>(connection: ConnectionShape<T>, f: (node: T) => U): ConnectionShape<U> {
  return {
    edges: connection.edges.map((edge) => ({ ...edge, node: f(edge.node) })),
    pageInfo: connection.pageInfo,
    get totalCount() {
      return connection.totalCount;
    },
  };
}

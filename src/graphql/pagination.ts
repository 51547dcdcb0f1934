import { BadUserInputError } from "../errors.js";
import type { ConnectionShape } from "./connection.js";

export type CursorKey = ReadonlyArray<string | number>;

/**
 * The cursors a connection issues: the list they page (every connection over the same items
 * in the same order shares one, e.g. `claims` and `Asset.claims`) and the types of their sort
 * key, so a cursor of another list is refused rather than misread.
 */
export interface CursorShape {
  readonly list: "articles" | "claims" | "sources" | "timeline";
  readonly key: ReadonlyArray<"string" | "number">;
}

/** Articles newest first: [sortAt epoch millis, id]. */
export const ARTICLE_CURSOR: CursorShape = { list: "articles", key: ["number", "string"] };
/** Claims newest article first: [sortAt epoch millis, id]. */
export const CLAIM_CURSOR: CursorShape = { list: "claims", key: ["number", "string"] };
/** Sources by domain: [domain]. */
export const SOURCE_CURSOR: CursorShape = { list: "sources", key: ["string"] };

/** A validated page request: how many to return, the sort key to continue after, and the list its cursors belong to. */
export interface PageRequest {
  readonly first: number;
  readonly after: CursorKey | null;
  readonly cursor: CursorShape;
}

/** An opaque cursor: base64url of the JSON array [list, ...sort key]. */
export function encodeCursor(list: CursorShape["list"], key: CursorKey): string {
  return Buffer.from(JSON.stringify([list, ...key]), "utf8").toString("base64url");
}

/** The sort key of a cursor of `shape`'s list; BAD_USER_INPUT on `after` for anything else. */
function decodeCursor(cursor: string, shape: CursorShape): CursorKey {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    parts = null;
  }
  if (!Array.isArray(parts) || typeof parts[0] !== "string" || parts.length < 2) {
    throw new BadUserInputError(`"${cursor}" is not a cursor issued by this API`, "after");
  }
  const [list, ...key] = parts as [string, ...unknown[]];
  if (list !== shape.list) throw new BadUserInputError(`"${cursor}" is a cursor of ${list}, not of ${shape.list}`, "after");
  if (key.length !== shape.key.length || key.some((part, i) => typeof part !== shape.key[i])) {
    throw new BadUserInputError(`"${cursor}" is not a cursor issued by this API`, "after");
  }
  return key as CursorKey;
}

/**
 * Validates `first`/`after`; `max` is the largest page a client may ask for, and `shape` the
 * cursors this connection issues, so a cursor from another list is refused, not misread.
 */
export function pageRequest(first: number, after: string | null | undefined, max: number, shape: CursorShape): PageRequest {
  if (!Number.isInteger(first) || first < 0 || first > max) {
    throw new BadUserInputError(`first must be an integer from 0 to ${max}`, "first", { max });
  }
  return { first, after: after ? decodeCursor(after, shape) : null, cursor: shape };
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
  const edges = page.map((node) => ({ node, cursor: encodeCursor(request.cursor.list, keyOf(node)) }));
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

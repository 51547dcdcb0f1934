import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";

/** One error of a GraphQL response; `extensions.code` says which kind (BAD_USER_INPUT, QUERY_TOO_COMPLEX, ...). */
export interface GraphQLResponseError {
  readonly message: string;
  readonly path?: ReadonlyArray<string | number>;
  readonly extensions?: { readonly code?: string; readonly [key: string]: unknown };
}

/** A request that failed: an HTTP failure, or a response whose `errors` are not empty. */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    /** HTTP status; 200 for GraphQL errors in a successful response. */
    readonly status: number,
    readonly errors: readonly GraphQLResponseError[],
  ) {
    super(message);
    this.name = "GraphQLRequestError";
  }

  /** The first error's `extensions.code`, if any. */
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

export interface RequestOptions {
  /** GraphQL endpoint; default `/graphql` on the page's own origin. */
  readonly endpoint?: string;
  /** Editor token or JWT, sent as `Authorization: Bearer <token>` (writes need one). */
  readonly token?: string;
  readonly signal?: AbortSignal;
}

/**
 * Sends one typed operation over GraphQL-over-HTTP (POST, JSON) and returns its `data`,
 * typed by the document. Throws GraphQLRequestError when the HTTP request fails or the
 * response carries errors (partial data is not returned: a view should not draw half an answer).
 */
export async function request<Result, Variables>(
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
  options: RequestOptions = {},
): Promise<Result> {
  const response = await fetch(options.endpoint ?? "/graphql", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/graphql-response+json, application/json",
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: JSON.stringify({ query: print(document), variables }),
    signal: options.signal,
  });
  const body = (await response.json().catch(() => null)) as { data?: Result | null; errors?: GraphQLResponseError[] } | null;
  const errors = body?.errors ?? [];
  if (errors.length > 0) throw new GraphQLRequestError(errors.map((e) => e.message).join("; "), response.status, errors);
  if (!response.ok || !body?.data) throw new GraphQLRequestError(`The API answered HTTP ${response.status}`, response.status, []);
  return body.data;
}

// The typed client: operation documents with their result and variable types, and a small
// fetch-based request function. See client/README.md.
export * from "./generated/graphql.js";
export { GraphQLRequestError, request, type GraphQLResponseError, type RequestOptions } from "./request.js";
export { liveClient, subscribe, type LiveHandlers, type LiveOptions } from "./subscribe.js";

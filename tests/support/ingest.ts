import { expect } from "vitest";
import { IngestArticleDocument, type IngestArticleInput } from "../__generated__/graphql.js";
import { EDITOR_TOKEN, type TestServer } from "./server.js";

/** Ingests an article as an editor and expects it to succeed; returns the payload. */
export async function ingestOk(server: TestServer, input: IngestArticleInput) {
  const res = await server.request(IngestArticleDocument, { input }, { token: EDITOR_TOKEN });
  expect(res.errors, input.url).toBeUndefined();
  return res.data!.ingestArticle;
}

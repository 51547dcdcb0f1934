import { describe, expect, it } from "vitest";
import {
  ArticleByUrlDocument,
  AttributionAuditDocument,
  SourceArticlesDocument,
  type IngestArticleInput,
} from "../__generated__/graphql.js";
import { uniqueTag } from "../support/ids.js";
import { ingestOk } from "../support/ingest.js";
import { useTestServer } from "../support/server.js";

const server = useTestServer();

/** An article of `outlet` at `url`, optionally citing `cited` as published by `citedAs`. */
function article(tag: string, url: string, outlet: string, cited?: { url: string; citedAs: string }): IngestArticleInput {
  return {
    url,
    title: `${outlet} story ${tag}`,
    publishedAt: "2026-02-01T10:00:00Z",
    source: { domain: outlet, name: outlet },
    macroFactors: [
      { key: `${tag}-liquidity`, name: "Liquidity" },
      { key: `${tag}-risk-off`, name: "Risk-off" },
    ],
    cites: cited
      ? [
          {
            url: cited.url,
            title: "The original story",
            publishedAt: "2026-02-01T08:00:00Z",
            source: { domain: cited.citedAs, name: cited.citedAs },
          },
        ]
      : [],
    claims: [
      {
        key: "liquidity-risk-off",
        text: "Thin liquidity turned the mood.",
        relation: "CAUSES",
        cause: { kind: "MACRO_FACTOR", key: `${tag}-liquidity` },
        effect: { kind: "MACRO_FACTOR", key: `${tag}-risk-off` },
      },
    ],
  };
}

const ingest = (input: IngestArticleInput) => ingestOk(server, input);

async function publishersOf(url: string): Promise<string[]> {
  const { records } = await server.driver.executeQuery(
    "MATCH (:Article { url: $url })-[:PUBLISHED_BY]->(s:Source) RETURN s.domain AS domain ORDER BY domain",
    { url },
  );
  return records.map((r) => r.get("domain") as string);
}

describe("an article has exactly one publisher", () => {
  it("its own ingest overrides the outlet a citation named, so its claim rests on one domain", async () => {
    const tag = uniqueTag();
    const story = `https://${tag}-origin.example/story`;
    // The aggregator's article cites the story and names itself as its outlet.
    const citing = article(tag, `https://${tag}-aggregator.example/roundup`, `${tag}-aggregator.example`, {
      url: story,
      citedAs: `${tag}-aggregator.example`,
    });
    citing.claims = [];
    await ingest(citing);
    expect(await publishersOf(story)).toEqual([`${tag}-aggregator.example`]);

    // Later the origin's own ingest of the story arrives with one claim.
    await ingest(article(tag, story, `${tag}-origin.example`));

    expect(await publishersOf(story)).toEqual([`${tag}-origin.example`]);
    const read = await server.request(ArticleByUrlDocument, { url: story });
    expect(read.data!.article!.source).toMatchObject({ domain: `${tag}-origin.example` });
    const audit = await server.request(AttributionAuditDocument, { filter: { articleUrl: story } });
    expect(audit.data!.attributionAudit.claims).toEqual([
      expect.objectContaining({ status: "UNCITED", independentSourceCount: 1, independentDomains: [`${tag}-origin.example`] }),
    ]);
    const aggregator = await server.request(SourceArticlesDocument, { domain: `${tag}-aggregator.example` });
    expect(aggregator.data!.source!.articles.edges.map((e) => e.node.url)).toEqual([`https://${tag}-aggregator.example/roundup`]);
  });

  it("the same claim made by the citing outlet's own article still counts as a second domain", async () => {
    const tag = uniqueTag();
    const story = `https://${tag}-origin.example/story`;
    await ingest(
      article(tag, `https://${tag}-aggregator.example/roundup`, `${tag}-aggregator.example`, {
        url: story,
        citedAs: `${tag}-aggregator.example`,
      }),
    );
    await ingest(article(tag, story, `${tag}-origin.example`));
    const audit = await server.request(AttributionAuditDocument, { filter: { articleUrl: story } });
    const [claim] = audit.data!.attributionAudit.claims;
    expect(claim).toMatchObject({ status: "CORROBORATED", independentSourceCount: 2 });
    expect(claim!.independentDomains.sort()).toEqual([`${tag}-aggregator.example`, `${tag}-origin.example`]);
  });

  it("a citation after the article's own ingest changes nothing about its publisher", async () => {
    const tag = uniqueTag();
    const story = `https://${tag}-origin.example/story`;
    await ingest(article(tag, story, `${tag}-origin.example`));
    const citing = article(tag, `https://${tag}-other.example/take`, `${tag}-other.example`, {
      url: story,
      citedAs: `${tag}-mirror.example`,
    });
    citing.claims = [];
    await ingest(citing);
    expect(await publishersOf(story)).toEqual([`${tag}-origin.example`]);
    const mirror = await server.request(SourceArticlesDocument, { domain: `${tag}-mirror.example` });
    expect(mirror.data!.source!.articles.totalCount).toBe(0);
  });

  it("two citations naming different outlets leave the first one's until the article itself arrives", async () => {
    const tag = uniqueTag();
    const story = `https://${tag}-origin.example/story`;
    for (const outlet of ["first", "second"]) {
      const citing = article(tag, `https://${tag}-${outlet}.example/take`, `${tag}-${outlet}.example`, {
        url: story,
        citedAs: `${tag}-${outlet}-says.example`,
      });
      citing.claims = [];
      await ingest(citing);
    }
    expect(await publishersOf(story)).toEqual([`${tag}-first-says.example`]);
    await ingest(article(tag, story, `${tag}-origin.example`));
    expect(await publishersOf(story)).toEqual([`${tag}-origin.example`]);
  });
});

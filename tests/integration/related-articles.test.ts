import { afterAll, describe, expect, it } from "vitest";
import { RelatedArticlesDocument, RetractClaimDocument, type IngestArticleInput } from "../__generated__/graphql.js";
import { uniqueTag } from "../support/ids.js";
import { ingestOk } from "../support/ingest.js";
import { removeArticles } from "../support/remove-articles.js";
import { EDITOR_TOKEN, postGraphQL, useTestServer } from "../support/server.js";

const server = useTestServer();
const tag = uniqueTag("related");
// Its own asset, event and narrative, in a year no other test writes to.
const SYMBOL = `R${tag.replace(/\W/g, "").slice(-8).toUpperCase()}`;
const EVENT = `${tag}-outage`;
const NARRATIVE = `${tag}-exodus`;
const url = (name: string) => `https://${name}.example/${tag}`;

afterAll(() => removeArticles(server.driver, tag));

function article(name: string, publishedAt: string, extra: Partial<IngestArticleInput> = {}): IngestArticleInput {
  return {
    url: url(name),
    title: `${name} on ${SYMBOL}`,
    publishedAt,
    source: { domain: `${name}.example`, name },
    assets: [{ symbol: SYMBOL, name: `Asset ${tag}` }],
    ...extra,
  };
}

const outage = { key: EVENT, kind: "OUTAGE", title: `Exchange outage ${tag}`, occurredAt: "2031-05-09T12:00:00Z" };
const outageMovesAsset = (text: string) => ({
  text,
  relation: "CAUSES" as const,
  confidence: 0.8,
  cause: { kind: "EVENT" as const, key: EVENT },
  effect: { kind: "ASSET" as const, key: SYMBOL },
});

async function related(name: string, first = 10) {
  const res = await server.request(RelatedArticlesDocument, { url: url(name), first });
  expect(res.errors).toBeUndefined();
  return res.data!.article!.related;
}

describe("Article.related", () => {
  it("ranks other articles by what they share, with the reasons, and leaves out what shares nothing current", async () => {
    await ingestOk(
      server,
      article("anchor", "2031-05-10T09:00:00Z", {
        events: [outage],
        narratives: [{ key: NARRATIVE, name: `Exodus ${tag}` }],
        claims: [outageMovesAsset("The outage sent the token lower.")],
        cites: [
          {
            url: url("wire"),
            title: `Wire report ${tag}`,
            publishedAt: "2031-05-09T18:00:00Z",
            source: { domain: "wire.example", name: "Wire" },
          },
        ],
      }),
    );
    // Same event, same cause and effect, same asset, one day later.
    await ingestOk(
      server,
      article("retell", "2031-05-11T09:00:00Z", { events: [outage], claims: [outageMovesAsset("An outage hit the token.")] }),
    );
    // Same narrative and asset.
    await ingestOk(server, article("narrator", "2031-05-09T09:00:00Z", { narratives: [{ key: NARRATIVE, name: `Exodus ${tag}` }] }));
    // The asset alone, within three days; and far away in time.
    await ingestOk(server, article("nearby", "2031-05-12T09:00:00Z"));
    await ingestOk(server, article("faraway", "2031-06-20T09:00:00Z"));
    // Cites the anchor.
    await ingestOk(
      server,
      article("citer", "2031-07-01T09:00:00Z", {
        assets: [],
        cites: [
          {
            url: url("anchor"),
            title: `anchor on ${SYMBOL}`,
            publishedAt: "2031-05-10T09:00:00Z",
            source: { domain: "anchor.example", name: "anchor" },
          },
        ],
      }),
    );
    // Its only link is a claim with the same cause and effect, which is then retracted.
    await ingestOk(
      server,
      article("retracted", "2031-05-25T09:00:00Z", { assets: [], claims: [outageMovesAsset("The outage moved the token, we said.")] }),
    );
    const claims = await postGraphQL<{ article: { claims: { id: string }[] } }>(
      server.url,
      `{ article(url: "${url("retracted")}") { claims { id } } }`,
    );
    const retraction = await server.request(
      RetractClaimDocument,
      { id: claims.data!.article.claims[0]!.id, reason: "wrong" },
      { token: EDITOR_TOKEN },
    );
    expect(retraction.errors).toBeUndefined();

    const ranked = await related("anchor");
    expect(ranked.map((r) => [r.article.url, r.score])).toEqual([
      [url("retell"), 7],
      [url("citer"), 4], // ties: newest first
      [url("wire"), 4],
      [url("narrator"), 3],
      [url("nearby"), 1],
    ]);
    expect(ranked[0]!.reasons).toEqual([
      { kind: "SAME_EVENT", label: `Exchange outage ${tag}`, weight: 3 },
      { kind: "SAME_CAUSE_AND_EFFECT", label: `Exchange outage ${tag} → Asset ${tag}`, weight: 3 },
      { kind: "SAME_ASSET", label: SYMBOL, weight: 1 },
    ]);
    expect(ranked.find((r) => r.article.url === url("citer"))!.reasons).toEqual([
      { kind: "CITED_BY", label: `citer on ${SYMBOL}`, weight: 4 },
    ]);
    expect(ranked.find((r) => r.article.url === url("wire"))!.reasons).toEqual([{ kind: "CITES", label: `Wire report ${tag}`, weight: 4 }]);
    expect(ranked.find((r) => r.article.url === url("narrator"))!.reasons.map((r) => r.kind)).toEqual(["SAME_NARRATIVE", "SAME_ASSET"]);

    // first bounds the list; the relation reads the same from the other side.
    expect((await related("anchor", 2)).map((r) => r.article.url)).toEqual([url("retell"), url("citer")]);
    expect((await related("retell"))[0]).toMatchObject({ article: { url: url("anchor") }, score: 7 });
  });

  it("follows the current version: what a newer version dropped no longer relates", async () => {
    await ingestOk(
      server,
      article("retell", "2031-05-11T09:00:00Z", {
        title: `retell v2 on ${SYMBOL}`,
        claims: [outageMovesAsset("An outage hit the token.")],
      }),
    );
    const anchorSide = (await related("anchor")).find((r) => r.article.url === url("retell"))!;
    expect(anchorSide.score).toBe(4);
    expect(anchorSide.reasons.map((r) => r.kind)).toEqual(["SAME_CAUSE_AND_EFFECT", "SAME_ASSET"]);
  });

  it("refuses first outside 1 to 20 with BAD_USER_INPUT", async () => {
    for (const first of [0, 21]) {
      const res = await postGraphQL(server.url, `{ article(url: "${url("anchor")}") { related(first: ${first}) { score } } }`);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    }
  });
});

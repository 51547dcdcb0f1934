import { afterAll, describe, expect, it } from "vitest";
import type { IngestArticleInput } from "../__generated__/graphql.js";
import { uniqueTag } from "../support/ids.js";
import { ingestOk } from "../support/ingest.js";
import { removeArticles } from "../support/remove-articles.js";
import { postGraphQL, useTestServer } from "../support/server.js";

/**
 * Figures stated per article: what each article says about a shared event or price move is its
 * statement, versioned with it; the node shows, field by field, the most recently published
 * current statement that gives it.
 */
const server = useTestServer();
const tag = uniqueTag("stated");
const SYMBOL = `S${tag.slice(-6)}`.toUpperCase();
const EVENT = `${tag}-cascade`;
const MOVE = `${tag}-slide`;
afterAll(() => removeArticles(server.driver, tag));

function article(outlet: string, publishedAt: string, extra: Partial<IngestArticleInput>): IngestArticleInput {
  return {
    url: `https://${outlet}-${tag}.example/story`,
    title: `${outlet} on the cascade`,
    publishedAt,
    source: { domain: `${outlet}-${tag}.example`, name: outlet },
    assets: [{ symbol: SYMBOL, name: "Coin" }],
    ...extra,
  };
}

const event = (title: string, amountUsd: number | null, occurredAt = "2026-01-31T10:00:00Z") => ({
  key: EVENT,
  kind: "liquidation",
  title,
  occurredAt,
  ...(amountUsd === null ? {} : { amountUsd }),
});

type Read = {
  event: {
    title: string;
    amountUsd: number | null;
    figuresDisputed: boolean;
    statements: { amountUsd: number | null; article: { url: string } }[];
  };
  move: {
    open: number | null;
    close: number | null;
    changePct: number | null;
    figuresDisputed: boolean;
    statements: { open: number | null }[];
  };
};

async function read(): Promise<Read> {
  const res = await postGraphQL<{ node: Read["event"]; asset: { priceMoves: (Read["move"] & { key: string })[] } }>(
    server.url,
    `query($event: ID!, $symbol: String!) {
      node(id: $event) { ... on Event { title amountUsd figuresDisputed statements { amountUsd article { url } } } }
      asset(symbol: $symbol) { priceMoves { key open close changePct figuresDisputed statements { open } } }
    }`,
    { event: Buffer.from(`Event:${EVENT}`).toString("base64url"), symbol: SYMBOL },
  );
  expect(res.errors).toBeUndefined();
  return { event: res.data!.node, move: res.data!.asset.priceMoves.find((m) => m.key === MOVE)! };
}

describe("figures stated per article", () => {
  it("shows each field from the most recently published statement that gives it, and flags disputed figures", async () => {
    // The first outlet gives the amount and a move without an open price.
    await ingestOk(
      server,
      article("first", "2026-02-01T08:00:00Z", {
        events: [event("Weekend liquidation cascade", 1_300_000_000)],
        priceMoves: [{ key: MOVE, asset: SYMBOL, startAt: "2026-01-31T00:00:00Z", endAt: "2026-02-01T00:00:00Z", close: 76_000 }],
      }),
    );
    let now = await read();
    expect(now.event).toMatchObject({ title: "Weekend liquidation cascade", amountUsd: 1_300_000_000, figuresDisputed: false });
    expect(now.move).toMatchObject({ open: null, close: 76_000, changePct: null });

    // A later outlet gives the full prices but no amount: the move takes its prices, the amount stays.
    await ingestOk(
      server,
      article("second", "2026-02-01T12:00:00Z", {
        events: [event("Bitcoin's $1.3B weekend liquidations", null)],
        priceMoves: [
          {
            key: MOVE,
            asset: SYMBOL,
            startAt: "2026-01-31T00:00:00Z",
            endAt: "2026-02-01T00:00:00Z",
            open: 84_000,
            high: 84_500,
            low: 75_500,
            close: 76_200,
          },
        ],
      }),
    );
    now = await read();
    expect(now.event).toMatchObject({ title: "Bitcoin's $1.3B weekend liquidations", amountUsd: 1_300_000_000, figuresDisputed: false });
    expect(now.move).toMatchObject({ open: 84_000, close: 76_200, figuresDisputed: false });
    expect(now.move.changePct).toBeCloseTo(-9.29, 2);

    // A third outlet says $3.2B, later corrected to $2.2B (a later updatedAt); v1 is sent again after.
    const v1 = article("third", "2026-02-01T16:00:00Z", { updatedAt: "2026-02-01T16:00:00Z", events: [event("Cascade", 3_200_000_000)] });
    await ingestOk(server, v1);
    now = await read();
    expect(now.event.amountUsd).toBe(3_200_000_000);
    expect(now.event.figuresDisputed).toBe(true);
    const v2 = { ...v1, updatedAt: "2026-02-01T19:00:00Z", events: [event("Cascade", 2_200_000_000)] };
    await ingestOk(server, v2);
    expect((await ingestOk(server, v1)).current).toBe(false);
    now = await read();
    expect(now.event.amountUsd).toBe(2_200_000_000);
    expect(now.event.statements.map((s) => s.amountUsd)).toEqual([2_200_000_000, null, 1_300_000_000]);
    expect(now.event.figuresDisputed).toBe(true);
    // The prices stay those of the article that gave them.
    expect(now.move).toMatchObject({ open: 84_000, close: 76_200 });
  });
});

import { afterAll, describe, expect, it } from "vitest";
import { uniqueTag } from "../support/ids.js";
import { ingestOk } from "../support/ingest.js";
import { removeArticles } from "../support/remove-articles.js";
import { postGraphQL, useTestServer } from "../support/server.js";

/**
 * The time branch of candidate search (docs/resolution.md) finds an event by asset, time and
 * amount alone, its name sharing no word with the question's, whether the asset has a few
 * events (a walk of its relationships) or thousands (the sortAt index read outward from the
 * question's time): the same answer either way.
 */
const server = useTestServer();
const tag = uniqueTag("busy");
const symbol = `B${tag.slice(-6)}`.toUpperCase();
const HOUR = 3_600_000;
const at = Date.parse("2026-03-10T12:00:00Z");

const CANDIDATES = `query($name: String!, $at: DateTime, $asset: String, $amountUsd: Float) {
  nodeCandidates(kind: EVENT, name: $name, at: $at, asset: $asset, amountUsd: $amountUsd, first: 3) {
    score reasons node { ... on Event { key } }
  }
}`;

type Candidates = { nodeCandidates: { score: number; reasons: string[]; node: { key: string } }[] };

/** Events of the asset every `spacing` ms from a month before `at` onwards, none at `at` itself: filler a time search must read past. */
async function addFillers(from: number, count: number, spacing: number): Promise<void> {
  const session = server.driver.session();
  try {
    await session.executeWrite((tx) =>
      tx.run(
        `MATCH (asset:Asset { symbol: $symbol })
         UNWIND range($from, $from + $count - 1) AS i
         WITH asset, i, toInteger($start + i * $spacing) AS t
         CREATE (e:Event { key: $tag + '-filler-' + i, title: 'routine filing ' + i, kind: 'filing', sortAt: t,
                           occurredAt: datetime({ epochMillis: t }), aliases: [$tag + '-filler-' + i], aliasText: ' | routine filing' })
         CREATE (e)-[:AFFECTS]->(asset)`,
        { symbol, tag, from, count, spacing, start: at - 30 * 86_400_000 + HOUR / 2 },
      ),
    );
  } finally {
    await session.close();
  }
}

const ask = () =>
  postGraphQL<Candidates>(server.url, CANDIDATES, {
    name: "hackers empty a trading venue's hot wallets",
    at: new Date(at + 2 * HOUR).toISOString(),
    asset: symbol,
    amountUsd: 3.1e8,
  });

afterAll(async () => {
  await removeArticles(server.driver, tag);
  const session = server.driver.session();
  try {
    await session.run("MATCH (e:Event) WHERE e.key STARTS WITH $tag DETACH DELETE e", { tag });
  } finally {
    await session.close();
  }
});

describe("candidates by asset and time", () => {
  it("finds the event of that asset, time and amount among a few or thousands of others", async () => {
    await ingestOk(server, {
      url: `https://wire-${tag}.example/story/1`,
      title: "Exchange breach",
      publishedAt: "2026-03-10T13:00:00Z",
      source: { domain: `wire-${tag}.example`, name: "wire" },
      assets: [{ symbol, name: `${tag} coin`, assetClass: "CRYPTO" }],
      events: [
        {
          key: `${tag}-breach`,
          kind: "hack",
          title: "Exchange breach",
          occurredAt: new Date(at).toISOString(),
          amountUsd: 3e8,
          affects: [{ kind: "ASSET", key: symbol }],
        },
      ],
    });
    // Forty filings, every hour around the question's time among them.
    await addFillers(0, 40, 18 * HOUR);
    const few = await ask();
    expect(few.errors).toBeUndefined();
    const [best] = few.data!.nodeCandidates;
    expect(best!.node.key).toBe(`${tag}-breach`);
    expect(best!.reasons).toEqual(expect.arrayContaining(["within a day", `about ${symbol}`]));
    expect(best!.reasons.some((reason) => reason.startsWith("name"))).toBe(false);

    // Past the busy threshold: 2,400 more, about one every 18 minutes over the month.
    await addFillers(40, 2400, 18 * 60_000);
    const many = await ask();
    expect(many.errors).toBeUndefined();
    expect(many.data!.nodeCandidates[0]).toEqual(best);
  });
});

import { describe, expect, it } from "vitest";
import { STRONG_FROM } from "../../src/cypher/leads-to.js";
import { IngestArticleDocument, RetractClaimDocument, type ClaimInput, type IngestArticleInput } from "../__generated__/graphql.js";
import { uniqueTag } from "../support/ids.js";
import { leadsToFromClaims, storedLeadsTo } from "../support/leads-to-state.js";
import { EDITOR_TOKEN, postGraphQL, useTestServer } from "../support/server.js";

const server = useTestServer();
const asEditor = { token: EDITOR_TOKEN };

const factor = (key: string) => ({ kind: "MACRO_FACTOR" as const, key });

/**
 * Outlet `n`'s article on `tag` making `claims` about the factors, which it names but does not
 * define (defining them would make every transaction write, and so lock, the same nodes first).
 */
function outletArticle(tag: string, n: number, claims: ClaimInput[], title = "v1"): IngestArticleInput {
  const domain = `${tag}-outlet-${n}.example`;
  return {
    url: `https://${domain}/${tag}`,
    title: `${domain} on ${tag} (${title})`,
    publishedAt: `2026-03-01T${String(n % 24).padStart(2, "0")}:00:00Z`,
    source: { domain, name: domain },
    claims,
  };
}

const claim = (tag: string, key: string, from: string, to: string, confidence: number): ClaimInput => ({
  key,
  text: `${key}: ${from} causes ${to}`,
  relation: "CAUSES",
  confidence,
  cause: factor(`${tag}-${from}`),
  effect: factor(`${tag}-${to}`),
});

async function ingestAll(inputs: IngestArticleInput[]) {
  const results = await Promise.all(inputs.map((input) => server.request(IngestArticleDocument, { input }, asEditor)));
  for (const res of results) expect(res.errors).toBeUndefined();
  return results.map((res) => res.data!.ingestArticle);
}

/** The STRONG_LEADS_TO of the test's pairs with their summaries, by "x>y" (duplicates would show twice). */
async function storedStrong(tag: string) {
  const { records } = await server.driver.executeQuery(
    `MATCH (x:MacroFactor)-[s:STRONG_LEADS_TO]->(y) WHERE x.key STARTS WITH $tag
     RETURN x.key + '>' + y.key AS pair, s.maxConfidence AS max, s.sources AS sources ORDER BY pair`,
    { tag },
  );
  return records.map((r) => ({ pair: r.get("pair") as string, max: r.get("max") as number, sources: Number(r.get("sources")) }));
}

describe("concurrent writes to the same pairs", () => {
  it("lose no claim from LEADS_TO: new articles, new versions and retractions at once leave it as the claims say", async () => {
    const tag = uniqueTag("conc");
    await ingestAll([{ ...outletArticle(tag, 99, []), macroFactors: ["a", "b", "c"].map((k) => ({ key: `${tag}-${k}`, name: k })) }]);
    // Ten outlets say a -> b (and some b -> c), all at once.
    await ingestAll(
      Array.from({ length: 10 }, (_, n) =>
        outletArticle(tag, n, [claim(tag, "ab", "a", "b", 0.5 + n / 100), ...(n % 2 ? [claim(tag, "bc", "b", "c", 0.6 + n / 100)] : [])]),
      ),
    );
    expect(await storedLeadsTo(server.driver, tag)).toEqual(await leadsToFromClaims(server.driver, tag));

    // Then at once: ten more outlets append, the first ten publish a new version (other
    // confidences; the even ones move their claim to a -> c), and two claims are retracted.
    const retract: string[] = [];
    for (const n of [1, 3]) {
      const listed = await postGraphQL<{ claims: { edges: { node: { id: string; key: string } }[] } }>(
        server.url,
        `{ claims(filter: { source: "${tag}-outlet-${n}.example" }) { edges { node { id key } } } }`,
      );
      retract.push(listed.data!.claims.edges.find((e) => e.node.key === "bc")!.node.id);
    }
    const versions = Array.from({ length: 10 }, (_, n) =>
      outletArticle(
        tag,
        n,
        [claim(tag, "ab", "a", n % 2 ? "b" : "c", 0.9 - n / 100), ...(n % 2 ? [claim(tag, "bc", "b", "c", 0.6 + n / 100)] : [])],
        "v2",
      ),
    );
    const appends = Array.from({ length: 10 }, (_, n) =>
      outletArticle(tag, 10 + n, [claim(tag, "ab", "a", "b", 0.7 + n / 100), claim(tag, "ac", "a", "c", 0.4)]),
    );
    const results = await Promise.all([
      ingestAll([...versions, ...appends]),
      ...retract.map((id) => server.request(RetractClaimDocument, { id, reason: "concurrency test" }, asEditor)),
    ]);
    for (const res of results.slice(1)) expect((res as { errors?: unknown }).errors).toBeUndefined();

    const stored = await storedLeadsTo(server.driver, tag);
    expect(stored).toEqual(await leadsToFromClaims(server.driver, tag));
    expect(stored.map((s) => [s.pair, s.ids.length])).toEqual([
      [`${tag}-a>${tag}-b`, 15],
      [`${tag}-a>${tag}-c`, 15],
      [`${tag}-b>${tag}-c`, 3],
    ]);
    expect(await storedStrong(tag)).toEqual(
      stored.filter((s) => s.max * (1 + 0.5 * (s.sources - 1)) >= STRONG_FROM).map(({ pair, max, sources }) => ({ pair, max, sources })),
    );
  });

  it("lose nothing when a pair's last claim is retracted while another outlet makes a new one", async () => {
    const tag = uniqueTag("conc");
    const pairs = Array.from({ length: 8 }, (_, i) => [`x${i}`, `y${i}`] as const);
    await ingestAll([{ ...outletArticle(tag, 99, []), macroFactors: pairs.flat().map((k) => ({ key: `${tag}-${k}`, name: k })) }]);
    // One outlet makes the only claim of each pair.
    await ingestAll(pairs.map(([x, y], i) => outletArticle(tag, i, [claim(tag, "only", x, y, 0.8)])));
    const ids: string[] = [];
    for (let i = 0; i < pairs.length; i += 1) {
      const listed = await postGraphQL<{ claims: { edges: { node: { id: string } }[] } }>(
        server.url,
        `{ claims(filter: { source: "${tag}-outlet-${i}.example" }) { edges { node { id } } } }`,
      );
      ids.push(listed.data!.claims.edges[0]!.node.id);
    }
    // At once: each such claim retracted (its pair loses its LEADS_TO) and a new outlet's claim on the same pair.
    const results = await Promise.all([
      ...ids.map((id) => server.request(RetractClaimDocument, { id, reason: "concurrency test" }, asEditor)),
      ...pairs.map(([x, y], i) =>
        server.request(IngestArticleDocument, { input: outletArticle(tag, 20 + i, [claim(tag, "new", x, y, 0.6)]) }, asEditor),
      ),
    ]);
    for (const res of results) expect(res.errors).toBeUndefined();

    const stored = await storedLeadsTo(server.driver, tag);
    expect(stored).toEqual(await leadsToFromClaims(server.driver, tag));
    expect(stored.map((s) => [s.ids.length, s.max, s.sources])).toEqual(pairs.map(() => [1, 0.6, 1]));
  });
});

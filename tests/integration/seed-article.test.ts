import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ArticlesPageDocument,
  SeedArticleDocument,
  SeedAssetDocument,
  SeedClaimsDocument,
  SeedNarrativeDocument,
  SourceByDomainDocument,
  type ClaimFilter,
  type SeedClaimFragment,
  type CausalNodeRefFragment,
} from "../__generated__/graphql.js";
import { startTestServer, type TestServer } from "../support/server.js";

// The seed article (Strykr, 2026-02-01), loaded by the global setup. Every test reads it
// back through the HTTP API and checks what the article actually says.
const SEED_URL = "https://strykr.ai/news/bitcoins-1-3b-liquidation-derivatives-reset-etf-exodus-anatomy-of-a-crypto-freefall";
const CITED = {
  uToday: "https://u.today/xrp-trader-who-predicted-700-bull-run-shares-brutal-bitcoin-price-update",
  bitcoinCom: "https://news.bitcoin.com/crypto-traders-dial-back-leverage-as-bitcoin-derivatives-markets-reset",
  cryptoPotato: "https://cryptopotato.com/2-5-billion-saturday-wiped-out-analysts-explain-why-bitcoin-and-altcoins-crashed",
  coinDesk: "https://coindesk.com/markets/2026/02/01/michael-saylor-signals-another-bitcoin-buy-as-btc-price-slumps-to-78000",
  benzinga: "https://benzinga.com/crypto/weekend-round-up-teslas-bitcoin-losses-us-crypto-bill-progress-bitcoins-downtrend-and-more",
};

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

/** Sends a typed operation and returns its data, failing on any HTTP or GraphQL error. */
async function ask<R, V extends Record<string, unknown>>(document: TypedDocumentNode<R, V>, variables: V): Promise<R> {
  const res = await server.request(document, variables);
  expect(res.status).toBe(200);
  expect(res.errors).toBeUndefined();
  return res.data!;
}

async function seedArticle() {
  const { article } = await ask(SeedArticleDocument, { url: SEED_URL });
  expect(article).not.toBeNull();
  return article!;
}

async function asset(symbol: string) {
  const data = await ask(SeedAssetDocument, { symbol });
  expect(data.asset).not.toBeNull();
  return data.asset!;
}

/** The seed article's current claims matching a filter (all of them: one page of 200). */
async function seedClaims(filter: ClaimFilter): Promise<SeedClaimFragment[]> {
  const { claims } = await ask(SeedClaimsDocument, { filter, first: 200 });
  expect(claims.totalCount).toBe(claims.edges.length);
  return claims.edges.map((edge) => edge.node).filter((claim) => claim.article.url === SEED_URL);
}

/** The one claim whose text is `text` (the verbatim sentence), failing if there is none. */
function claimReading(claims: SeedClaimFragment[], text: string): SeedClaimFragment {
  const found = claims.filter((claim) => claim.text === text);
  expect(
    found.map((claim) => claim.text),
    `a claim reading "${text}"`,
  ).toEqual([text]);
  return found[0]!;
}

/** What a user sees of a causal node: its kind, natural key and human label. */
function describeNode(node: CausalNodeRefFragment | null | undefined) {
  if (!node) return null;
  switch (node.__typename) {
    case "Asset":
      return { type: node.__typename, key: node.symbol, label: node.name };
    case "Event":
      return { type: node.__typename, key: node.key, label: node.title };
    case "PriceMove":
      return { type: node.__typename, key: node.key, label: String(node.close) };
    default:
      return { type: node.__typename, key: node.key, label: node.name };
  }
}

const domainsOf = (claim: SeedClaimFragment) => claim.attributedTo.map((source) => source.domain);

describe("the article itself", () => {
  it("is published by Strykr (strykr.ai) on 2026-02-01 and written by Strykr AI", async () => {
    const article = await seedArticle();
    expect(article.title).toBe("Bitcoin’s $1.3B Liquidation: Derivatives Reset, ETF Exodus, and the Anatomy of a Crypto Freefall");
    expect(article.source).toEqual({ domain: "strykr.ai", name: "Strykr", kind: "ANALYSIS" });
    expect(article.author).toBe("Strykr AI");
    expect(article.publishedAt?.slice(0, 10)).toBe("2026-02-01");

    const { articles } = await ask(ArticlesPageDocument, { filter: { source: "strykr.ai" }, first: 20 });
    expect(articles.edges.map((edge) => edge.node.url)).toContain(SEED_URL);
  });

  it("scores 38/100 (Strykr Pulse)", async () => {
    const article = await seedArticle();
    expect(article.score).toBe(38);
    expect(article.summary).toContain("Strykr Pulse 38/100.");
  });

  it("rates the threat 4/5 at high risk", async () => {
    const article = await seedArticle();
    expect(article.threatLevel).toBe(4);
    expect(article.summary).toContain("Threat Level 4/5.");
    expect(article.riskLevel).toBe("HIGH");
  });

  it("is bearish, and found among bearish articles", async () => {
    const article = await seedArticle();
    expect(article.sentiment).toBe("BEARISH");
    const { articles } = await ask(ArticlesPageDocument, { filter: { sentiment: "BEARISH", asset: "BTC" }, first: 50 });
    expect(articles.edges.map((edge) => edge.node.url)).toContain(SEED_URL);
  });

  it("carries the article's seven tags, and is found by each of them", async () => {
    const tags = ["bitcoin", "etf", "liquidation", "derivatives", "risk-reset", "institutional", "crypto-crash"];
    const article = await seedArticle();
    expect(article.tags.map((tag) => tag.name).sort()).toEqual([...tags].sort());
    for (const tag of tags) {
      // Other test files tag their own articles "liquidation" too: narrow to the seed's outlet.
      const { articles } = await ask(ArticlesPageDocument, { filter: { tag, source: "strykr.ai" }, first: 50 });
      expect(
        articles.edges.map((edge) => edge.node.url),
        `tag ${tag}`,
      ).toContain(SEED_URL);
    }
  });

  it("cites its five sources with their outlets, titles and dates (all Feb 1, 2026)", async () => {
    const article = await seedArticle();
    const cites = article.cites
      .map((cited) => ({
        url: cited.url,
        title: cited.title,
        outlet: cited.source,
        date: cited.publishedAt?.slice(0, 10),
      }))
      .sort((a, b) => a.url.localeCompare(b.url));
    expect(cites).toEqual([
      {
        url: CITED.benzinga,
        title: "Weekend Round-Up: Tesla's Bitcoin Losses, US Crypto Bill Progress, Bitcoin's Downtrend And More",
        outlet: { domain: "benzinga.com", name: "Benzinga" },
        date: "2026-02-01",
      },
      {
        url: CITED.coinDesk,
        title: "Michael Saylor signals another bitcoin buy as BTC price slumps to $78,000",
        outlet: { domain: "coindesk.com", name: "CoinDesk" },
        date: "2026-02-01",
      },
      {
        url: CITED.cryptoPotato,
        title: "$2.5 Billion Saturday Wiped Out: Analysts Explain Why Bitcoin and Altcoins Crashed",
        outlet: { domain: "cryptopotato.com", name: "CryptoPotato" },
        date: "2026-02-01",
      },
      {
        url: CITED.bitcoinCom,
        title: "Crypto Traders Dial Back Leverage as Bitcoin Derivatives Markets Reset",
        outlet: { domain: "news.bitcoin.com", name: "Bitcoin.com News" },
        date: "2026-02-01",
      },
      {
        url: CITED.uToday,
        title: "XRP Trader Who Predicted 700% Bull Run Shares Brutal Bitcoin Price Update",
        outlet: { domain: "u.today", name: "U.Today" },
        date: "2026-02-01",
      },
    ]);
  });

  it("makes only claims whose text is a verbatim span of the article", async () => {
    const article = await seedArticle();
    const written = [article.body ?? "", article.title, article.summary ?? ""];
    expect(article.claims.length).toBeGreaterThan(0);
    const notInArticle = article.claims.map((claim) => claim.text).filter((text) => !written.some((part) => part.includes(text)));
    expect(notInArticle).toEqual([]);
  });
});

describe("price action and events", () => {
  it("BTC slid from the high $80Ks to $76K, then bounced to $78,199 by 09:55 ET on Feb 1", async () => {
    const [btc, article] = await Promise.all([asset("BTC"), seedArticle()]);
    const reported = article.priceMoves.map((move) => move.key);
    const moves = btc.priceMoves.filter((move) => reported.includes(move.key));
    expect(moves).toHaveLength(2);
    const [slide, bounce] = moves as [(typeof moves)[0], (typeof moves)[0]];

    expect(slide.high).toBeGreaterThanOrEqual(85_000);
    expect(slide.high).toBeLessThan(90_000);
    expect(slide).toMatchObject({ low: 76_000, close: 76_000 });
    expect(bounce).toMatchObject({ low: 76_000, close: 78_199, high: 78_199 });
    expect(bounce.endAt).toBe("2026-02-01T09:55:00-05:00");
    expect(Date.parse(slide.endAt)).toBeLessThanOrEqual(Date.parse(bounce.startAt));
    for (const move of moves) expect(article.body).toContain(move.description);

    const sequence = claimReading(article.claims, "sent the spot price tumbling to $76,000 before a feeble bounce to $78,199");
    expect(sequence.relation).toBe("PRECEDES");
    expect(describeNode(sequence.cause)?.key).toBe(slide.key);
    expect(describeNode(sequence.effect)?.key).toBe(bounce.key);
  });

  it("a $1.3 billion liquidation cascade hit BTC and sent it to $76K", async () => {
    const article = await seedArticle();
    const cascade = article.events.find((event) => event.amountUsd === 1_300_000_000);
    expect(cascade?.kind).toBe("liquidation");
    expect(cascade?.title).toContain("$1.3 billion");
    expect(cascade?.affects.map(describeNode)).toContainEqual(expect.objectContaining({ type: "Asset", key: "BTC" }));

    const caused = await seedClaims({ cause: { kind: "EVENT", key: cascade!.key }, polarity: "ASSERTED" });
    const claim = claimReading(
      caused,
      "a $1.3 billion liquidation event that torched the Bitcoin derivatives complex and sent the spot price tumbling to $76,000",
    );
    expect(claim.relation).toBe("CAUSES");
    expect(claim.effect).toMatchObject({ __typename: "PriceMove", close: 76_000 });
    expect((await asset("BTC")).events.map((event) => event.key)).toContain(cascade!.key);
  });

  it("spot bitcoin ETFs lost $6 billion in the month and $1.6 billion in the past week", async () => {
    const article = await seedArticle();
    const monthly = article.events.find((event) => event.amountUsd === 6_000_000_000);
    const weekly = article.events.find((event) => event.amountUsd === 1_600_000_000);
    for (const outflow of [monthly, weekly]) {
      expect(outflow?.kind).toBe("etf-flow");
      expect(outflow?.title).toMatch(/ETFs see \$\d(\.\d)? billion in outflows/);
      expect(outflow?.affects.map(describeNode)).toContainEqual(expect.objectContaining({ type: "Asset", key: "BTC" }));
    }
    expect(monthly?.title).toMatch(/month/);
    expect(weekly?.title).toMatch(/past week/);

    const sentence =
      "At the same time, spot Bitcoin ETFs—once the darling of Wall Street—saw $6 billion in outflows for the month, with $1.6 billion yanked in just the past week (BeInCrypto).";
    const causes = article.claims.filter((claim) => claim.text === sentence).map((claim) => describeNode(claim.cause)?.key);
    expect(causes.sort()).toEqual([monthly!.key, weekly!.key].sort());
  });

  it("the TGA absorbs $64.3 billion, and Treasury issuance draining liquidity is attributed to SeekingAlpha", async () => {
    const article = await seedArticle();
    const tga = article.events.find((event) => event.amountUsd === 64_300_000_000);
    expect(tga?.title).toMatch(/TGA\) absorbs \$64\.3 billion/);

    const sentence =
      "Treasury issuance is draining liquidity from risk assets, as the TGA absorbs $64.3 billion from the system (SeekingAlpha).";
    const bySeekingAlpha = await seedClaims({ source: "seekingalpha.com" });
    const drain = claimReading(bySeekingAlpha, sentence);
    expect(drain.attributedTo).toContainEqual({ domain: "seekingalpha.com", name: "Seeking Alpha" });
    expect(describeNode(drain.cause)).toMatchObject({ type: "MacroFactor", label: expect.stringMatching(/Treasury issuance/) });
    expect(describeNode(drain.effect)).toMatchObject({ type: "MacroFactor", label: "Liquidity" });

    // The TGA event itself is a cause of the drain, on SeekingAlpha's authority too.
    const fromTga = bySeekingAlpha.find((claim) => describeNode(claim.cause)?.key === tga!.key);
    expect(fromTga?.text).toBe("as the TGA absorbs $64.3 billion from the system (SeekingAlpha)");
    expect(describeNode(fromTga?.effect)).toMatchObject({ type: "MacroFactor", label: "Liquidity" });
  });

  it("the S&P 500's flirtation with 7,000 reversed late in the week", async () => {
    const [article, spx] = await Promise.all([seedArticle(), asset("SPX")]);
    const reversal = article.events.find((event) => /7,000/.test(event.title));
    expect(reversal?.title).toBe("S&P 500’s brief flirtation with 7,000 ends in a late-week reality check");
    expect(reversal?.affects.map(describeNode)).toEqual([expect.objectContaining({ type: "Asset", key: "SPX" })]);
    expect(spx.name).toBe("S&P 500");
    expect(spx.events.map((event) => event.key)).toContain(reversal!.key);

    const claims = await seedClaims({ effect: { kind: "EVENT", key: reversal!.key } });
    const claim = claimReading(
      claims,
      "The S&P 500’s brief flirtation with 7,000 ended in a late-week reality check, and gold, silver, and equities all got caught in Friday’s liquidation vortex (SeekingAlpha).",
    );
    expect(domainsOf(claim)).toEqual(["seekingalpha.com"]);
  });

  it("gold, silver and equities were caught in Friday's liquidation vortex", async () => {
    const [article, gold, silver] = await Promise.all([seedArticle(), asset("XAU"), asset("XAG")]);
    const friday = article.events.find((event) => /Friday/.test(event.title));
    expect(friday?.kind).toBe("liquidation");
    expect(friday?.title).toMatch(/gold, silver and equities/);
    expect(friday?.affects.map((node) => describeNode(node)?.key).sort()).toEqual(["SPX", "XAG", "XAU"]);
    expect(gold.name).toBe("Gold");
    expect(silver.name).toBe("Silver");
    expect(gold.events.map((event) => event.key)).toContain(friday!.key);
    expect(silver.events.map((event) => event.key)).toContain(friday!.key);
  });

  it("open interest dropped sharply as positions were unwound, per news.bitcoin.com", async () => {
    const article = await seedArticle();
    const drop = article.events.find((event) => /open interest/i.test(event.title));
    expect(drop?.title).toMatch(/open interest drops sharply/);
    expect(drop?.affects.map(describeNode)).toContainEqual(expect.objectContaining({ type: "Asset", key: "BTC" }));
    // The cited news.bitcoin.com article reports the same drop.
    const bitcoinCom = article.cites.find((cited) => cited.url === CITED.bitcoinCom);
    expect(bitcoinCom?.events.map((event) => event.key)).toContain(drop!.key);

    const claims = await seedClaims({ effect: { kind: "EVENT", key: drop!.key }, source: "news.bitcoin.com" });
    const claim = claimReading(
      claims,
      "Meanwhile, derivatives traders dialed back leverage, with open interest dropping sharply as positions were forcibly unwound (news.bitcoin.com).",
    );
    expect(claim.attributedTo).toEqual([{ domain: "news.bitcoin.com", name: "Bitcoin.com News" }]);
    expect(claim.supportedBy.map((cited) => cited.url)).toEqual([CITED.bitcoinCom]);
  });

  it("Michael Saylor signalled a Strategy buy that could not stem the tide (CoinDesk)", async () => {
    const [article, mstr] = await Promise.all([seedArticle(), asset("MSTR")]);
    expect(article.entities).toEqual(
      expect.arrayContaining([
        { key: "michael-saylor", name: "Michael Saylor", kind: "person" },
        { key: "strategy", name: "Strategy", kind: "company" },
      ]),
    );
    expect(mstr).toMatchObject({ name: "Strategy Inc.", assetClass: "EQUITY" });
    const buy = article.events.find((event) => /Saylor signals another bitcoin buy/.test(event.title));
    expect(buy?.affects.map((node) => describeNode(node)?.key).sort()).toEqual(["BTC", "MSTR"]);
    expect(article.cites.find((cited) => cited.url === CITED.coinDesk)?.events.map((e) => e.key)).toContain(buy!.key);

    const claims = await seedClaims({ cause: { kind: "EVENT", key: buy!.key } });
    const claim = claimReading(
      claims,
      "Even Michael Saylor’s rumored buy-the-dip plans couldn’t stem the tide, especially with his own company’s share price in the gutter (Coindesk).",
    );
    expect(claim).toMatchObject({ relation: "PREVENTS", polarity: "DENIED" });
    expect(domainsOf(claim)).toEqual(["coindesk.com"]);
    expect(claim.supportedBy.map((cited) => cited.url)).toEqual([CITED.coinDesk]);
  });

  it("Tesla reported paper losses on its bitcoin (reported by Benzinga)", async () => {
    const [article, tsla] = await Promise.all([seedArticle(), asset("TSLA")]);
    expect(article.entities).toContainEqual({ key: "tesla", name: "Tesla", kind: "company" });
    const losses = article.events.find((event) => /Tesla/.test(event.title));
    expect(losses?.title).toMatch(/losses on its bitcoin holdings/);
    expect(losses?.affects.map(describeNode)).toContainEqual(expect.objectContaining({ type: "Asset", key: "TSLA" }));
    expect(tsla.name).toBe("Tesla, Inc.");
    expect(tsla.events.map((event) => event.key)).toContain(losses!.key);
    const benzinga = article.cites.find((cited) => cited.url === CITED.benzinga);
    expect(benzinga?.events.map((event) => event.key)).toContain(losses!.key);
  });

  it("the XRP trader who called the 700% run warns of more pain ahead (U.Today)", async () => {
    const article = await seedArticle();
    expect(article.entities).toContainEqual(
      expect.objectContaining({ name: "XRP trader who nailed the 700% run in 2024", kind: "person" }),
    );
    const claims = await seedClaims({ source: "u.today" });
    const warning = claimReading(claims, "The XRP trader who nailed the 700% run in 2024 is now warning of more pain ahead (U.Today).");
    expect(warning.attributedTo).toEqual([{ domain: "u.today", name: "U.Today" }]);
    expect(warning.supportedBy.map((cited) => cited.url)).toEqual([CITED.uToday]);
    expect(warning.modality).toBe("SPECULATIVE");
    expect(describeNode(warning.effect)?.label).toMatch(/BTC downside/);
  });

  it("quantum security has suddenly become a priority for Ethereum (CoinDesk)", async () => {
    const [article, eth] = await Promise.all([seedArticle(), asset("ETH")]);
    const push = article.events.find((event) => /quantum/i.test(event.title));
    expect(push?.title).toBe("Quantum security suddenly a priority for Ethereum");
    expect(push?.affects.map(describeNode)).toEqual([expect.objectContaining({ type: "Asset", key: "ETH" })]);
    expect(eth.events.map((event) => event.key)).toContain(push!.key);
    expect(article.macroFactors.map((factor) => factor.name)).toContain("Quantum risk");

    const claims = await seedClaims({ effect: { kind: "EVENT", key: push!.key } });
    const claim = claimReading(claims, "with quantum security suddenly a priority for Ethereum");
    expect(describeNode(claim.cause)).toMatchObject({ type: "MacroFactor", label: "Quantum risk" });
    expect(domainsOf(claim)).toEqual(["coindesk.com"]);
  });
});

describe("Strykr Watch: levels and readings", () => {
  it("states BTC levels $83K target, $80K resistance, $76K and $72K ('disorderly') support", async () => {
    const btc = await asset("BTC");
    const levels = btc.levels.filter((level) => level.article.url === SEED_URL);
    expect(levels.map(({ price, kind }) => ({ price, kind }))).toEqual([
      { price: 83_000, kind: "TARGET" },
      { price: 80_000, kind: "RESISTANCE" },
      { price: 76_000, kind: "SUPPORT" },
      { price: 72_000, kind: "SUPPORT" },
    ]);
    const note = (price: number) => levels.find((level) => level.price === price)?.note;
    expect(note(72_000)).toContain("$72,000 is the level where things could get disorderly");
    expect(note(76_000)).toContain("The next real support is at $76,000, the weekend’s low.");
    expect(note(80_000)).toContain("Resistance is stacked at $80,000");
    expect(note(83_000)).toContain("A bounce to $83,000 is possible");
  });

  it("reads RSI oversold but not extreme, funding negative and open interest reset", async () => {
    const btc = await asset("BTC");
    const readings = btc.indicators
      .filter((indicator) => indicator.article.url === SEED_URL)
      .map(({ metric, reading }) => ({ metric, reading }))
      .sort((a, b) => a.metric.localeCompare(b.metric));
    expect(readings).toEqual([
      { metric: "funding-rate", reading: "negative" },
      { metric: "open-interest", reading: "reset" },
      { metric: "rsi", reading: "oversold but not extreme" },
    ]);
  });
});

describe("inline attributions", () => {
  // Each outlet the article credits inline, and the sentences it is credited for.
  const attributions = [
    {
      domain: "ambcrypto.com",
      name: "AMBCrypto",
      mark: "According to AMBCrypto",
      sentences: [
        "According to AMBCrypto and CryptoPotato, the weekend saw a $1.3 billion liquidation cascade, wiping out overleveraged longs as Bitcoin’s price plummeted from the high $80,000s to as low as $76,000.",
      ],
    },
    {
      domain: "cryptopotato.com",
      name: "CryptoPotato",
      mark: "AMBCrypto and CryptoPotato",
      sentences: [
        "According to AMBCrypto and CryptoPotato, the weekend saw a $1.3 billion liquidation cascade, wiping out overleveraged longs as Bitcoin’s price plummeted from the high $80,000s to as low as $76,000.",
      ],
    },
    {
      domain: "beincrypto.com",
      name: "BeInCrypto",
      mark: "(BeInCrypto)",
      sentences: [
        "At the same time, spot Bitcoin ETFs—once the darling of Wall Street—saw $6 billion in outflows for the month, with $1.6 billion yanked in just the past week (BeInCrypto).",
      ],
    },
    {
      domain: "news.bitcoin.com",
      name: "Bitcoin.com News",
      mark: "(news.bitcoin.com)",
      sentences: [
        "Meanwhile, derivatives traders dialed back leverage, with open interest dropping sharply as positions were forcibly unwound (news.bitcoin.com).",
      ],
    },
    {
      domain: "coindesk.com",
      name: "CoinDesk",
      mark: "(Coindesk)",
      sentences: [
        "Even Michael Saylor’s rumored buy-the-dip plans couldn’t stem the tide, especially with his own company’s share price in the gutter (Coindesk).",
        "And with quantum security suddenly a priority for Ethereum, the sense of existential risk is palpable (Coindesk).",
      ],
    },
    {
      domain: "seekingalpha.com",
      name: "Seeking Alpha",
      mark: "(SeekingAlpha)",
      sentences: [
        "Treasury issuance is draining liquidity from risk assets, as the TGA absorbs $64.3 billion from the system (SeekingAlpha).",
        "The S&P 500’s brief flirtation with 7,000 ended in a late-week reality check, and gold, silver, and equities all got caught in Friday’s liquidation vortex (SeekingAlpha).",
      ],
    },
    {
      domain: "u.today",
      name: "U.Today",
      mark: "(U.Today)",
      sentences: ["The XRP trader who nailed the 700% run in 2024 is now warning of more pain ahead (U.Today)."],
    },
  ];

  it.each(attributions)("credits $name ($domain) with the sentences that cite it", async ({ domain, name, mark, sentences }) => {
    const { source } = await ask(SourceByDomainDocument, { domain });
    expect(source).toMatchObject({ domain, name });

    const article = await seedArticle();
    const credited = (await seedClaims({ source: domain })).filter((claim) => domainsOf(claim).includes(domain));
    for (const sentence of sentences) {
      expect(article.body, "the sentence is the article's").toContain(sentence);
      // A claim attributed to the outlet whose text is (a span of) that sentence, mark included.
      const match = credited.find((claim) => sentence.includes(claim.text) && claim.text.includes(mark));
      expect(match, `a claim attributed to ${domain} reading "${sentence}"`).toBeDefined();
      expect(match!.attributedTo).toContainEqual({ domain, name });
    }
  });
});

describe("denials", () => {
  const sentence = "This wasn’t about the Fed, the Middle East, or even Michael Saylor’s latest tweet.";
  const denied = [
    { what: "the Fed", cause: { type: "MacroFactor", key: "fed-policy", label: "Fed policy" }, ref: "MACRO_FACTOR" },
    {
      what: "the Middle East",
      cause: { type: "MacroFactor", key: "middle-east-tension", label: "Middle East tension" },
      ref: "MACRO_FACTOR",
    },
    {
      what: "Michael Saylor's latest tweet",
      cause: { type: "Event", key: "saylor-latest-tweet", label: "Michael Saylor’s latest tweet" },
      ref: "EVENT",
    },
  ] as const;

  it.each(denied)("the liquidation was not about $what: a DENIED claim, not a dropped one", async ({ cause, ref }) => {
    const denials = await seedClaims({ polarity: "DENIED" });
    const claim = denials.find((c) => c.text === sentence && describeNode(c.cause)?.key === cause.key);
    expect(claim, `a DENIED claim with cause ${cause.key}`).toBeDefined();
    expect(claim!.polarity).toBe("DENIED");
    expect(describeNode(claim!.cause)).toEqual(cause);
    expect(claim!.effect).toMatchObject({ __typename: "Event", amountUsd: 1_300_000_000 });

    // Asking for claims about that cause finds the denial, not an assertion.
    const aboutCause = await seedClaims({ cause: { kind: ref, key: cause.key } });
    expect(aboutCause.map((c) => [c.text, c.polarity])).toEqual([[sentence, "DENIED"]]);
  });
});

describe("conditional claims", () => {
  async function conditional(text: string) {
    // The seed's outlet's conditional claims: other files add conditional claims of their own.
    const claim = claimReading(await seedClaims({ modality: "CONDITIONAL", source: "strykr.ai" }), text);
    expect(claim.modality).toBe("CONDITIONAL");
    expect(claim.polarity).toBe("ASSERTED");
    return { claim, conditions: claim.conditions.map((node) => describeNode(node)?.label), effect: describeNode(claim.effect) };
  }

  it("if ETF outflows continue, nothing stops another liquidation cascade", async () => {
    const { conditions, effect } = await conditional("If ETF outflows continue, there’s nothing to stop another liquidation cascade.");
    expect(conditions).toEqual([expect.stringMatching(/ETF outflows continue/i)]);
    expect(effect).toMatchObject({ type: "Event", label: expect.stringMatching(/another liquidation cascade/i) });
  });

  it("if BTC loses $76,000, the next stop could be $72,000", async () => {
    const { conditions, effect } = await conditional("If $BTC loses $76,000, the next stop could be $72,000 or lower.");
    expect(conditions).toEqual([expect.stringMatching(/BTC loses \$76,000/)]);
    expect(effect).toMatchObject({ type: "Event", label: expect.stringMatching(/\$72,000/) });
  });

  it("if BTC reclaims $80,000 and holds it, the worst may be over", async () => {
    const { conditions, effect } = await conditional("If $BTC can reclaim $80,000 and hold it, the worst of the liquidation may be over.");
    expect(conditions).toEqual([expect.stringMatching(/BTC reclaims \$80,000/)]);
    expect(effect).toMatchObject({ type: "Event", label: expect.stringMatching(/worst of the liquidation is over/) });
  });

  it("if ETF outflows stabilise (and traders reload carefully), BTC can bounce to $83,000", async () => {
    const { conditions, effect } = await conditional(
      "A bounce to $83,000 is possible if ETF outflows stabilize and derivatives traders reload with more caution.",
    );
    expect(conditions).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/ETF outflows stabilize/),
        expect.stringMatching(/derivatives traders reload with more caution/),
      ]),
    );
    expect(conditions).toHaveLength(2);
    expect(effect).toMatchObject({ type: "Event", label: expect.stringMatching(/BTC bounces to \$83,000/) });
  });
});

describe("narratives", () => {
  const narratives = [
    { key: "etf-exodus", name: "ETF exodus", says: "saw $6 billion in outflows for the month" },
    { key: "derivatives-risk-reset", name: "Derivatives risk reset", says: "the weekend saw a $1.3 billion liquidation cascade" },
    { key: "macro-liquidity-drain", name: "Macro liquidity drain", says: "Treasury issuance is draining liquidity from risk assets" },
    { key: "saylor-put", name: "Michael Saylor put", says: "the psychological support from the “Michael Saylor put” might evaporate" },
    {
      key: "institutional-veneer",
      name: "Institutional veneer",
      says: "how fragile the crypto market’s newfound institutional veneer really is",
    },
  ];

  it.each(narratives)("$key ($name) is advanced by the article and its claims", async ({ key, name, says }) => {
    const { narrative } = await ask(SeedNarrativeDocument, { key });
    expect(narrative).toMatchObject({ key, name });
    expect(narrative!.articles.edges.map((edge) => edge.node.url)).toContain(SEED_URL);

    const claims = narrative!.claims.edges.map((edge) => edge.node).filter((claim) => claim.article.url === SEED_URL);
    const claim = claims.find((c) => c.text.includes(says));
    expect(claim, `a claim of the narrative saying "${says}"`).toBeDefined();
    expect(claim!.narratives.map((n) => n.key)).toContain(key);

    // The claims filter by narrative finds the same claim.
    const filtered = await seedClaims({ narrative: key });
    expect(filtered.map((c) => c.text)).toContain(claim!.text);
  });
});

describe("conflicting reports", () => {
  it("Strykr reports the liquidation at $1.3 billion, the cited CryptoPotato article at $2.5 billion", async () => {
    const article = await seedArticle();
    const cascade = article.events.find((event) => event.kind === "liquidation" && /\$1\.3 billion/.test(event.title));
    expect(cascade?.amountUsd).toBe(1_300_000_000);
    const reports = cascade!.reports.map((report) => ({ by: report.article.source?.domain, amountUsd: report.amountUsd }));
    expect(reports).toEqual(
      expect.arrayContaining([
        { by: "strykr.ai", amountUsd: 1_300_000_000 },
        { by: "cryptopotato.com", amountUsd: 2_500_000_000 },
      ]),
    );
    expect(cascade!.reports.find((report) => report.amountUsd === 2_500_000_000)?.article.url).toBe(CITED.cryptoPotato);
    expect(cascade!.reports.find((report) => report.amountUsd === 1_300_000_000)?.article.url).toBe(SEED_URL);
  });
});

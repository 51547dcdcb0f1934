/** An article as an ingest document: the JSON an `IngestArticleInput` is sent as. */
export type ArticleDocument = Record<string, unknown> & { url: string; claims: unknown[] };

/** A small seeded PRNG (mulberry32): the same seed gives the same graph on every machine. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GraphShape {
  /** Articles to generate; claims are about 20 per article. */
  readonly articles: number;
  readonly seed: number;
  /** Outlets retelling the one shared story (the retold chain). */
  readonly retellers: number;
}

const DAY = 86_400_000;
const START = Date.parse("2025-06-01T00:00:00Z");
const MONTHS = 9;
const CLAIMS_PER_ARTICLE = 20;

const ASSETS = [
  "BTC",
  "ETH",
  "SOL",
  "XRP",
  "SPX",
  "NDX",
  "XAU",
  "XAG",
  "MSTR",
  "TSLA",
  "COIN",
  "DXY",
  "TLT",
  "OIL",
  "EUR",
  "JPY",
  "ADA",
  "DOGE",
  "LINK",
  "AVAX",
];
/** Hubs first: a few factors are named by most articles, the rest form a long tail. */
const FACTORS = Array.from({ length: 60 }, (_, i) =>
  i === 0 ? "liquidity" : i === 1 ? "etf-flows" : i === 2 ? "fed-policy" : i === 3 ? "leverage" : `factor-${i}`,
);
const NARRATIVES = Array.from({ length: 30 }, (_, i) => `narrative-${i}`);
const ENTITIES = Array.from({ length: 300 }, (_, i) => `entity-${i}`);
const OUTLETS = Array.from({ length: 60 }, (_, i) => `outlet-${i}.example`);
/** Leads-to relations (the hops); PRECEDES (order, never a hop) and PREVENTS are a few claims each. */
const RELATIONS = ["CAUSES", "CONTRIBUTES_TO", "AMPLIFIES"] as const;

/** The shared story twenty and more outlets retell: a 6-node chain ending at a BTC move. */
export const RETOLD_CHAIN = [
  "story-trigger",
  "story-funding-squeeze",
  "story-margin-calls",
  "story-forced-selling",
  "story-liquidation-wave",
  "pm-btc-story-drop",
] as const;

/** Keys the benchmark's questions start from: the hub factor, a BTC weekly move (week 10), the asset, an outlet, the story. */
export const BENCH_KEYS = { hub: "liquidity", hubMove: "pm-btc-w10", asset: "BTC", outlet: OUTLETS[1]!, story: RETOLD_CHAIN } as const;

/** Skewed pick: low indexes (the hubs) far more often than the tail. */
function pickSkewed<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(items.length * random() ** 3)]!;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(items.length * random())]!;
}

const week = (t: number) => Math.floor((t - START) / (7 * DAY));
const iso = (t: number) => new Date(t).toISOString();

/**
 * One synthetic article: a few events of its own plus the week's shared price moves, about
 * 20 claims linking hub factors, events, moves and assets (denials, conditionals and PREVENTS
 * among them), attributions to other outlets, tags and narratives.
 */
function article(random: () => number, index: number): ArticleDocument {
  const at = START + Math.floor(random() * MONTHS * 30 * DAY);
  const outlet = pickSkewed(random, OUTLETS);
  const assets = [...new Set([pickSkewed(random, ASSETS), pickSkewed(random, ASSETS)])];
  const w = week(at);
  const moves = assets.map((symbol) => ({
    key: `pm-${symbol.toLowerCase()}-w${w}`,
    asset: symbol,
    startAt: iso(START + w * 7 * DAY),
    endAt: iso(START + (w + 1) * 7 * DAY - 1),
    open: 100,
    high: 110,
    low: 85,
    close: 90,
  }));
  const events = Array.from({ length: 3 }, (_, i) => ({
    key: `ev-${index}-${i}`,
    kind: "news",
    title: `Event ${i} of article ${index}`,
    occurredAt: iso(at - Math.floor(random() * 3 * DAY)),
    amountUsd: Math.round(random() * 5e9),
    affects: [{ kind: "ASSET" as const, key: assets[0]! }],
  }));
  const factors = [...new Set(Array.from({ length: 4 }, () => pickSkewed(random, FACTORS)))];
  const narratives = [pickSkewed(random, NARRATIVES)];
  const entities = [pickSkewed(random, ENTITIES)];
  const ref = (kind: "MACRO_FACTOR" | "EVENT" | "PRICE_MOVE" | "ASSET" | "ENTITY", key: string) => ({ kind, key });
  const nodes = [
    ...factors.map((key) => ref("MACRO_FACTOR", key)),
    ...events.map((e) => ref("EVENT", e.key)),
    ...moves.map((m) => ref("PRICE_MOVE", m.key)),
    ...assets.map((s) => ref("ASSET", s)),
    ...entities.map((key) => ref("ENTITY", key)),
  ];
  const claims = Array.from({ length: CLAIMS_PER_ARTICLE }, (_, i) => {
    // Mostly factor -> event -> move chains, so paths exist; the rest any pair.
    const cause =
      i % 3 === 0 ? ref("MACRO_FACTOR", pick(random, factors)) : i % 3 === 1 ? ref("EVENT", pick(random, events).key) : pick(random, nodes);
    let effect =
      i % 3 === 0 ? ref("EVENT", pick(random, events).key) : i % 3 === 1 ? ref("PRICE_MOVE", pick(random, moves).key) : pick(random, nodes);
    if (effect.kind === cause.kind && effect.key === cause.key)
      effect = cause.kind === "PRICE_MOVE" ? ref("ASSET", assets[0]!) : ref("PRICE_MOVE", moves[0]!.key);
    const roll = random();
    const conditional = roll < 0.08;
    return {
      key: `c${i}`,
      text: `Claim ${i} of article ${index}: ${cause.key} and ${effect.key}.`,
      relation: roll > 0.95 ? ("PREVENTS" as const) : roll > 0.85 && roll <= 0.9 ? ("PRECEDES" as const) : pick(random, RELATIONS),
      polarity: roll > 0.9 && roll <= 0.95 ? ("DENIED" as const) : ("ASSERTED" as const),
      modality: conditional ? ("CONDITIONAL" as const) : ("FACT" as const),
      confidence: Math.round((0.5 + random() * 0.49) * 100) / 100,
      cause,
      effect,
      conditions: conditional ? [ref("EVENT", events[0]!.key)] : undefined,
      attributedTo: random() < 0.3 ? [pick(random, OUTLETS)] : undefined,
      narratives: random() < 0.3 ? narratives : undefined,
    };
  });
  return {
    url: `https://${outlet}/news/${index}`,
    title: `Article ${index} on ${assets.join(" and ")}`,
    publishedAt: iso(at),
    source: { domain: outlet, name: outlet },
    summary: `What moved ${assets.join(", ")} in week ${w}.`,
    body: `Body of article ${index}. ${"Markets moved on liquidity and flows. ".repeat(20)}`,
    sentiment: random() < 0.5 ? "BEARISH" : "BULLISH",
    tags: [pick(random, ["bitcoin", "macro", "etf", "liquidation", "equities", "rates"]), `week-${w}`],
    assets: assets.map((symbol) => ({ symbol, name: symbol, assetClass: "CRYPTO" })),
    entities: entities.map((key) => ({ key, name: key })),
    macroFactors: factors.map((key) => ({ key, name: key })),
    narratives: narratives.map((key) => ({ key, name: key })),
    events,
    priceMoves: moves,
    claims,
  };
}

/** One retelling of the shared story by an outlet: the same five hops, its own confidences. */
function retelling(random: () => number, outlet: number): ArticleDocument {
  const at = START + 100 * DAY + outlet * 3_600_000;
  const [trigger, ...rest] = RETOLD_CHAIN;
  const factorKeys = [trigger];
  const eventKeys = rest.slice(0, -1);
  const move = RETOLD_CHAIN.at(-1)!;
  const kindOf = (key: string) => (factorKeys.includes(key as never) ? "MACRO_FACTOR" : key === move ? "PRICE_MOVE" : "EVENT");
  return {
    url: `https://reteller-${outlet}.example/story`,
    title: `The story as outlet ${outlet} tells it`,
    publishedAt: iso(at),
    source: { domain: `reteller-${outlet}.example`, name: `Reteller ${outlet}` },
    assets: [{ symbol: "BTC", name: "Bitcoin", assetClass: "CRYPTO" }],
    macroFactors: [{ key: trigger, name: "Story trigger" }],
    events: eventKeys.map((key, i) => ({ key, kind: "story", title: key, occurredAt: iso(START + 99 * DAY + i * 3_600_000) })),
    priceMoves: [
      { key: move, asset: "BTC", startAt: iso(START + 99 * DAY), endAt: iso(START + 101 * DAY), open: 100, high: 101, low: 80, close: 82 },
    ],
    claims: RETOLD_CHAIN.slice(0, -1).map((cause, i) => ({
      key: `hop-${i}`,
      text: `Outlet ${outlet}: ${cause} led to ${RETOLD_CHAIN[i + 1]}.`,
      relation: "CAUSES" as const,
      confidence: Math.round((0.6 + random() * 0.35) * 100) / 100,
      cause: { kind: kindOf(cause), key: cause },
      effect: { kind: kindOf(RETOLD_CHAIN[i + 1]!), key: RETOLD_CHAIN[i + 1]! },
    })),
  };
}

/** The articles of a graph of the given shape, in ingest order. */
export function* generateArticles(shape: GraphShape): Generator<ArticleDocument> {
  const random = prng(shape.seed);
  for (let outlet = 0; outlet < shape.retellers; outlet += 1) yield retelling(random, outlet);
  for (let index = 0; index < shape.articles; index += 1) yield article(random, index);
}

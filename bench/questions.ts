import { fromGlobalId } from "../src/graphql/global-id.js";
import { BENCH_KEYS, RETOLD_CHAIN } from "./generate.js";

/** One question the benchmark asks three ways. */
export interface Question {
  /** Short name for `--only` and the table. */
  readonly id: string;
  readonly name: string;
  /**
   * Which SPEC target applies: a list's p50 within 1.25x the floor; a traversal's p95 within
   * 250 ms. `nested` lists also owe 1.5x the peer's throughput.
   */
  readonly kind: "list" | "nested" | "traversal";
  /** A traversal's own p95 target in ms, where stricter than SPEC's (the issue asks 100 ms for the retold story). */
  readonly p95TargetMs?: number;
  /** The question through this API. */
  readonly api: { readonly query: string; readonly variables?: Record<string, unknown> };
  /** The same question as one hand-written Cypher query through the driver: the floor. */
  readonly floor: { readonly cypher: string; readonly params?: Record<string, unknown> };
  /** The same question through @neo4j/graphql, where it can express it. */
  readonly peer?: { readonly query: string };
  /**
   * Where the answers can be compared: each side's answer reduced to one JSON value, equal when
   * the floor and the API say the same (checked once per run, reported beside the times).
   */
  readonly sameAnswer?: {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each question's answer has its own shape
    readonly api: (data: any) => unknown;
    readonly floor: (rows: readonly Record<string, unknown>[]) => unknown;
  };
}

const CAUSE_FIELDS =
  "__typename ... on MacroFactor { key } ... on Event { key } ... on PriceMove { key } ... on Asset { symbol } ... on Entity { key } ... on Narrative { key }";
const STORY_FROM = { kind: "MACRO_FACTOR", key: RETOLD_CHAIN[0] };
const STORY_TO = { kind: "PRICE_MOVE", key: RETOLD_CHAIN.at(-1) };
/** The story's BTC move: 2025-09-08 to 09-10 (day 99 to 101 of the generated months). */
const STORY_WINDOW = { from: "2025-09-08T00:00:00Z", to: "2025-09-10T00:00:00Z" };

export const QUESTIONS: readonly Question[] = [
  {
    id: "articles",
    name: "20 newest BTC articles with source, claims and each claim's cause",
    kind: "nested",
    api: {
      query: `{ articles(filter: { asset: "${BENCH_KEYS.asset}" }, first: 20) { edges { node { title source { name } claims { text cause { ${CAUSE_FIELDS} } } } } } }`,
    },
    floor: {
      cypher: `MATCH (:Asset { symbol: $symbol })<-[:MENTIONS]-(a:Article)
        WITH a ORDER BY a.publishedAt DESC LIMIT 20
        RETURN a.title AS title, [(a)-[:PUBLISHED_BY]->(s:Source) | s.name] AS source,
               [(a)-[:MAKES]->(c:Claim) WHERE c.supersededAt IS NULL AND c.retractedAt IS NULL |
                 { text: c.text, cause: [(c)-[:CAUSE]->(x) | coalesce(x.key, x.symbol)] }] AS claims`,
      params: { symbol: BENCH_KEYS.asset },
    },
    peer: {
      query: `{ articles(where: { assets: { some: { symbol: { eq: "${BENCH_KEYS.asset}" } } } }, sort: [{ publishedAt: DESC }], limit: 20) {
        title source { name } claims { text cause { ${CAUSE_FIELDS} } } } }`,
    },
  },
  {
    id: "claims",
    name: "50 newest claims about BTC with confidence at least 0.8",
    kind: "list",
    api: {
      query: `{ claims(filter: { asset: "${BENCH_KEYS.asset}", minConfidence: 0.8 }, first: 50) { edges { node { text confidence article { url } } } } }`,
    },
    floor: {
      cypher: `MATCH (btc:Asset { symbol: $symbol })
        CALL (btc) {
          MATCH (btc)<-[:CAUSE|EFFECT|IF]-(c:Claim) RETURN c
          UNION
          MATCH (btc)<-[:AFFECTS|OF]-()<-[:CAUSE|EFFECT|IF]-(c:Claim) RETURN c
        }
        WITH c WHERE c.confidence >= 0.8 AND c.supersededAt IS NULL AND c.retractedAt IS NULL
        MATCH (a:Article)-[:MAKES]->(c)
        WITH c, a ORDER BY a.publishedAt DESC LIMIT 50
        RETURN c.text AS text, c.confidence AS confidence, a.url AS url`,
      params: { symbol: BENCH_KEYS.asset },
    },
  },
  {
    id: "timeline",
    name: "timeline of BTC, first page of 50",
    kind: "list",
    api: { query: `{ timeline(filter: { asset: "${BENCH_KEYS.asset}" }, first: 50) { edges { node { at kind title } } } }` },
    floor: {
      cypher: `MATCH (btc:Asset { symbol: $symbol })
        CALL (btc) {
          MATCH (btc)<-[:MENTIONS]-(x:Article) RETURN x.publishedAt AS at, x.title AS title
          UNION ALL
          MATCH (btc)<-[:AFFECTS]-(x:Event) WHERE x.occurredAt IS NOT NULL RETURN x.occurredAt AS at, x.title AS title
          UNION ALL
          MATCH (btc)<-[:OF]-(x:PriceMove) RETURN x.startAt AS at, x.key AS title
        }
        RETURN at, title ORDER BY at LIMIT 50`,
      params: { symbol: BENCH_KEYS.asset },
    },
  },
  {
    id: "chains-hub",
    name: "causalChains depth 4, hub factor to a BTC weekly move",
    kind: "traversal",
    api: {
      query: `query ($from: NodeRef!, $to: NodeRef!) { causalChains(from: $from, to: $to, maxDepth: 4, first: 20) { confidence independentSourceCount steps { claim { text } } } }`,
      variables: { from: { kind: "MACRO_FACTOR", key: BENCH_KEYS.hub }, to: { kind: "PRICE_MOVE", key: BENCH_KEYS.hubMove } },
    },
    floor: {
      cypher: `MATCH (s:MacroFactor { key: $from }), (t:PriceMove { key: $to })
        MATCH p = (s)(()-[:LEADS_TO]->()){1,4}(t)
        WITH p, reduce(c = 1.0, r IN relationships(p) | c * r.maxConfidence) AS confidence
        ORDER BY confidence DESC LIMIT 20
        RETURN confidence, [r IN relationships(p) | r.claimIds[0]] AS claims`,
      params: { from: BENCH_KEYS.hub, to: BENCH_KEYS.hubMove },
    },
  },
  {
    id: "chains-retold",
    name: "causalChains depth 5 over the story twenty outlets retell",
    kind: "traversal",
    p95TargetMs: 100,
    api: {
      query: `query ($from: NodeRef!, $to: NodeRef!) { causalChains(from: $from, to: $to, maxDepth: 5) { confidence independentSourceCount steps { claims { text } } } }`,
      variables: { from: STORY_FROM, to: STORY_TO },
    },
    floor: {
      cypher: `MATCH (s:MacroFactor { key: $from }), (t:PriceMove { key: $to })
        MATCH p = (s)(()-[:LEADS_TO]->()){1,5}(t)
        WITH p, reduce(c = 1.0, r IN relationships(p) | c * r.maxConfidence) AS confidence
        ORDER BY confidence DESC LIMIT 50
        RETURN confidence, [r IN relationships(p) | r.claimIds] AS claims`,
      params: { from: STORY_FROM.key, to: STORY_TO.key },
    },
  },
  {
    id: "explain",
    name: "explainPriceMove BTC, the story's two days",
    kind: "traversal",
    api: {
      query: `{ explainPriceMove(symbol: "${BENCH_KEYS.asset}", from: "${STORY_WINDOW.from}", to: "${STORY_WINDOW.to}") {
        moves { key } drivers { score independentSourceCount node { __typename } paths { confidence } } deniedCauses { text } conditionalRisks { text } } }`,
    },
    floor: {
      cypher: `MATCH (btc:Asset { symbol: $symbol })<-[:OF]-(m:PriceMove)
        WHERE m.startAt <= datetime($to) AND m.endAt >= datetime($from)
        MATCH p = (d)(()-[:LEADS_TO]->()){1,3}(m)
        WITH d, max(reduce(c = 1.0, r IN relationships(p) | c * r.maxConfidence)) AS score
        ORDER BY score DESC LIMIT 50
        RETURN elementId(d) AS driver, score`,
      params: { symbol: BENCH_KEYS.asset, ...STORY_WINDOW },
    },
  },
  {
    id: "audit",
    name: "attribution audit of one outlet",
    kind: "list",
    api: {
      query: `{ attributionAudit(filter: { source: "${BENCH_KEYS.outlet}" }, first: 100) {
        summary { total corroborated singleSource uncited conflicting figuresDisputed } claims { status independentSourceCount claim { id } } } }`,
    },
    // The whole audit by hand, from the claims themselves (found by their pair key; not LEADS_TO
    // or other derived data), working once per thing claims share as a careful hand-written
    // query would: every current claim about a pair with its outlet and relation class, once per
    // pair; then per claim the outlets making its stance, whether another outlet opposes it,
    // whether an event it names has amounts more than 10% apart (disputed figures, beside the
    // status), and the status. The summary and the first 100, as the API lists them.
    floor: {
      cypher: `CALL () {
          MATCH (:Source { domain: $domain })<-[:PUBLISHED_BY]-(:Article)-[:MAKES]->(c:Claim) RETURN c
          UNION
          MATCH (:Source { domain: $domain })<-[:ATTRIBUTED_TO]-(c:Claim) RETURN c
        }
        MATCH (a:Article)-[:MAKES]->(c)
        WHERE c.supersededAt IS NULL AND c.retractedAt IS NULL AND c.pair IS NOT NULL
        OPTIONAL MATCH (a)-[:PUBLISHED_BY]->(mine:Source)
        WITH a, c, coalesce(mine.domain, '') AS domain,
             EXISTS {
               MATCH (c)-[:CAUSE|EFFECT|IF]->(e:Event)<-[r1:REPORTS]-(), (e)<-[r2:REPORTS]-()
               WHERE r1.amountUsd - r2.amountUsd > 0.1 * r1.amountUsd
             } AS disputedFigure
        WITH c.pair AS pair, collect({ a: a, c: c, domain: domain, disputedFigure: disputedFigure }) AS inScope
        CALL (pair) {
          MATCH (o:Claim { pair: pair })<-[:MAKES]-(oa:Article)
          WHERE o.supersededAt IS NULL AND o.retractedAt IS NULL
          OPTIONAL MATCH (oa)-[:PUBLISHED_BY]->(s:Source)
          RETURN collect({ polarity: o.polarity, class: CASE o.relation WHEN 'PREVENTS' THEN 'O' WHEN 'PRECEDES' THEN 'T' ELSE 'L' END,
                           domain: s.domain }) AS said
        }
        UNWIND inScope AS entry
        WITH entry.a AS a, entry.c AS c, entry.domain AS domain, entry.disputedFigure AS disputedFigure, said,
             CASE entry.c.relation WHEN 'PREVENTS' THEN 'O' WHEN 'PRECEDES' THEN 'T' ELSE 'L' END AS class
        WITH a, c, disputedFigure,
             size(reduce(seen = [], x IN said | CASE WHEN x.polarity = c.polarity AND x.class = class AND x.domain IS NOT NULL AND NOT x.domain IN seen THEN seen + x.domain ELSE seen END)) AS sources,
             any(x IN said WHERE coalesce(x.domain, '') <> domain
                 AND ((x.class = class AND x.polarity <> c.polarity)
                      OR (x.class <> class AND x.polarity = 'ASSERTED' AND c.polarity = 'ASSERTED' AND x.class <> 'T' AND class <> 'T'))) AS opposed
        WITH a, c, sources, disputedFigure, CASE
               WHEN opposed THEN 'CONFLICTING'
               WHEN sources >= 2 THEN 'CORROBORATED'
               WHEN EXISTS { (c)-[:ATTRIBUTED_TO|SUPPORTED_BY]->() } THEN 'SINGLE_SOURCE'
               ELSE 'UNCITED' END AS status
        ORDER BY a.publishedAt DESC, a.url, c.key
        WITH collect({ id: c.id, status: status, sources: sources, disputedFigure: disputedFigure }) AS audited
        RETURN size(audited) AS total,
               size([x IN audited WHERE x.status = 'CORROBORATED']) AS corroborated,
               size([x IN audited WHERE x.status = 'SINGLE_SOURCE']) AS singleSource,
               size([x IN audited WHERE x.status = 'UNCITED']) AS uncited,
               size([x IN audited WHERE x.status = 'CONFLICTING']) AS conflicting,
               size([x IN audited WHERE x.disputedFigure]) AS figuresDisputed,
               audited[0..100] AS claims`,
      params: { domain: BENCH_KEYS.outlet },
    },
    // The same summary (all six counts) and the same claims listed, in the same order, with the same status and sources.
    sameAnswer: {
      api: (data: {
        attributionAudit: {
          summary: Record<string, number>;
          claims: { status: string; independentSourceCount: number; claim: { id: string } }[];
        };
      }) => {
        const { summary, claims } = data.attributionAudit;
        return [
          [summary.total, summary.corroborated, summary.singleSource, summary.uncited, summary.conflicting, summary.figuresDisputed],
          claims.map((c) => [fromGlobalId(c.claim.id).key, c.status, c.independentSourceCount]),
        ];
      },
      floor: ([row]) => [
        ["total", "corroborated", "singleSource", "uncited", "conflicting", "figuresDisputed"].map((count) => Number(row![count])),
        (row!.claims as { id: string; status: string; sources: unknown }[]).map((c) => [c.id, c.status, Number(c.sources)]),
      ],
    },
  },
];

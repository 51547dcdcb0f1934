import type { CypherRunner } from "../../db/cypher.js";
import { claimVisibleAt, leadsTo } from "../../cypher/claims.js";
import { CAUSAL_LABELS, KEY_PROPERTY, lookupNode, type LabelKey } from "../../cypher/labels.js";

/** One claim behind a hop, as a search weighs it. */
export interface HopClaim {
  readonly id: string;
  readonly confidence: number;
  /** Publishing domain of the claim's article ("" if unknown). */
  readonly domain: string;
  readonly conditional: boolean;
  /** Publication of the claim's article, epoch ms. */
  readonly publishedAt: number;
}

/** Every current claim that `from` leads to `to`: one hop, whatever the number of outlets. */
export interface Hop {
  readonly from: string;
  readonly to: string;
  readonly claims: readonly HopClaim[];
}

/** A node met while expanding: its id for the search, its label and key for loading it, and when it happened. */
export interface MetNode extends LabelKey {
  readonly id: string;
  /** An event's occurredAt or a price move's startAt, epoch ms; null for other nodes and undated events. */
  readonly time: number | null;
}

/** Where hops come from: the derived LEADS_TO (now), or the claims as known at `asOf`. */
export type HopSource = { readonly kind: "current" } | { readonly kind: "asOf"; readonly asOf: string };

export type Direction = "forward" | "backward";

/** Cypher expression: the key of causal node `n`. */
const KEY_OF = (n: string) => `CASE ${CAUSAL_LABELS.map((label) => `WHEN ${n}:${label} THEN ${n}.${KEY_PROPERTY[label]}`).join(" ")} END`;

const NODE_REF = (n: string) =>
  `{ id: elementId(${n}), label: head(labels(${n})), key: ${KEY_OF(n)},
     time: CASE WHEN ${n}:Event THEN ${n}.occurredAt.epochMillis WHEN ${n}:PriceMove THEN ${n}.startAt.epochMillis END }`;

/** Further limits on the hops an expansion fetches. */
export interface HopLimits {
  readonly minConfidence: number;
  /** Leave out hops to nodes (events, price moves) that happened after this instant, epoch ms. */
  readonly notAfter?: number;
  /** Only hops with a claim whose article was published in this window, epoch ms. */
  readonly publishedWithin?: { readonly from: number; readonly to: number };
}

/** Cypher condition: node `v` is an event that occurred, or a price move that started, after `$notAfter` (if set). */
const HAPPENED_AFTER =
  "($notAfter IS NOT NULL AND coalesce((v:Event AND v.occurredAt.epochMillis > $notAfter) OR (v:PriceMove AND v.startAt.epochMillis > $notAfter), false))";

/** The pattern of one hop from `u` in `direction`, binding the other end to `v`. */
function hopPattern(source: HopSource, direction: Direction): string {
  if (source.kind === "current") {
    const pattern = direction === "forward" ? "(u)-[r:LEADS_TO]->(v)" : "(u)<-[r:LEADS_TO]-(v)";
    return `MATCH ${pattern}
      WHERE r.maxConfidence >= $minConfidence AND NOT ${HAPPENED_AFTER}
        AND ($window IS NULL OR any(published IN r.publishedAt WHERE published >= $window.from AND published <= $window.to))`;
  }
  const claim = direction === "forward" ? "(u)<-[:CAUSE]-(c:Claim)-[:EFFECT]->(v)" : "(u)<-[:EFFECT]-(c:Claim)-[:CAUSE]->(v)";
  return `MATCH ${claim}
    WHERE c.polarity = 'ASSERTED' AND ${leadsTo("c")} AND c.confidence >= $minConfidence AND ${claimVisibleAt("c")} AND NOT ${HAPPENED_AFTER}`;
}

/** The hop's claims as parallel lists, from LEADS_TO's properties or from the matched claims. */
function hopClaims(source: HopSource): string {
  if (source.kind === "current") {
    return `WITH u, v, r.claimIds AS ids, r.confidences AS confidences, r.domains AS domains, r.conditional AS conditional, r.publishedAt AS published`;
  }
  return `MATCH (a:Article)-[:MAKES]->(c)
    OPTIONAL MATCH (a)-[:PUBLISHED_BY]->(s:Source)
    WITH u, v, collect(c.id) AS ids, collect(c.confidence) AS confidences, collect(coalesce(s.domain, '')) AS domains,
         collect(c.modality = 'CONDITIONAL') AS conditional, collect(coalesce(a.publishedAt.epochMillis, 0)) AS published`;
}

/**
 * One round trip: every hop out of (forward) or into (backward) the nodes with the given ids,
 * with its claims, and the nodes at the other ends, within the limits (no hop whose every
 * claim is below minConfidence). The limits only narrow what is fetched; callers still weigh
 * each hop's claims (see path-search.ts).
 */
export async function expandHops(
  cypher: CypherRunner,
  params: { ids: readonly string[]; direction: Direction; source: HopSource; limits: HopLimits },
): Promise<{ hops: Hop[]; nodes: MetNode[] }> {
  if (params.ids.length === 0) return { hops: [], nodes: [] };
  const rows = await cypher.read<{ u: string; v: MetNode; ids: string[]; confidences: number[]; domains: string[]; conditional: boolean[]; published: number[] }>(
    `UNWIND $ids AS id
     MATCH (u) WHERE elementId(u) = id
     ${hopPattern(params.source, params.direction)}
     ${hopClaims(params.source)}
     RETURN elementId(u) AS u, ${NODE_REF("v")} AS v, ids, confidences, domains, conditional, published`,
    {
      ids: params.ids,
      minConfidence: params.limits.minConfidence,
      notAfter: params.limits.notAfter ?? null,
      window: params.limits.publishedWithin ?? null,
      asOf: params.source.kind === "asOf" ? params.source.asOf : null,
    },
  );
  const hops = rows.map((row) => {
    const claims = row.ids.map((id, i) => ({
      id,
      confidence: row.confidences[i]!,
      domain: row.domains[i] ?? "",
      conditional: row.conditional[i] ?? false,
      publishedAt: row.published[i] ?? 0,
    }));
    return params.direction === "forward" ? { from: row.u, to: row.v.id, claims } : { from: row.v.id, to: row.u, claims };
  });
  return { hops, nodes: rows.map((row) => row.v) };
}

/** The ids of nodes by label and key, in one round trip; absent ones are left out. */
export async function findNodes(cypher: CypherRunner, refs: readonly LabelKey[]): Promise<Map<string, MetNode>> {
  const rows = await cypher.read<{ ref: string; node: MetNode }>(
    `UNWIND $refs AS req
     ${lookupNode("req", CAUSAL_LABELS)}
     RETURN req.label + ':' + req.key AS ref, ${NODE_REF("node")} AS node`,
    { refs: refs.map(({ label, key }) => ({ label, key })) },
  );
  return new Map(rows.map((row) => [row.ref, row.node]));
}

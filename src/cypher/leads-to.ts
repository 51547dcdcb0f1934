import type { WriteTransaction } from "../db/cypher-runner.js";
import { PAIR_KEY_OF } from "./claim-pair.js";
import { claimIsCurrent, leadsTo } from "./claims.js";

/**
 * LEADS_TO: the claims that lead from one node to another, collapsed into one relationship
 * per (cause, effect) pair, so a traversal's cost does not grow with how many outlets retell
 * the same link. `(x)-[:LEADS_TO]->(y)` exists while at least one current claim (asserted,
 * with a leads-to relation, neither superseded nor retracted) has cause x and effect y, and
 * lists them in parallel arrays (a recompute orders them most confident first; appends do not):
 *   claimIds, confidences, domains (the publishing outlet, "" if none), conditional (modality
 *   CONDITIONAL), publishedAt (the article's publication, epoch ms); and their summaries, so a
 *   search can weigh a hop without reading the lists: maxConfidence and sources (distinct
 *   domains) over all the claims, factConfidence (0 if none) and factSources over those not
 *   CONDITIONAL; and `pair`, the pair's key (see claim-pair.ts, indexed), so the LEADS_TO of a
 *   pair is found without expanding a hub's relationships.
 * It is derived data, kept in step with the claims in the same transaction as every ingest and
 * retraction; questions asked `asOf` an earlier time read the claims themselves.
 *
 * STRONG_LEADS_TO: beside each LEADS_TO whose bound (maxConfidence × (1 + 0.5 × (sources − 1)),
 * the most any chain through the hop can score, and at least its best confidence) is at least
 * STRONG_FROM, a copy of its summaries (maxConfidence, sources, factConfidence, factSources),
 * its `pair` key (indexed), and the earliest and latest of its claims' publication times
 * (firstPublished, lastPublished, epoch ms). Neo4j keeps a node's relationships by type, so a
 * search level that may leave out every hop below a floor of at least STRONG_FROM reads only
 * these: a hub's strong hops, not all of them; and one that wants claims published in a window
 * reads the claims of only the hops whose times overlap it. Kept in step with LEADS_TO by the
 * same statements.
 */

/** The bound from which a LEADS_TO has its STRONG_LEADS_TO. */
export const STRONG_FROM = 0.9;

/** Cypher expression: the bound of LEADS_TO `r` that STRONG_LEADS_TO is kept by. */
const STRONG_BOUND = (r: string) => `${r}.maxConfidence * (1 + 0.5 * (${r}.sources - 1))`;

/**
 * Cypher that brings the STRONG_LEADS_TO from `x` to `y` in step with their LEADS_TO `r` (or
 * its absence: `r` null): present, with `r`'s pair key and summaries, exactly when `r`'s bound
 * is at least STRONG_FROM. It is found by its pair key (indexed), never by expanding `x` or `y`.
 */
function syncStrong(x: string, y: string, r: string): string {
  return `CALL (${x}, ${y}, ${r}) {
    OPTIONAL MATCH ()-[old:STRONG_LEADS_TO { pair: ${PAIR_KEY_OF(x, y)} }]->()
    WITH ${x}, ${y}, ${r}, old, ${r} IS NOT NULL AND ${STRONG_BOUND(r)} >= ${STRONG_FROM} AS keep
    CALL (old, keep) {
      WITH old, keep WHERE old IS NOT NULL AND NOT keep
      DELETE old
    }
    CALL (${r}, old, keep) {
      WITH ${r}, old, keep WHERE old IS NOT NULL AND keep
      SET ${SUMMARIES("old", r)}
    }
    CALL (${x}, ${y}, ${r}, old, keep) {
      WITH ${x}, ${y}, ${r}, old, keep WHERE old IS NULL AND keep
      CREATE (${x})-[strong:STRONG_LEADS_TO]->(${y})
      SET strong.pair = ${PAIR_KEY_OF(x, y)}, ${SUMMARIES("strong", r)}
    }
  }`;
}

/** Cypher SET items: STRONG_LEADS_TO `s` takes LEADS_TO `r`'s summaries and the range of its publication times. */
const SUMMARIES = (s: string, r: string) =>
  [
    ...["maxConfidence", "sources", "factConfidence", "factSources"].map((p) => `${s}.${p} = ${r}.${p}`),
    `${s}.firstPublished = reduce(first = head(${r}.publishedAt), t IN ${r}.publishedAt | CASE WHEN t < first THEN t ELSE first END)`,
    `${s}.lastPublished = reduce(last = head(${r}.publishedAt), t IN ${r}.publishedAt | CASE WHEN t > last THEN t ELSE last END)`,
  ].join(", ");

/**
 * Cypher that locks the pair from node `x` to node `y` for the rest of the transaction: the
 * write locks of both nodes (a property written and removed; Neo4j keeps write locks to the
 * end of the transaction). Every writer of a pair's LEADS_TO and STRONG_LEADS_TO takes it
 * before reading them or the pair's claims, so concurrent writers of one pair run one after
 * the other and each reads what the one before committed: without it, two transactions
 * appending to the same LEADS_TO both read the old lists and the later write loses the
 * other's. The nodes, not the LEADS_TO, because a pair may have none yet, or lose it to a
 * concurrent recompute while a writer waits.
 */
const LOCK_PAIR = (x: string, y: string) => `SET ${x}._lock_ = true, ${y}._lock_ = true REMOVE ${x}._lock_, ${y}._lock_`;

/** Cypher condition: claim `c` is one LEADS_TO collects. */
const COLLECTED = (c: string) => `${c}.polarity = 'ASSERTED' AND ${leadsTo(c)} AND ${claimIsCurrent(c)}`;

/**
 * Cypher that recomputes the LEADS_TO of every (cause, effect) pair the claims bound to
 * `touched` by `touchedClaims` name, now or in an earlier version (PAST_ links), from the
 * claims current now.
 */
export function recomputeFor(touchedClaims: string): string {
  return recomputePairs(`${touchedClaims}
  MATCH (x)<-[:CAUSE|PAST_CAUSE]-(touched)-[:EFFECT|PAST_EFFECT]->(y)`);
}

/** Cypher that recomputes the LEADS_TO of every pair of nodes `pairs` binds to `x` and `y` (a clause), from the claims current now. */
export function recomputePairs(pairs: string): string {
  return `${pairs}
  WITH DISTINCT x, y
  // Its claims are read under the pair's lock (see LOCK_PAIR).
  ${LOCK_PAIR("x", "y")}
  WITH x, y
  CALL (x, y) {
    MATCH (x)<-[:CAUSE]-(c:Claim)-[:EFFECT]->(y)
    WHERE ${COLLECTED("c")}
    MATCH (a:Article)-[:MAKES]->(c)
    OPTIONAL MATCH (a)-[:PUBLISHED_BY]->(s:Source)
    WITH c, a, coalesce(s.domain, '') AS domain, c.modality = 'CONDITIONAL' AS conditional ORDER BY c.confidence DESC, c.id
    RETURN collect(c.id) AS ids, collect(c.confidence) AS confidences, collect(domain) AS domains,
           collect(conditional) AS conditional, collect(coalesce(a.publishedAt.epochMillis, 0)) AS publishedAt,
           count(DISTINCT domain) AS sources, coalesce(max(CASE WHEN NOT conditional THEN c.confidence END), 0.0) AS factConfidence,
           count(DISTINCT CASE WHEN NOT conditional THEN domain END) AS factSources
  }
  CALL (x, y, ids) {
    MATCH (x)-[stale:LEADS_TO]->(y) WHERE size(ids) = 0
    DELETE stale
  }
  CALL (x, y, ids, confidences, domains, conditional, publishedAt, sources, factConfidence, factSources) {
    WITH * WHERE size(ids) > 0
    MERGE (x)-[r:LEADS_TO]->(y)
    SET r.pair = ${PAIR_KEY_OF("x", "y")}, r.claimIds = ids, r.confidences = confidences, r.domains = domains, r.conditional = conditional,
        r.publishedAt = publishedAt, r.maxConfidence = confidences[0],
        r.sources = sources, r.factConfidence = factConfidence, r.factSources = factSources
  }
  // The pair's LEADS_TO as it now is (none if deleted), by its indexed key.
  OPTIONAL MATCH ()-[r:LEADS_TO { pair: ${PAIR_KEY_OF("x", "y")} }]->()
  ${syncStrong("x", "y", "r")}`;
}

/** Recomputes the pairs the claims with ids `$claimIds` name. */
const RECOMPUTE_FOR_CLAIMS = recomputeFor("UNWIND $claimIds AS claimId MATCH (touched:Claim { id: claimId })");

/** Recomputes the pairs every claim (current or not) of the articles with internal ids `$articleIds` names. */
export const RECOMPUTE_FOR_ARTICLES = recomputeFor(
  "UNWIND $articleIds AS articleId MATCH (:Article { id: articleId })-[:MAKES]->(touched:Claim)",
);

/** Brings the LEADS_TO of every pair the given claims name up to date, in the caller's transaction. */
export async function recomputeLeadsTo(tx: WriteTransaction, claimIds: readonly string[]): Promise<void> {
  if (claimIds.length > 0) await tx.run(RECOMPUTE_FOR_CLAIMS, { claimIds });
}

/**
 * Adds newly created claims to the LEADS_TO of their pairs, creating it where missing: for
 * claims of articles new to the graph, which can only add to a pair. `$claims` holds maps
 * `{ id, confidence, domain, conditional, publishedAt }` of claims LEADS_TO collects.
 */
export const APPEND_TO_LEADS_TO = `UNWIND $claims AS claim
  MATCH (cause)<-[:CAUSE]-(:Claim { id: claim.id })-[:EFFECT]->(effect)
  // One row per pair, so that what a pair already holds is read once, before this batch adds to it.
  WITH cause, effect, collect(claim) AS added
  // What the pair holds is read under its lock (see LOCK_PAIR).
  ${LOCK_PAIR("cause", "effect")}
  MERGE (cause)-[r:LEADS_TO]->(effect)
  ON CREATE SET r.pair = ${PAIR_KEY_OF("cause", "effect")}, r.claimIds = [], r.confidences = [], r.domains = [], r.conditional = [], r.publishedAt = [], r.maxConfidence = 0.0,
                r.sources = 0, r.factConfidence = 0.0, r.factSources = 0
  WITH r, added, [i IN range(0, size(r.domains) - 1) WHERE NOT r.conditional[i] | r.domains[i]] AS factDomains
  WITH r, added,
       reduce(seen = [], d IN [c IN added | c.domain] | CASE WHEN d IN seen OR d IN r.domains THEN seen ELSE seen + d END) AS newSources,
       reduce(seen = [], d IN [c IN added WHERE NOT c.conditional | c.domain] | CASE WHEN d IN seen OR d IN factDomains THEN seen ELSE seen + d END) AS newFactSources,
       reduce(best = r.maxConfidence, c IN added | CASE WHEN c.confidence > best THEN c.confidence ELSE best END) AS maxConfidence,
       reduce(best = r.factConfidence, c IN added | CASE WHEN NOT c.conditional AND c.confidence > best THEN c.confidence ELSE best END) AS factConfidence
  SET r.claimIds = r.claimIds + [c IN added | c.id], r.confidences = r.confidences + [c IN added | c.confidence],
      r.domains = r.domains + [c IN added | c.domain], r.conditional = r.conditional + [c IN added | c.conditional],
      r.publishedAt = r.publishedAt + [c IN added | c.publishedAt],
      r.maxConfidence = maxConfidence, r.sources = r.sources + size(newSources),
      r.factConfidence = factConfidence, r.factSources = r.factSources + size(newFactSources)
  WITH startNode(r) AS cause, endNode(r) AS effect, r
  ${syncStrong("cause", "effect", "r")}`;

/** Gives the STRONG_LEADS_TO `s` what LEADS_TO `r` of its pair holds now; for a data migration. */
export const STRONG_LEADS_TO_FROM = `SET ${SUMMARIES("s", "r")}`;

/** Gives every LEADS_TO `r` (from `x` to `y`) strong enough its STRONG_LEADS_TO; for a data migration. */
export const STRONG_LEADS_TO_OF = `WITH x, y, r WHERE ${STRONG_BOUND("r")} >= ${STRONG_FROM}
  ${syncStrong("x", "y", "r")}`;

/**
 * Gives a LEADS_TO written before the summaries (sources, factConfidence, factSources) its
 * summaries, from its own lists; for a data migration.
 */
export const SUMMARISE_LEADS_TO = `WITH r, [i IN range(0, size(r.claimIds) - 1) WHERE NOT r.conditional[i]] AS facts
  SET r.sources = size(reduce(seen = [], d IN r.domains | CASE WHEN d IN seen THEN seen ELSE seen + d END)),
      r.factConfidence = reduce(best = 0.0, i IN facts | CASE WHEN r.confidences[i] > best THEN r.confidences[i] ELSE best END),
      r.factSources = size(reduce(seen = [], i IN facts | CASE WHEN r.domains[i] IN seen THEN seen ELSE seen + r.domains[i] END))`;

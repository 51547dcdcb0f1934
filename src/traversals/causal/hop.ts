import type { LabelKey } from "../../cypher/labels.js";

// The causal engine's model: what a traversal reads (hops and the nodes they reach) and what
// bounds its reading (floors and reach). How they are used: docs/traversals.md.

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

/** Every current claim that `from` leads to `to`: one hop, whatever the number of outlets (docs/traversals.md#hops-and-summaries). */
export interface Hop {
  readonly from: string;
  readonly to: string;
  /**
   * Its claims (on a level read with HopLimits.publishedWithin, only those published in the
   * window); absent when the hop was read from LEADS_TO's summaries instead (see HopSource).
   */
  readonly claims?: readonly HopClaim[];
  /** Its weight from LEADS_TO's summaries, for the source's claim filter: present exactly when claims are not. */
  readonly summary?: { readonly confidence: number; readonly sources: number; readonly includeConditional: boolean };
}

/** A node reached while expanding: its id for the search, and when it happened. */
export interface ReachedNode {
  readonly id: string;
  /** An event's occurredAt or a price move's startAt, epoch ms; null for other nodes and undated events. */
  readonly time: number | null;
  /** When it was over: an event's endedAt (else its occurredAt) or a price move's endAt (else its startAt), epoch ms; null where time is. */
  readonly end: number | null;
}

/** A node as an answer names it: also its label and key, for loading it. */
export interface MetNode extends LabelKey, ReachedNode {
  /** Its LEADS_TO out and in degrees, where the lookup read them (findNodes). */
  readonly outDegree?: number;
  readonly inDegree?: number;
}

/**
 * Where hops come from: the derived LEADS_TO (now) with its claims; LEADS_TO's summaries only
 * (now, for the plain claim filter: every claim, conditional ones only if asked, no other
 * test), which spares reading the claim lists of every hop in reach; or the claims as known
 * at `asOf`.
 */
export type HopSource =
  | { readonly kind: "current" }
  | { readonly kind: "summary"; readonly includeConditional: boolean }
  | { readonly kind: "asOf"; readonly asOf: string };

export type Direction = "forward" | "backward";

/** Further limits on the hops an expansion fetches. */
export interface HopLimits {
  readonly minConfidence: number;
  /** Leave out hops to nodes (events, price moves) that happened after this instant, epoch ms. */
  readonly notAfter?: number;
  /** Only hops with a claim whose article was published in this window, epoch ms, and of their claims only those. */
  readonly publishedWithin?: { readonly from: number; readonly to: number };
}

/**
 * A floor under the hops a level fetches (docs/traversals.md#floors): by "confidence", a
 * chain's confidence; by "score", confidence × (1 + 0.5 × (outlets − 1)). A level that would
 * fetch more than FLOOR_ABOVE_HOPS hops leaves out the hops no chain reaching their node can
 * carry over it (see Reach); smaller levels are fetched whole.
 */
export interface Floor {
  readonly by: "confidence" | "score";
  readonly value: number;
}

/** Hops a level fetches whole, whatever the floor. */
export const FLOOR_ABOVE_HOPS = 500;

/**
 * The least bound that clears a floor: a little below it, because a bound and the chain it
 * bounds multiply the same confidences in another order, which may differ in the last bits,
 * and a chain exactly at the floor must never be left out.
 */
export const leastClearing = (floor: Floor) => floor.value - 1e-9;

/**
 * What the chains that reached a node bring to a hop from it, at the most: their best
 * confidence and the most outlets behind all of their hops (docs/traversals.md#reach).
 */
export interface Reach {
  readonly confidence: number;
  readonly sources: number;
}

/** Reach of a node no chain has come through yet (a start or target): it limits nothing. */
export const UNREACHED: Reach = { confidence: 1, sources: Number.MAX_SAFE_INTEGER };

/** The most a chain through a hop can reach by the floor's measure, given the reach of its node and the hop's best confidence and outlets. */
export function hopBound(floor: Floor, reach: Reach, best: number, count: number): number {
  const confidence = reach.confidence * best;
  return floor.by === "confidence" ? confidence : confidence * (1 + 0.5 * (Math.min(count, reach.sources) - 1));
}

/** The most a chain that brings `reach` can still score, by the floor's measure. */
export function reachBound(floor: Floor, reach: Reach): number {
  return floor.by === "confidence" ? reach.confidence : reach.confidence * (1 + 0.5 * (reach.sources - 1));
}

/** One level to read: the hops out of (forward) or into (backward) the nodes `ids`. */
export interface LevelRequest {
  readonly ids: readonly string[];
  /** What the chains reaching each of `ids` bring (same order); UNREACHED where absent. */
  readonly reach?: readonly Reach[];
  readonly direction: Direction;
  readonly source: HopSource;
  readonly limits: HopLimits;
  readonly floor?: Floor | null;
  /** Keep only hops whose other end is one of these ids (a search's last level). */
  readonly within?: readonly string[];
  /** What the level would fetch (the sum of the nodes' LEADS_TO degrees in the direction), where the caller knows it. */
  readonly fetch?: number;
}

/** One level's read: the hops, the nodes at their other ends, and the strongest hop the floor left out (null if none). */
export interface Expansion {
  readonly hops: Hop[];
  readonly nodes: ReachedNode[];
  /** Per node reached, its LEADS_TO degree in the same direction: what expanding it next would fetch (0 on a level kept `within`, which has no next). */
  readonly onward: ReadonlyMap<string, number>;
  readonly weakest: number | null;
  /** Whether the floor applied (the level was large): if not, it fetched every hop within the limits. */
  readonly floored: boolean;
}

/**
 * Reads one level in one round trip (hops.repository.ts's expandHops does, from Neo4j): every
 * hop out of or into the request's nodes within its limits (on a `within` level, only those
 * into `within`) and, on a level that would fetch more than FLOOR_ABOVE_HOPS hops, at least
 * every hop whose hopBound for its node's reach clears the floor (leastClearing); `weakest`
 * bounds from above the hopBound of every hop it left out (null when it left none out).
 */
export type ReadLevel = (request: LevelRequest) => Promise<Expansion>;

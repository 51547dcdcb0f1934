import DataLoader from "dataloader";
import type { CypherRunner } from "../../db/cypher-runner.js";
import { nestedConnectionLoader } from "../../cypher/connection-loader.js";
import { neighboursLoader, neighboursWithOptionsLoader } from "../../cypher/neighbours.js";
import { mergeSelections, selectionKey, type NodeSelection } from "../../cypher/projection.js";
import type { Narrative } from "../narrative/narrative.type.js";
import { toCausalNode, type CausalNodeValue } from "../event/causal-node.mapper.js";
import { toNarrative } from "../narrative/narrative.mapper.js";
import { toSource } from "../source/source.mapper.js";
import type { NodeRow } from "../../cypher/projection.js";
import { toClaim } from "./claim.mapper.js";
import type { Source } from "../source/source.type.js";
import type { Claim } from "./claim.type.js";
import {
  ATTRIBUTED_TO_OF_CLAIM,
  ATTRIBUTED_TO_OF_CLAIM_AT,
  CLAIMS_ABOUT,
  CONTESTING_CLAIMS,
  endpointsQuery,
  NARRATIVES_OF_CLAIM,
  NARRATIVES_OF_CLAIM_AT,
} from "./claim.cypher.js";

/** One of a claim's links to ask for: its cause, its effect or its conditions (IF). */
export interface EndpointRequest {
  readonly uid: string;
  readonly role: "CAUSE" | "EFFECT" | "IF";
  /** What to read of the linked nodes (all of each when absent). */
  readonly select?: NodeSelection;
  /** Read the links the claim held at this time (ISO date-time), current or since dropped; absent: its current links. */
  readonly asOf?: string;
}

/**
 * Causes, effects and conditions of many claims in one query (the three fields share it): the
 * nodes each request's claim links to in its role, by element id. Claims about one story name
 * the same few nodes again and again, so each node is projected once.
 */
function endpointsLoader(cypher: CypherRunner): DataLoader<EndpointRequest, CausalNodeValue[], string> {
  return new DataLoader(
    async (requests) => {
      const select = mergeSelections(requests.map((request) => request.select));
      const [row] = await cypher.read<{ links: { index: number; node: string }[]; nodes: { ref: string; node: NodeRow }[] }>(
        endpointsQuery(
          select,
          requests.some((request) => request.asOf !== undefined),
        ),
        { requests: requests.map((request, index) => ({ index, uid: request.uid, role: request.role, asOf: request.asOf ?? null })) },
      );
      const nodes = new Map((row?.nodes ?? []).map(({ ref, node }) => [ref, toCausalNode(node)]));
      const byIndex = new Map<number, CausalNodeValue[]>();
      for (const link of row?.links ?? []) {
        const node = nodes.get(link.node);
        if (node) byIndex.set(link.index, [...(byIndex.get(link.index) ?? []), node]);
      }
      return requests.map((_, index) => byIndex.get(index) ?? []);
    },
    { cacheKeyFn: (request) => JSON.stringify([request.uid, request.role, request.asOf ?? null, selectionKey(request.select)]) },
  );
}

export type AsOf = { readonly asOf: string };

/** A (cause, effect) pair's key (claim-pair.ts) and the time to look at (null: now). */
export interface PairAt {
  readonly pair: string;
  readonly asOf: string | null;
}

/** The claims contesting each pair's leads-to stance from outlets that do not assert it (CONTESTING_CLAIMS), in one query per batch. */
function contestingLoader(cypher: CypherRunner): DataLoader<PairAt, Claim[], string> {
  return new DataLoader(
    async (requests) => {
      const rows = await cypher.read<{ index: number; claims: NodeRow[] }>(CONTESTING_CLAIMS, {
        requests: requests.map((request, index) => ({ index, pair: request.pair, asOf: request.asOf })),
      });
      const byIndex = new Map(rows.map((row) => [row.index, row.claims.map(toClaim)]));
      return requests.map((_, index) => byIndex.get(index) ?? []);
    },
    { cacheKeyFn: (request) => `${request.pair}@${request.asOf ?? ""}` },
  );
}

/** Per-request loaders of a claim's links, keyed by the claim's internal id. */
export function createClaimLoaders(cypher: CypherRunner) {
  return {
    endpointsOfClaim: endpointsLoader(cypher),
    attributedToOfClaim: neighboursLoader<Source>(cypher, ATTRIBUTED_TO_OF_CLAIM, toSource),
    narrativesOfClaim: neighboursLoader<Narrative>(cypher, NARRATIVES_OF_CLAIM, toNarrative),
    /** The same lists as a claim held them at `options.asOf`. */
    attributedToOfClaimAt: neighboursWithOptionsLoader<Source, AsOf>(cypher, ATTRIBUTED_TO_OF_CLAIM_AT, toSource),
    narrativesOfClaimAt: neighboursWithOptionsLoader<Narrative, AsOf>(cypher, NARRATIVES_OF_CLAIM_AT, toNarrative),
    /** Claims about a node visible by `req.options`, in the role `req.variant` (CAUSE, EFFECT, CONDITION or ANY). */
    claimsAbout: nestedConnectionLoader<Claim>(cypher, CLAIMS_ABOUT, toClaim),
    /** Claims contesting a pair's leads-to stance from other outlets (a causal step's denials). */
    contestingOfPair: contestingLoader(cypher),
  };
}

declare module "../../context.js" {
  interface Loaders extends ReturnType<typeof createClaimLoaders> {}
}

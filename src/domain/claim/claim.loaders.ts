import DataLoader from "dataloader";
import type { CypherRunner } from "../../db/cypher-runner.js";
import { nestedConnectionLoader } from "../../cypher/connection-loader.js";
import { linkHeldAt, linkRole, linkTypes } from "../../cypher/link-history.js";
import { neighboursLoader, neighboursWithOptionsLoader } from "../../cypher/neighbours.js";
import { mergeSelections, projectNode, selectionKey, type NodeSelection } from "../../cypher/projection.js";
import type { Narrative } from "../narrative/narrative.type.js";
import { toCausalNode, type CausalNodeValue } from "../event/causal-node.mapper.js";
import { toNarrative } from "../narrative/narrative.mapper.js";
import { toSource } from "../source/source.mapper.js";
import type { NodeRow } from "../../cypher/projection.js";
import { toClaim } from "./claim.mapper.js";
import type { Source } from "../source/source.type.js";
import { VISIBILITY_OF_REQUEST } from "./claim-visibility.args.js";
import { claimVisibleAt } from "../../cypher/claims.js";
import type { Claim } from "./claim.type.js";

/** One of a claim's links to ask for: its cause, its effect or its conditions (IF). */
export interface EndpointRequest {
  readonly uid: string;
  readonly role: "CAUSE" | "EFFECT" | "IF";
  /** What to read of the linked nodes (all of each when absent). */
  readonly select?: NodeSelection;
  /** Read the links the claim held at this time (ISO date-time), current or since dropped; absent: its current links. */
  readonly asOf?: string;
}

/** The pattern and condition of a claim's links in a request's role: current ones, or, in a batch with asOf, those held then. */
function endpointsMatch(past: boolean): string {
  if (!past) return "MATCH (c:Claim { id: req.uid })-[r:CAUSE|EFFECT|IF]->(n) WHERE type(r) = req.role";
  return `MATCH (c:Claim { id: req.uid })-[r:${linkTypes(["CAUSE", "EFFECT", "IF"], true)}]->(n)
         WHERE ${linkRole("r")} = req.role
           AND CASE WHEN req.asOf IS NULL THEN NOT type(r) STARTS WITH 'PAST_' ELSE ${linkHeldAt("r", "req.asOf")} END`;
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
        `UNWIND $requests AS req
         ${endpointsMatch(requests.some((request) => request.asOf !== undefined))}
         WITH req, n ORDER BY elementId(n)
         WITH collect({ index: req.index, node: elementId(n) }) AS links, collect(DISTINCT n) AS nodes
         RETURN links, [n IN nodes | { ref: elementId(n), node: ${projectNode("n", select)} }] AS nodes`,
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

export const byClaim = (pattern: string, orderBy: string) => ({ parent: "Claim" as const, pattern, orderBy });

/** A claim's links of `type` to nodes labelled `target` that it held at `req.options.asOf`, current or since dropped. */
export const heldByClaim = (type: string, target: string, orderBy: string) => ({
  parent: "Claim" as const,
  pattern: `(parent)-[r:${linkTypes([type], true)}]->(n:${target})`,
  where: linkHeldAt("r", "req.options.asOf"),
  orderBy,
});

export type AsOf = { readonly asOf: string };

/** Per-request loaders of a claim's links, keyed by the claim's internal id. */
export function createClaimLoaders(cypher: CypherRunner) {
  return {
    endpointsOfClaim: endpointsLoader(cypher),
    attributedToOfClaim: neighboursLoader<Source>(cypher, byClaim("(parent)-[:ATTRIBUTED_TO]->(n:Source)", "n.domain"), toSource),
    narrativesOfClaim: neighboursLoader<Narrative>(cypher, byClaim("(parent)-[:ADVANCES]->(n:Narrative)", "n.key"), toNarrative),
    /** The same lists as a claim held them at `options.asOf`. */
    attributedToOfClaimAt: neighboursWithOptionsLoader<Source, AsOf>(cypher, heldByClaim("ATTRIBUTED_TO", "Source", "n.domain"), toSource),
    narrativesOfClaimAt: neighboursWithOptionsLoader<Narrative, AsOf>(cypher, heldByClaim("ADVANCES", "Narrative", "n.key"), toNarrative),
    /** Claims about a node visible by `req.options`, in the role `req.variant` (CAUSE, EFFECT, CONDITION or ANY). */
    claimsAbout: nestedConnectionLoader<Claim>(cypher, {
      parents: ["Asset", "Entity", "MacroFactor", "Event", "PriceMove", "Narrative"],
      // Asked asOf an earlier time, the links the claims held then, current or since dropped.
      items: `MATCH (item:Claim)-[r:${linkTypes(["CAUSE", "EFFECT", "IF", "ADVANCES"], true)}]->(node)
              WHERE CASE WHEN req.options.now THEN NOT type(r) STARTS WITH 'PAST_' ELSE ${linkHeldAt("r", "req.options.asOf")} END
                AND ${claimVisibleAt("item", VISIBILITY_OF_REQUEST)}
                AND (req.variant = 'ANY' OR (req.variant = 'CONDITION' AND ${linkRole("r")} = 'IF') OR ${linkRole("r")} = req.variant)
              RETURN item`,
    }, toClaim),
  };
}

declare module "../../context.js" {
  interface Loaders extends ReturnType<typeof createClaimLoaders> {}
}

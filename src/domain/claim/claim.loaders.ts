import DataLoader from "dataloader";
import type { CypherRunner } from "../../db/cypher.js";
import { nestedConnectionLoader } from "../../cypher/connection-loader.js";
import { neighboursLoader } from "../../cypher/neighbours.js";
import { projectNode } from "../../cypher/projection.js";
import type { Article } from "../article/article.type.js";
import type { Narrative } from "../narrative/narrative.type.js";
import { toGraphNode, type GraphNode, type NodeRow, toNodeOf } from "../node/node.mapper.js";
import type { Source } from "../source/source.type.js";
import { VISIBILITY_OF_REQUEST } from "./claim-visibility.args.js";
import { claimVisibleAt } from "../../cypher/claims.js";
import type { Claim } from "./claim.type.js";

export interface ClaimEndpoints {
  cause: GraphNode | null;
  effect: GraphNode | null;
  conditions: GraphNode[];
}

/**
 * Cause, effect and conditions of many claims in one query (the three fields share it). Claims
 * about one story name the same few nodes again and again, so each node is projected once.
 */
function endpointsLoader(cypher: CypherRunner): DataLoader<string, ClaimEndpoints> {
  return new DataLoader(async (uids) => {
    const [row] = await cypher.read<{ links: { uid: string; role: string; node: string }[]; nodes: { ref: string; node: NodeRow }[] }>(
      `UNWIND $uids AS uid
       MATCH (c:Claim { id: uid })-[r:CAUSE|EFFECT|IF]->(n)
       WITH uid, r, n ORDER BY type(r), elementId(n)
       WITH collect({ uid: uid, role: type(r), node: elementId(n) }) AS links, collect(DISTINCT n) AS nodes
       RETURN links, [n IN nodes | { ref: elementId(n), node: ${projectNode("n")} }] AS nodes`,
      { uids },
    );
    const nodes = new Map((row?.nodes ?? []).map(({ ref, node }) => [ref, toGraphNode(node)]));
    const byUid = new Map<string, { role: string; node: GraphNode }[]>();
    for (const link of row?.links ?? []) {
      const node = nodes.get(link.node);
      if (!node) continue;
      const links = byUid.get(link.uid) ?? [];
      links.push({ role: link.role, node });
      byUid.set(link.uid, links);
    }
    return uids.map((uid) => {
      const links = byUid.get(uid) ?? [];
      return {
        cause: links.find((link) => link.role === "CAUSE")?.node ?? null,
        effect: links.find((link) => link.role === "EFFECT")?.node ?? null,
        conditions: links.filter((link) => link.role === "IF").map((link) => link.node),
      };
    });
  });
}

const byClaim = (pattern: string, orderBy: string) => ({ parent: "Claim" as const, pattern, orderBy });

/** Per-request loaders of a claim's links, keyed by the claim's internal id. */
export function createClaimLoaders(cypher: CypherRunner) {
  return {
    endpointsOfClaim: endpointsLoader(cypher),
    attributedToOfClaim: neighboursLoader<Source>(cypher, byClaim("(parent)-[:ATTRIBUTED_TO]->(n:Source)", "n.domain"), toNodeOf<Source>),
    supportedByOfClaim: neighboursLoader<Article>(cypher, byClaim("(parent)-[:SUPPORTED_BY]->(n:Article)", "n.url"), toNodeOf<Article>),
    narrativesOfClaim: neighboursLoader<Narrative>(cypher, byClaim("(parent)-[:ADVANCES]->(n:Narrative)", "n.key"), toNodeOf<Narrative>),
    /** Claims about a node visible by `req.options`, in the role `req.variant` (CAUSE, EFFECT, CONDITION or ANY). */
    claimsAbout: nestedConnectionLoader<Claim>(cypher, {
      parents: ["Asset", "Entity", "MacroFactor", "Event", "PriceMove", "Narrative"],
      items: `MATCH (item:Claim)-[r:CAUSE|EFFECT|IF|ADVANCES]->(node)
              WHERE ${claimVisibleAt("item", VISIBILITY_OF_REQUEST)}
                AND (req.variant = 'ANY' OR (req.variant = 'CONDITION' AND type(r) = 'IF') OR type(r) = req.variant)
              RETURN item`,
    }, toNodeOf<Claim>),
  };
}

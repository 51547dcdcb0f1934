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

/** Cause, effect and conditions of many claims in one query (the three fields share it). */
function endpointsLoader(cypher: CypherRunner): DataLoader<string, ClaimEndpoints> {
  return new DataLoader(async (uids) => {
    const rows = await cypher.read<{ uid: string; links: { role: string; node: NodeRow }[] }>(
      `UNWIND $uids AS uid
       MATCH (c:Claim { id: uid })-[r:CAUSE|EFFECT|IF]->(n)
       WITH uid, r, n ORDER BY type(r), elementId(n)
       RETURN uid, collect({ role: type(r), node: ${projectNode("n")} }) AS links`,
      { uids },
    );
    const byUid = new Map(rows.map((row) => [row.uid, row.links]));
    return uids.map((uid) => {
      const links = (byUid.get(uid) ?? []).map((link) => ({ role: link.role, node: toGraphNode(link.node) }));
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
      sortKey: "head([(p:Article)-[:MAKES]->(item) | p.publishedAt.epochMillis])",
    }, toNodeOf<Claim>),
  };
}

import type { ElementDefinition } from "cytoscape";
import type { ClaimEdgeFragment, ExplanationQuery } from "@client";
import { nodeId, nodeLabel } from "./labels.js";

type Explanation = ExplanationQuery["explainPriceMove"];

/** Edge width in pixels for a claim's confidence (0..1): 1.5 to 9. */
const widthOf = (confidence: number) => 1.5 + 7.5 * Math.max(0, Math.min(1, confidence));

/**
 * The explanation as a graph: causes and effects are nodes, the claims of the drivers'
 * chains are edges (one per claim, however many chains use it). Moves and drivers carry
 * classes so the drawing can mark them.
 */
export function explanationElements(explanation: Explanation): { elements: ElementDefinition[]; claims: Map<string, ClaimEdgeFragment> } {
  const nodes = new Map<string, ElementDefinition>();
  const edges = new Map<string, ElementDefinition>();
  const claims = new Map<string, ClaimEdgeFragment>();
  const moveIds = new Set(explanation.moves.map((move) => `PriceMove:${move.key}`));
  const driverIds = new Set(explanation.drivers.map((driver) => nodeId(driver.node)));

  const addNode = (node: Parameters<typeof nodeId>[0]) => {
    const id = nodeId(node);
    if (nodes.has(id)) return id;
    const classes = [node.__typename.toLowerCase(), moveIds.has(id) ? "move" : "", driverIds.has(id) ? "driver" : ""]
      .filter(Boolean)
      .join(" ");
    nodes.set(id, { group: "nodes", data: { id, label: nodeLabel(node), type: node.__typename }, classes });
    return id;
  };

  for (const driver of explanation.drivers) {
    for (const path of driver.paths) {
      for (const step of path.steps) {
        const source = addNode(step.from);
        const target = addNode(step.to);
        const claim = step.claim;
        if (edges.has(claim.id)) continue;
        claims.set(claim.id, claim);
        edges.set(claim.id, {
          group: "edges",
          data: {
            id: claim.id,
            source,
            target,
            label: claim.relation.toLowerCase().replace("_", " "),
            relation: claim.relation,
            modality: claim.modality,
            polarity: claim.polarity,
            confidence: claim.confidence,
            width: widthOf(claim.confidence),
          },
        });
      }
    }
  }
  return { elements: [...nodes.values(), ...edges.values()], claims };
}

import { CAUSAL_LABELS } from "../../cypher/labels.js";
import type { NeighbourSpec } from "../../cypher/neighbours.js";

/** What an event affects, keyed by event key. */
export const AFFECTS_OF_EVENT: NeighbourSpec = {
  parent: "Event",
  pattern: "(parent)-[:AFFECTS]->(n)",
  // Only what the CausalNode union can return, whatever older data holds.
  where: CAUSAL_LABELS.map((label) => `n:${label}`).join(" OR "),
  orderBy: "elementId(n)",
};

/** The events affecting an asset, keyed by symbol. */
export const EVENTS_OF_ASSET: NeighbourSpec = {
  parent: "Asset",
  pattern: "(parent)<-[:AFFECTS]-(n:Event)",
  orderBy: "n.occurredAt, n.key",
};

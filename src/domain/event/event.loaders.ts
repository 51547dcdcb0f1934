import type { CypherRunner } from "../../db/cypher-runner.js";
import { CAUSAL_LABELS } from "../../cypher/labels.js";
import { neighboursLoader } from "../../cypher/neighbours.js";
import { toCausalNode, type CausalNodeValue } from "./causal-node.mapper.js";
import { toEvent } from "./event.mapper.js";
import type { Event } from "./event.type.js";

/** Per-request loaders of an event's links (keyed by event key), and of the events affecting an asset (keyed by symbol). */
export function createEventLoaders(cypher: CypherRunner) {
  return {
    affectsOfEvent: neighboursLoader<CausalNodeValue>(cypher, {
      parent: "Event",
      pattern: "(parent)-[:AFFECTS]->(n)",
      // Only what the CausalNode union can return, whatever older data holds.
      where: CAUSAL_LABELS.map((label) => `n:${label}`).join(" OR "),
      orderBy: "elementId(n)",
    }, toCausalNode),
    eventsOfAsset: neighboursLoader<Event>(cypher, { parent: "Asset", pattern: "(parent)<-[:AFFECTS]-(n:Event)", orderBy: "n.occurredAt, n.key" }, toEvent),
  };
}

declare module "../../context.js" {
  interface Loaders extends ReturnType<typeof createEventLoaders> {}
}

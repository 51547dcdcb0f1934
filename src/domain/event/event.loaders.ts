import type { CypherRunner } from "../../db/cypher-runner.js";
import { neighboursLoader } from "../../cypher/neighbours.js";
import { toCausalNode, type CausalNodeValue } from "./causal-node.mapper.js";
import { AFFECTS_OF_EVENT, EVENTS_OF_ASSET } from "./event.cypher.js";
import { toEvent } from "./event.mapper.js";
import type { Event } from "./event.type.js";

/** Per-request loaders of an event's links (keyed by event key), and of the events affecting an asset (keyed by symbol). */
export function createEventLoaders(cypher: CypherRunner) {
  return {
    affectsOfEvent: neighboursLoader<CausalNodeValue>(cypher, AFFECTS_OF_EVENT, toCausalNode),
    eventsOfAsset: neighboursLoader<Event>(cypher, EVENTS_OF_ASSET, toEvent),
  };
}

declare module "../../context.js" {
  interface Loaders extends ReturnType<typeof createEventLoaders> {}
}

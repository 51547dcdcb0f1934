import DataLoader from "dataloader";
import type { CypherRunner } from "../../db/cypher.js";
import { findSourcesByDomain } from "./source.repository.js";
import type { Source } from "./source.type.js";

/** Per-request loaders for sources: one query per batch of domains. */
export function createSourceLoaders(cypher: CypherRunner) {
  return {
    sourceByDomain: new DataLoader<string, Source | null>((domains) => findSourcesByDomain(cypher, domains)),
  };
}

import type { CypherRunner } from "../../../db/cypher-runner.js";
import type { IngestArticleInput } from "../article.input.js";
import { normalizeIngestInput } from "./normalize.js";
import { readPreconditions } from "./ingest-preconditions.repository.js";
import { writeArticles } from "./ingest.repository.js";
import type { GraphEvent } from "../../../events/events.js";
import { readIngestEvents } from "../../../events/live-events.repository.js";
import { Resolution } from "../../resolution/resolution.enums.js";
import { resolveNewNodes, type ResolvedArticle } from "./resolve-new-nodes.js";
import { suggestKeys } from "../../resolution/candidates.repository.js";
import { unknownReferences } from "./unknown-references.js";

export interface IngestResult {
  /** Nodes created that may be existing ones (resolution SUGGEST), and new keys taken for existing nodes (LINK). */
  readonly possibleDuplicates: ResolvedArticle["possibleDuplicates"];
  readonly linked: ResolvedArticle["linked"];
  readonly articleUid: string;
  /** True when this call first ingested the article (it may have been known before as a citation). */
  readonly created: boolean;
  /** True when this content became the current version (links and claims written). */
  readonly changed: boolean;
  /** True when this content is the current version after the call (false: kept as history, a later version is current). */
  readonly current: boolean;
  readonly counts: { nodesCreated: number; relationshipsCreated: number; claims: number; claimsSuperseded: number; claimsRestored: number };
  /** What to announce once the transaction has committed: none when nothing changed. */
  readonly events: readonly GraphEvent[];
}

/**
 * Ingests one article in one transaction: validate everything, check outside references
 * in the graph, then write with MERGE on uniquely constrained keys. Re-sending the same
 * content writes nothing; changed content becomes the article's current version (see
 * versioned-links.ts) unless it is older than the current one by updatedAt (then it is kept as
 * history only): what it drops is superseded and kept, what it keeps keeps its identity.
 */
export async function ingestArticle(
  cypher: CypherRunner,
  input: IngestArticleInput,
  options: { linkThreshold: number },
  now = new Date(),
): Promise<IngestResult> {
  const article = normalizeIngestInput(input);
  const nowIso = now.toISOString();
  return cypher.write(async (tx) => {
    const { storedHashes, missing, articles, existing } = await readPreconditions(tx, [article]);
    const unresolved = missing.get(article.article.uid) ?? [];
    if (unresolved.length) {
      const suggestions = await suggestKeys((query, params) => tx.run(query, params), unresolved);
      throw unknownReferences(unresolved, suggestions, "in this input or the graph");
    }
    const unchanged = { nodesCreated: 0, relationshipsCreated: 0, claims: 0, claimsSuperseded: 0, claimsRestored: 0 };
    if (storedHashes.get(article.article.url) === article.article.contentHash) {
      return {
        articleUid: article.article.uid,
        created: false,
        changed: false,
        current: true,
        counts: unchanged,
        events: [],
        possibleDuplicates: [],
        linked: [],
      };
    }
    const [resolved] = await resolveNewNodes((query, params) => tx.run(query, params), articles, {
      resolution: input.resolution ?? Resolution.SUGGEST,
      linkThreshold: options.linkThreshold,
      existing,
    });
    const [outcome] = await writeArticles(tx, [resolved!.article], nowIso);
    const events = outcome!.changed ? await readIngestEvents(tx, article.article.uid, now.getTime()) : [];
    return {
      possibleDuplicates: resolved!.possibleDuplicates,
      linked: resolved!.linked,
      events,
      articleUid: article.article.uid,
      created: outcome!.previousHash === null,
      changed: outcome!.changed,
      current: outcome!.outcome === "current" || outcome!.outcome === "unchanged",
      counts: {
        nodesCreated: tx.counters.nodesCreated,
        relationshipsCreated: tx.counters.relationshipsCreated,
        claims: outcome!.claimsCreated,
        claimsSuperseded: outcome!.claimsSuperseded,
        claimsRestored: outcome!.claimsRestored,
      },
    };
  });
}

import { randomUUID } from "node:crypto";
import type { CypherRunner } from "../../db/cypher-runner.js";
import type { Label } from "../../cypher/labels.js";
import type { GraphEvent } from "../../events/events.js";
import { readClaimEvents } from "../../events/live-events.repository.js";
import { mergeQuery, unmergeQuery } from "./merge.cypher.js";

/** What a merge or an unmerge did: its id, and the events to announce once it has committed. */
export interface MergeOutcome {
  readonly id: string;
  readonly events: readonly GraphEvent[];
}

/**
 * Merges node `fromKey` into node `intoKey` (both labelled `label`) in one transaction (see
 * merge.cypher.ts); the claims whose links moved are announced as claimAdded.
 */
export async function mergeNodes(
  cypher: CypherRunner,
  params: { label: Label; intoKey: string; fromKey: string; reason: string; by: string | null },
  now = new Date(),
): Promise<MergeOutcome> {
  const id = randomUUID();
  return cypher.write(async (tx) => {
    const [row] = await tx.run<{ claims: string[] }>(mergeQuery(params.label), {
      id,
      intoKey: params.intoKey,
      fromKey: params.fromKey,
      reason: params.reason,
      by: params.by,
      now: now.toISOString(),
    });
    return { id, events: await readClaimEvents(tx, row?.claims ?? [], now.toISOString()) };
  });
}

/** Reverses the merge `id` (of nodes labelled `label`, `intoKey` and `fromKey`) in one transaction. */
export async function unmergeNodes(
  cypher: CypherRunner,
  params: { id: string; label: Label; intoKey: string; fromKey: string },
  now = new Date(),
): Promise<MergeOutcome> {
  return cypher.write(async (tx) => {
    const [row] = await tx.run<{ claims: string[] }>(unmergeQuery(params.label), {
      id: params.id,
      intoKey: params.intoKey,
      fromKey: params.fromKey,
      now: now.toISOString(),
    });
    return { id: params.id, events: await readClaimEvents(tx, row?.claims ?? [], now.toISOString()) };
  });
}

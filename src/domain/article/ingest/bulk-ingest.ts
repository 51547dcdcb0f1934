import { coerceInputValue, GraphQLError, isInputObjectType, type GraphQLInputObjectType, type GraphQLSchema } from "graphql";
import type { CypherRunner } from "../../../db/cypher-runner.js";
import { BadUserInputError } from "../../../errors.js";
import type { IngestArticleInput } from "../article.input.js";
import { readPreconditions } from "./ingest-preconditions.repository.js";
import { writeArticles } from "./ingest.repository.js";
import { DEFAULT_LINK_THRESHOLD, Resolution } from "../../resolution/resolution.enums.js";
import { resolveNewNodes } from "./resolve-new-nodes.js";
import { suggestKeys } from "../../resolution/candidates.repository.js";
import { unknownReferenceMessage } from "./unknown-references.js";
import { normalizeIngestInput } from "./normalize.js";
import type { NormalizedArticle } from "./normalized.js";

/** One line of a JSONL file (numbered from 1): its text, or why it could not be read (too long, not UTF-8). */
export type SourceLine =
  | { readonly line: number; readonly text: string; readonly problem?: undefined }
  | { readonly line: number; readonly problem: string; readonly text?: undefined };

/** A line that was not loaded, and why: every problem, with field paths as the mutation names them. */
export interface Rejection {
  readonly line: number;
  readonly url: string | null;
  readonly problems: readonly { field: string; message: string }[];
}

/** Running totals of a bulk ingest. */
export interface BulkCounts {
  lines: number;
  /** Articles written (new or changed). */
  articles: number;
  /** Claims newly recorded. */
  claims: number;
  /** Articles already stored with the same content, so skipped. */
  unchanged: number;
  /** Lines whose content is an earlier version of their article, kept as it is: a re-run never rewinds an article. */
  earlierVersions: number;
  /** Versions older (by updatedAt) than their article's current one, recorded as history only. */
  history: number;
  /** Nodes taken for existing ones (resolution LINK), and nodes created that may be existing ones (SUGGEST). */
  linked: number;
  possibleDuplicates: number;
  /** Milliseconds spent finding candidates for new nodes (entity resolution), of the whole run's. */
  resolutionMs: number;
  rejected: number;
}

export interface BulkOptions {
  /** Articles per transaction (default 500). */
  readonly batchSize?: number;
  /** Called after every transaction with the totals so far. */
  readonly onProgress?: (counts: Readonly<BulkCounts>) => void;
  /** Called for every line that is not loaded. */
  readonly onRejected?: (rejection: Rejection) => void;
  /** Entity resolution for the nodes each line would create (default SUGGEST), and the link threshold (default 0.6). */
  readonly resolution?: Resolution;
  readonly linkThreshold?: number;
  /** Called for each node a line created that may be an existing one (SUGGEST), or took for one (LINK). */
  readonly onResolution?: (note: ResolutionNote) => void;
}

/** A node of a line that resolution found candidates for: linked to `candidate`, or created beside it. */
interface ResolutionNote {
  readonly line: number;
  readonly url: string;
  readonly label: string;
  readonly key: string;
  readonly candidate: { readonly key: string; readonly score: number };
  readonly linked: boolean;
}

interface Pending {
  readonly line: number;
  readonly article: NormalizedArticle;
}

const DEFAULT_BATCH = 500;

/**
 * Validates a line exactly as the ingestArticle mutation validates its argument: GraphQL's
 * input coercion against the schema's IngestArticleInput (types, enums, scalars such as
 * DateTime, unknown fields), then the same normalisation. Throws BadUserInputError.
 */
function validateLine(text: string, inputType: GraphQLInputObjectType): NormalizedArticle {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BadUserInputError(`not JSON: ${(error as Error).message}`, "input");
  }
  const problems: { field: string; message: string }[] = [];
  const coerced = coerceInputValue(json, inputType, (path, _value, error) => {
    const field = path.reduce<string>((at, part) => (typeof part === "number" ? `${at}[${part}]` : `${at}.${part}`), "input");
    problems.push({ field, message: error.message });
  });
  if (problems.length) throw new BadUserInputError(`${problems[0]!.field}: ${problems[0]!.message}`, problems[0]!.field, { problems });
  return normalizeIngestInput(coerced as IngestArticleInput);
}

function rejectionOf(line: number, url: string | null, error: unknown): Rejection {
  if (error instanceof GraphQLError) {
    const problems = (error.extensions.problems as Rejection["problems"] | undefined) ?? [
      { field: String(error.extensions.field ?? "input"), message: error.message },
    ];
    return { line, url, problems };
  }
  return { line, url, problems: [{ field: "input", message: (error as Error).message }] };
}

/**
 * Loads IngestArticleInput documents, one per line, in large transactions: each line is
 * validated exactly like the mutation; a batch is checked against the graph in one query
 * (references may point at nodes another article of the batch defines) and written with one
 * statement per step. A line whose content is among its article's versions already is
 * skipped, so a re-run loads only what is missing and never rewinds an article. A bad line is reported with its number and skipped; the rest go
 * on. The next batch is validated while the database writes the previous one.
 */
export async function bulkIngest(
  cypher: CypherRunner,
  schema: GraphQLSchema,
  lines: AsyncIterable<SourceLine>,
  options: BulkOptions = {},
): Promise<BulkCounts> {
  const inputType = schema.getType("IngestArticleInput");
  if (!isInputObjectType(inputType)) throw new Error("the schema has no IngestArticleInput");
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const counts: BulkCounts = {
    lines: 0,
    articles: 0,
    claims: 0,
    unchanged: 0,
    earlierVersions: 0,
    history: 0,
    linked: 0,
    possibleDuplicates: 0,
    resolutionMs: 0,
    rejected: 0,
  };
  const reject = (rejection: Rejection) => {
    counts.rejected += 1;
    options.onRejected?.(rejection);
  };

  const write = async (batch: Pending[]) => {
    try {
      await writeBatch(cypher, batch, counts, reject, options);
    } catch {
      // Something in the batch broke the transaction: one article at a time finds which.
      for (const one of batch)
        await writeBatch(cypher, [one], counts, reject, options).catch((error: unknown) =>
          reject(rejectionOf(one.line, one.article.article.url, error)),
        );
    }
    options.onProgress?.(counts);
  };

  let batch: Pending[] = [];
  let urls = new Set<string>();
  let writing: Promise<void> = Promise.resolve();
  try {
    for await (const source of lines) {
      if (source.problem !== undefined) {
        counts.lines += 1;
        reject({ line: source.line, url: null, problems: [{ field: "input", message: source.problem }] });
        continue;
      }
      if (!source.text.trim()) continue;
      counts.lines += 1;
      let article: NormalizedArticle;
      try {
        article = validateLine(source.text, inputType);
      } catch (error) {
        reject(rejectionOf(source.line, null, error));
        continue;
      }
      // Two versions of one article never share a transaction: the later one goes in the next.
      if (batch.length >= batchSize || urls.has(article.article.url)) {
        await writing;
        writing = write(batch);
        batch = [];
        urls = new Set();
      }
      batch.push({ line: source.line, article });
      urls.add(article.article.url);
    }
  } finally {
    // Also when reading fails part-way: what was read and validated is written, not lost.
    await writing;
    if (batch.length) await write(batch);
  }
  return counts;
}

/** One transaction: preconditions, then every accepted, changed article of the batch. */
async function writeBatch(
  cypher: CypherRunner,
  batch: readonly Pending[],
  counts: BulkCounts,
  reject: (r: Rejection) => void,
  options: BulkOptions,
): Promise<void> {
  const result = await cypher.write(async (tx) => {
    const { storedHashes, missing, articles, existing } = await readPreconditions(
      tx,
      batch.map((p) => p.article),
    );
    // Each line's article with its aliases read as the nodes they name.
    const resolved = batch.map((p, i) => ({ ...p, article: articles[i]! }));
    const accepted = resolved.filter((p) => !missing.has(p.article.article.uid));
    const pending = accepted.filter((p) => storedHashes.get(p.article.article.url) !== p.article.article.contentHash);
    const resolving = performance.now();
    const resolutions = await resolveNewNodes(
      (query, params) => tx.run(query, params),
      pending.map((p) => p.article),
      { resolution: options.resolution ?? Resolution.SUGGEST, linkThreshold: options.linkThreshold ?? DEFAULT_LINK_THRESHOLD, existing },
    );
    const resolutionMs = performance.now() - resolving;
    const changed = pending.map((p, i) => ({ ...p, article: resolutions[i]!.article }));
    const outcomes = changed.length
      ? await writeArticles(
          tx,
          changed.map((p) => p.article),
          new Date().toISOString(),
          { neverRewind: true },
        )
      : [];
    const notes = pending.flatMap((p, i): ResolutionNote[] => {
      const { linked, possibleDuplicates } = resolutions[i]!;
      const base = { line: p.line, url: p.article.article.url };
      return [
        ...linked.map((l) => ({
          ...base,
          label: l.label,
          key: l.key,
          candidate: { key: l.candidate.key, score: l.candidate.score },
          linked: true,
        })),
        ...possibleDuplicates.map((d) => ({
          ...base,
          label: d.label,
          key: d.key,
          candidate: { key: d.candidates[0]!.key, score: d.candidates[0]!.score },
          linked: false,
        })),
      ];
    });
    // The closest keys for each reference no node has, for the rejections.
    const lacking = [...missing.values()].flat();
    const closest = await suggestKeys((query, params) => tx.run(query, params), lacking);
    const suggestions = new Map(lacking.map((ref, i) => [ref, closest[i] ?? []]));
    return { missing, suggestions, unchanged: accepted.length - changed.length, outcomes, notes, resolutionMs };
  });
  for (const p of batch) {
    const lacking = result.missing.get(p.article.article.uid);
    if (lacking) {
      reject({
        line: p.line,
        url: p.article.article.url,
        problems: lacking.map((ref) => ({
          field: ref.field,
          message: unknownReferenceMessage(ref, result.suggestions.get(ref) ?? [], "in this input, the file or the graph"),
        })),
      });
    }
  }
  counts.unchanged += result.unchanged;
  counts.resolutionMs += result.resolutionMs;
  for (const note of result.notes) {
    if (note.linked) counts.linked += 1;
    else counts.possibleDuplicates += 1;
    options.onResolution?.(note);
  }
  counts.articles += result.outcomes.filter((o) => o.changed).length;
  counts.earlierVersions += result.outcomes.filter((o) => o.outcome === "known").length;
  counts.history += result.outcomes.filter((o) => o.outcome === "history").length;
  counts.claims += result.outcomes.reduce((sum, o) => sum + o.claimsCreated, 0);
}

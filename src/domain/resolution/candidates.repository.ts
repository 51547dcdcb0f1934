import type { Params, Row } from "../../db/cypher-runner.js";
import type { Label } from "../../cypher/labels.js";
import { aliasIndexOf } from "../../db/migrations.js";
import { escapeLucene } from "../../cypher/lucene.js";
import { scoreCandidate, type CandidateQuestion } from "./candidate-score.js";
import { CANDIDATES, TIME_REACH_MS } from "./candidates.cypher.js";
import { words } from "./similarity.js";

/** One name to find existing nodes for. */
export interface ResolutionQuestion extends Omit<CandidateQuestion, "assetNames"> {
  readonly label: Label;
}

/** An existing node that may be the one a name means, best first. */
export interface FoundCandidate {
  readonly id: string;
  readonly label: Label;
  readonly key: string;
  readonly score: number;
  readonly reasons: readonly string[];
}

type CandidateRow = {
  index: number;
  assetNames: string[];
  candidates: {
    id: string;
    label: Label;
    key: string;
    names: string[];
    start: number | null;
    end: number | null;
    assets: string[];
    amounts: number[];
  }[];
};

/** Runs a read: CypherRunner.read outside a transaction, WriteTransaction.run inside one. */
export type RunRead = <T extends Row>(query: string, params: Params) => Promise<T[]>;

/** The Lucene query of a name: its words, each escaped, fuzzy (one edit) from 5 characters on, OR-ed. */
function luceneOf(name: string): string {
  const terms = [...new Set(words(name.replace(/[-_:]/g, " ")))].map((word) =>
    word.length >= 5 ? `${escapeLucene(word)}~1` : escapeLucene(word),
  );
  return terms.join(" OR ") || '""';
}

/**
 * The candidates of each question, scored (candidate-score.ts), best first, at most `first`
 * each and only those scoring at least `minScore`; in one query for all the questions.
 */
export async function findCandidates(
  run: RunRead,
  questions: readonly ResolutionQuestion[],
  options: { first: number; minScore?: number; exclude?: ReadonlySet<string> },
): Promise<FoundCandidate[][]> {
  if (questions.length === 0) return [];
  const rows = await run<CandidateRow>(CANDIDATES, {
    questions: questions.map((q, index) => ({
      index,
      label: q.label,
      aliasIndex: aliasIndexOf(q.label),
      lucene: luceneOf(q.name),
      asset: q.asset ?? null,
      at: q.at ?? null,
      from: q.at != null ? q.at - TIME_REACH_MS : null,
      to: q.at != null ? q.at + TIME_REACH_MS : null,
    })),
  });
  const byIndex = new Map(rows.map((row) => [row.index, row]));
  return questions.map((question, index) => {
    const row = byIndex.get(index);
    if (!row) return [];
    const assetNames = new Set(row.assetNames);
    return row.candidates
      .filter((c) => !options.exclude?.has(`${c.label}:${c.key}`))
      .map((c) => ({ id: c.id, label: c.label, key: c.key, ...scoreCandidate({ ...question, assetNames }, c) }))
      .filter((c) => c.score >= (options.minScore ?? 0))
      .sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1))
      .slice(0, options.first);
  });
}

/** Closest keys suggested for an unknown reference at the most. */
const SUGGESTIONS = 3;

/**
 * For references no node has (by key or alias): the keys of the nodes of the same label
 * whose keys and names are closest (name similarity only, best first), for "did you mean".
 */
export async function suggestKeys(run: RunRead, refs: readonly { label: Label; key: string }[]): Promise<string[][]> {
  const found = await findCandidates(
    run,
    refs.map((ref) => ({ label: ref.label, name: ref.key })),
    { first: SUGGESTIONS },
  );
  return found.map((candidates) => candidates.filter((c) => c.reasons.some((r) => r.startsWith("name "))).map((c) => c.key));
}

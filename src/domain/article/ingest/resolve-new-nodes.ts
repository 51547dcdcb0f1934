import type { Label } from "../../../cypher/labels.js";
import { BadUserInputError } from "../../../errors.js";
import { findCandidates, type FoundCandidate, type ResolutionQuestion, type RunRead } from "../../resolution/candidates.repository.js";
import { Resolution, SUGGEST_THRESHOLD } from "../../resolution/resolution.enums.js";
import type { NormalizedArticle } from "./normalized.js";
import { rekey } from "./rekey.js";

/** A node an article would create, as a question for nodeCandidates, with the field that defines it. */
interface NewNode extends ResolutionQuestion {
  readonly key: string;
  readonly field: string;
}

/** What resolution did for one article: the article to write (rekeyed under LINK), and what to tell the client. */
export interface ResolvedArticle {
  readonly article: NormalizedArticle;
  readonly possibleDuplicates: readonly { label: Label; key: string; candidates: readonly FoundCandidate[] }[];
  readonly linked: readonly { label: Label; key: string; candidate: FoundCandidate }[];
}

/** Candidates asked for per new node. */
const CANDIDATES_PER_NODE = 5;

const epoch = (iso: string | null) => (iso === null ? null : Date.parse(iso));

/** The nodes an article defines that the graph does not hold (`existing`: `Label:key`), as questions. */
function newNodes(article: NormalizedArticle, existing: ReadonlySet<string>): NewNode[] {
  const onlyAsset = article.assets.length === 1 ? article.assets[0]!.symbol : null;
  const affected = (event: string) => article.eventLinks.find((l) => l.from === event && l.label === "Asset")?.key ?? onlyAsset;
  const nodes: NewNode[] = [
    ...article.events.map((e, i) => ({
      label: "Event" as const,
      key: e.key,
      field: `input.events[${i}].key`,
      name: e.title,
      at: epoch(e.occurredAt),
      asset: affected(e.key),
      amountUsd: e.amountUsd,
    })),
    ...article.priceMoves.map((m, i) => ({
      label: "PriceMove" as const,
      key: m.key,
      field: `input.priceMoves[${i}].key`,
      name: [m.key, m.description].filter(Boolean).join(" "),
      at: epoch(m.startAt),
      asset: m.symbol,
    })),
    ...article.macroFactors.map((m, i) => ({
      label: "MacroFactor" as const,
      key: m.key,
      field: `input.macroFactors[${i}].key`,
      name: m.name,
    })),
    ...article.entities.map((e, i) => ({ label: "Entity" as const, key: e.key, field: `input.entities[${i}].key`, name: e.name })),
    ...article.narratives.map((n, i) => ({ label: "Narrative" as const, key: n.key, field: `input.narratives[${i}].key`, name: n.name })),
    ...article.assets.map((a, i) => ({ label: "Asset" as const, key: a.symbol, field: `input.assets[${i}].symbol`, name: a.name })),
  ];
  return nodes.filter((node) => !existing.has(`${node.label}:${node.key}`));
}

/**
 * Entity resolution at ingest (docs/resolution.md), for a batch in one query: each node an
 * article would create is scored against the graph's nodes of its kind (never against the
 * nodes the same article names). SUGGEST lists candidates scoring at least SUGGEST_THRESHOLD;
 * LINK takes a node for its best candidate when that scores at least `linkThreshold` (the
 * article is rekeyed, and its key becomes the node's alias); STRICT throws BAD_USER_INPUT
 * naming each such field and its candidate.
 */
export async function resolveNewNodes(
  run: RunRead,
  articles: readonly NormalizedArticle[],
  options: { resolution: Resolution; linkThreshold: number; existing: ReadonlySet<string> },
): Promise<ResolvedArticle[]> {
  const questions = articles.map((article) => newNodes(article, options.existing));
  const flat = questions.flatMap((nodes, owner) => nodes.map((node) => ({ node, owner })));
  const named = articles.map(
    (article) =>
      new Set([
        ...article.events.map((e) => `Event:${e.key}`),
        ...article.priceMoves.map((m) => `PriceMove:${m.key}`),
        ...article.macroFactors.map((m) => `MacroFactor:${m.key}`),
        ...article.entities.map((e) => `Entity:${e.key}`),
        ...article.narratives.map((n) => `Narrative:${n.key}`),
        ...article.assets.map((a) => `Asset:${a.symbol}`),
        ...article.externalRefs.map((r) => `${r.label}:${r.key}`),
      ]),
  );
  const found = await findCandidates(
    run,
    flat.map(({ node }) => node),
    { first: CANDIDATES_PER_NODE, minScore: SUGGEST_THRESHOLD },
  );
  // A node the same article also names is another thing it tells apart: never a candidate.
  const candidatesOf = flat.map(({ owner }, i) => (found[i] ?? []).filter((c) => !named[owner]!.has(`${c.label}:${c.key}`)));

  if (options.resolution === Resolution.STRICT) {
    const problems = flat.flatMap(({ node }, i) => {
      const best = candidatesOf[i]![0];
      if (!best || best.score < options.linkThreshold) return [];
      return [
        {
          field: node.field,
          message: `"${node.key}" looks like the existing ${node.label} "${best.key}" (score ${best.score}: ${best.reasons.join("; ")}); use its key, or resolution SUGGEST or LINK`,
          candidate: { kind: node.label, key: best.key, score: best.score },
        },
      ];
    });
    if (problems.length > 0) throw new BadUserInputError(problems[0]!.message, problems[0]!.field, { problems });
  }

  return articles.map((article, owner) => {
    const mine = flat.map((entry, i) => ({ ...entry, candidates: candidatesOf[i]! })).filter((entry) => entry.owner === owner);
    if (options.resolution === Resolution.LINK) {
      const links = mine.filter((e) => e.candidates[0] && e.candidates[0].score >= options.linkThreshold);
      const rekeying = new Map(links.map((e) => [`${e.node.label}:${e.node.key}`, e.candidates[0]!.key]));
      const linkedArticle = rekey(article, rekeying);
      return {
        article: { ...linkedArticle, aliases: links.map((e) => ({ label: e.node.label, alias: e.node.key, key: e.candidates[0]!.key })) },
        possibleDuplicates: mine
          .filter((e) => !links.includes(e) && e.candidates.length > 0)
          .map((e) => ({ label: e.node.label, key: e.node.key, candidates: e.candidates })),
        linked: links.map((e) => ({ label: e.node.label, key: e.node.key, candidate: e.candidates[0]! })),
      };
    }
    return {
      article,
      possibleDuplicates: mine
        .filter((e) => e.candidates.length > 0)
        .map((e) => ({ label: e.node.label, key: e.node.key, candidates: e.candidates })),
      linked: [],
    };
  });
}

import { AMOUNT_TOLERANCE } from "../shared/figures.js";
import { nameSimilarity } from "./similarity.js";

/**
 * How likely an existing node is the one a new name means (docs/resolution.md), 0..1:
 * 0.55 × name similarity + 0.15 each for agreement of time, asset and amount (1 agreeing, 0
 * disagreeing, 0.5 unknown on either side), then × 0.3 when the times are more than a week
 * apart, × 0.3 when the assets differ, × 0.4 when every amount is more than 50% off.
 */
export interface CandidateFacts {
  /** Keys and names the node was given (its aliases). */
  readonly names: readonly string[];
  /** Its span (epoch ms): an event's occurredAt to endedAt, a move's startAt to endAt; null when undated. */
  readonly start: number | null;
  readonly end: number | null;
  /** Symbols of the assets it is about: what an event affects, what a move is of, an asset's own. */
  readonly assets: readonly string[];
  /** Amounts current statements give it (USD). */
  readonly amounts: readonly number[];
}

export interface CandidateQuestion {
  readonly name: string;
  /** Epoch ms. */
  readonly at?: number | null;
  readonly asset?: string | null;
  readonly amountUsd?: number | null;
  /** Lower-case names and symbols of the asked asset, which count as one word in names. */
  readonly assetNames?: ReadonlySet<string>;
}

export interface CandidateScore {
  readonly score: number;
  readonly reasons: readonly string[];
}

const DAY = 86_400_000;
const NAME_WEIGHT = 0.55;
const FACT_WEIGHT = 0.15;
const UNKNOWN = 0.5;

const usd = (amount: number) =>
  amount >= 1e9 ? `$${+(amount / 1e9).toFixed(2)}B` : amount >= 1e6 ? `$${+(amount / 1e6).toFixed(2)}M` : `$${Math.round(amount)}`;

/** The score of one candidate for a question, with the reasons a person would check. */
export function scoreCandidate(question: CandidateQuestion, facts: CandidateFacts): CandidateScore {
  const reasons: string[] = [];
  let veto = 1;
  const name = nameSimilarity(question.name, facts.names, question.assetNames);
  if (name.matched) reasons.push(`name ${Math.round(name.score * 100)}% like "${name.matched}"`);

  let time = UNKNOWN;
  if (question.at != null && facts.start !== null) {
    const end = facts.end ?? facts.start;
    const apart = question.at < facts.start ? facts.start - question.at : question.at > end ? question.at - end : 0;
    const days = apart / DAY;
    if (days <= 1) {
      time = 1;
      reasons.push(apart === 0 ? "at that time" : "within a day");
    } else if (days <= 3) {
      time = 0.6;
      reasons.push(`${Math.round(days)} days apart`);
    } else if (days <= 7) {
      time = 0.3;
      reasons.push(`${Math.round(days)} days apart`);
    } else {
      time = 0;
      veto *= 0.3;
      reasons.push(`${Math.round(days)} days apart`);
    }
  }

  let asset = UNKNOWN;
  if (question.asset && facts.assets.length > 0) {
    if (facts.assets.includes(question.asset)) {
      asset = 1;
      reasons.push(`about ${question.asset}`);
    } else {
      asset = 0;
      veto *= 0.3;
      reasons.push(`about ${facts.assets.join(", ")}, not ${question.asset}`);
    }
  }

  let amount = UNKNOWN;
  if (question.amountUsd != null && facts.amounts.length > 0) {
    const asked = question.amountUsd;
    const off = Math.min(...facts.amounts.map((given) => Math.abs(given - asked) / Math.max(given, asked, 1)));
    const closest = facts.amounts.reduce((a, b) => (Math.abs(b - asked) < Math.abs(a - asked) ? b : a));
    if (off <= AMOUNT_TOLERANCE) {
      amount = 1;
      reasons.push(`amount ${usd(closest)} like ${usd(asked)}`);
    } else if (off <= 0.5) {
      amount = 0.5;
      reasons.push(`amount ${usd(closest)}, not ${usd(asked)}`);
    } else {
      amount = 0;
      veto *= 0.4;
      reasons.push(`amount ${usd(closest)}, far from ${usd(asked)}`);
    }
  }

  const score = (NAME_WEIGHT * name.score + FACT_WEIGHT * (time + asset + amount)) * veto;
  return { score: Math.round(score * 1000) / 1000, reasons };
}

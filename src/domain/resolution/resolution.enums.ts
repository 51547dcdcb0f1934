import { registerEnumType } from "type-graphql";

/** What an ingest does with a new node that may be an existing one (docs/resolution.md). */
export enum Resolution {
  SUGGEST = "SUGGEST",
  LINK = "LINK",
  STRICT = "STRICT",
}
registerEnumType(Resolution, {
  name: "Resolution",
  description:
    "What ingest does with each node it would create whose best candidate (nodeCandidates) scores high: SUGGEST " +
    "creates it and lists the candidates above the suggestion threshold (0.5) in possibleDuplicates; LINK takes it " +
    "for its best candidate when that clears RESOLVE_LINK_THRESHOLD (its key and name become that node's aliases, and " +
    "the article's claims, reports and statements point at it), listed in `linked`; STRICT refuses the ingest " +
    "(BAD_USER_INPUT naming the field and the candidate) when a candidate clears it.",
});

/** Candidates listed as possible duplicates score at least this. */
export const SUGGEST_THRESHOLD = 0.5;

/** The default link threshold (RESOLVE_LINK_THRESHOLD), chosen on the test corpus (docs/resolution.md). */
export const DEFAULT_LINK_THRESHOLD = 0.6;

import { BadUserInputError } from "../../../errors.js";
import type { FieldRef } from "./normalized.js";

/** One unknown reference: its field, what it named, and the closest existing keys of that kind. */
interface UnknownReference {
  readonly field: string;
  readonly message: string;
  readonly suggestions: readonly string[];
}

/** The message for one unknown reference, naming the closest keys ("closest", not "did you mean": production hides those hints). */
export function unknownReferenceMessage(ref: FieldRef, suggestions: readonly string[], where: string): string {
  const closest = suggestions.length ? ` (closest: ${suggestions.map((key) => `"${key}"`).join(", ")})` : "";
  return `no ${ref.label} "${ref.key}" ${where}${closest}`;
}

/**
 * BAD_USER_INPUT for references no node has, shaped like every other input problem: the
 * message is "<field>: <first problem>" (with "(and N more problems)"), `extensions.field` the
 * first one's field, its closest keys in `extensions.suggestions`, and every one, each with its
 * own suggestions, in `extensions.problems`.
 */
export function unknownReferences(
  refs: readonly FieldRef[],
  suggestions: readonly (readonly string[])[],
  where: string,
): BadUserInputError {
  const problems: UnknownReference[] = refs.map((ref, i) => ({
    field: ref.field,
    message: unknownReferenceMessage(ref, suggestions[i] ?? [], where),
    suggestions: suggestions[i] ?? [],
  }));
  const first = problems[0]!;
  const rest = problems.length - 1;
  const more = rest ? ` (and ${rest} more problem${rest > 1 ? "s" : ""})` : "";
  return new BadUserInputError(`${first.field}: ${first.message}${more}`, first.field, {
    problems,
    suggestions: first.suggestions,
  });
}

import { BadUserInputError } from "../errors.js";

export interface Problem {
  readonly field: string;
  readonly message: string;
}

/** Collects every problem of an input, so one answer lists them all. */
export class Problems {
  readonly list: Problem[] = [];

  add(field: string, message: string): void {
    this.list.push({ field, message });
  }

  /** Throws BAD_USER_INPUT naming the first problem's field, with all problems in `extensions.problems`. */
  throwIfAny(): void {
    const [first, ...rest] = this.list;
    if (!first) return;
    const more = rest.length ? ` (and ${rest.length} more problem${rest.length > 1 ? "s" : ""})` : "";
    throw new BadUserInputError(`${first.field}: ${first.message}${more}`, first.field, { problems: this.list });
  }
}

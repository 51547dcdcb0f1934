import { MAX_PAGE_SIZE } from "../../graphql/connection.args.js";
import { BadUserInputError } from "../../errors.js";
import { pageRequest, type CursorShape, type PageRequest } from "../../graphql/pagination.js";
import { KINDS_BY_RANK } from "./timeline.type.js";

/** Timeline cursors encode [at epoch millis, kind rank, id]. */
const TIMELINE_CURSOR: CursorShape = { list: "timeline", key: ["number", "number", "string"] };

/** Validates `first`/`after` of a timeline; a cursor of another list, or a forged one, is BAD_USER_INPUT on `after`. */
export function timelinePage(first: number, after: string | null | undefined): PageRequest {
  const page = pageRequest(first, after, MAX_PAGE_SIZE, TIMELINE_CURSOR);
  if (page.after) {
    const [t, rank] = page.after as [number, number, string];
    if (!Number.isSafeInteger(t) || !Number.isInteger(rank) || KINDS_BY_RANK[rank] === undefined) {
      throw new BadUserInputError(`"${after}" is not a timeline cursor`, "after");
    }
  }
  return page;
}

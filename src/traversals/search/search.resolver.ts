import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import { FieldReader } from "../../input/field-reader.js";
import { Problems } from "../../input/problems.js";
import { MAX_QUERY_LENGTH, MIN_PREFIX_LENGTH, toSearchQuery } from "./lucene-query.js";
import { searchIndexes } from "./search.repository.js";
import { toSearchHit } from "./search-hit.mapper.js";
import { SearchHit } from "./search.type.js";

const DEFAULT_HITS = 20;
const MAX_HITS = 100;

@Resolver()
export class SearchResolver {
  @Query(() => [SearchHit], {
    description:
      `Full-text search over article titles, summaries and bodies, current claims (not superseded or ` +
      `retracted), the names and descriptions of entities, macro factors, narratives and assets, and event ` +
      `titles; best first, at most first hits (1 to ${MAX_HITS}). Words match individually (any word may ` +
      `match, more matches score higher) and case-insensitively as whole words; the last word also matches ` +
      `as a prefix once it has ${MIN_PREFIX_LENGTH}+ letters or digits ("liquid" finds "liquidation"). ` +
      `Lucene syntax is not interpreted: quotes, brackets, operators such as AND/OR/NOT, wildcards and ` +
      `other punctuation are searched as plain text. At most ${MAX_QUERY_LENGTH} characters, with at least ` +
      `one letter or digit.`,
  })
  async search(
    @Arg("query") query: string,
    @Arg("first", () => Int, { nullable: true, defaultValue: DEFAULT_HITS }) first: number | null,
    @Ctx() ctx: Context,
  ): Promise<SearchHit[]> {
    const problems = new Problems();
    const read = new FieldReader(problems);
    const text = read.text(query, "query", MAX_QUERY_LENGTH);
    const limit = read.integer(first ?? DEFAULT_HITS, "first", 1, MAX_HITS) ?? DEFAULT_HITS;
    const parsed = toSearchQuery(text);
    if (!parsed && text) {
      problems.add(
        "query",
        `"${text}" has nothing to search for: use at least one letter or digit (punctuation and query syntax are ignored)`,
      );
    }
    problems.throwIfAny();
    // Past throwIfAny, parsed is set: an empty text was reported as empty, anything else above.
    const { lucene, terms } = parsed!;

    const rows = await searchIndexes(ctx.cypher, { lucene, first: limit, asOf: new Date().toISOString() });
    return rows.map((row) => toSearchHit(row, terms));
  }
}

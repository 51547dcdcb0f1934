/** Longest tag, in characters, after normalising. */
export const MAX_TAG_LENGTH = 64;

/**
 * The one normal form of a tag, for ingest and for every filter: Unicode NFKC, no leading
 * "#" or surrounding whitespace, inner whitespace runs as one space, lower case.
 * " #Foo  Bar" and "foo bar" are the same tag.
 */
export function canonicalTag(value: string): string {
  return (
    value
      .normalize("NFKC")
      .trim()
      // Every leading "#" and the space between them: "# #foo" is "foo", as "#foo" is.
      .replace(/^[#\s]+/u, "")
      .replace(/\s+/gu, " ")
      .toLowerCase()
  );
}

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BadUserInputError } from "../../../../errors.js";
import { CausalRelation } from "../../../claim/claim.enums.js";
import { NodeKind } from "../../../shared/node-ref.input.js";
import type { IngestArticleInput } from "../../article.input.js";
import { normalizeIngestInput } from "../normalize.js";

// Reference: the promises of normalizeIngestInput and contentHash (normalize.ts,
// content-hash.ts): a cosmetic variant of an input (white space, order of lists, tag case and
// "#", "www." and case of the outlet, key case, tracking parameters of the URL) is the same
// article with the same content hash; and every bad field is reported at once, each at its
// path (`input.claims[2].confidence`).

const slug = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/);
const words = fc.array(fc.stringMatching(/^[A-Za-z0-9]{1,8}$/), { minLength: 1, maxLength: 4 });

/** A valid input: an outlet, tags, entities, and claims between them. */
const article = fc
  .record({
    host: fc.stringMatching(/^[a-z]{1,8}\.(com|org|io)$/),
    path: fc.array(slug, { minLength: 1, maxLength: 3 }),
    title: words,
    tags: fc.uniqueArray(slug, { maxLength: 4 }),
    entities: fc.uniqueArray(fc.record({ key: slug, name: words }), { minLength: 2, maxLength: 5, selector: (e) => e.key }),
    claims: fc.array(
      fc.record({ text: words, cause: fc.nat(), effect: fc.nat(), confidence: fc.double({ min: 0, max: 1, noNaN: true }) }),
      { maxLength: 5 },
    ),
  })
  .map((a) => ({
    ...a,
    // Claims between two different entities, each saying something different.
    claims: a.claims.map((c, i) => {
      const cause = c.cause % a.entities.length;
      return { ...c, text: [...c.text, `#${i}`], cause, effect: (cause + 1 + (c.effect % (a.entities.length - 1))) % a.entities.length };
    }),
  }));
type Article = typeof article extends fc.Arbitrary<infer A> ? A : never;

/** How one writing of the article differs from another, without changing what it says. */
const style = fc.record({
  pad: fc.constantFrom("", " ", "  \t", "\n"),
  inner: fc.constantFrom(" ", "  ", " \t "),
  upper: fc.boolean(),
  www: fc.boolean(),
  tracking: fc.boolean(),
  hashTags: fc.boolean(),
  shuffle: fc.nat(),
});
type Style = typeof style extends fc.Arbitrary<infer S> ? S : never;

function input(a: Article, s: Style): IngestArticleInput {
  const text = (w: readonly string[]) => `${s.pad}${w.join(s.inner)}${s.pad}`;
  const key = (k: string) => (s.upper ? `${s.pad}${k.toUpperCase()}` : k);
  const rotate = <T>(list: readonly T[]) =>
    list.length ? [...list.slice(s.shuffle % list.length), ...list.slice(0, s.shuffle % list.length)] : [...list];
  return {
    url: `https://${s.www ? "www." : ""}${s.upper ? a.host.toUpperCase() : a.host}/${a.path.join("/")}${s.tracking ? "/?utm_source=feed&fbclid=x" : ""}`,
    title: text(a.title),
    publishedAt: "2026-02-01T09:55:00-05:00",
    source: { domain: `${s.www ? "www." : ""}${s.upper ? a.host.toUpperCase() : a.host}`, name: text(["Daily", "Wire"]) },
    tags: rotate(a.tags.map((t) => `${s.pad}${s.hashTags ? "#" : ""}${s.upper ? t.toUpperCase() : t}`)),
    entities: rotate(a.entities.map((e) => ({ key: key(e.key), name: text(e.name) }))),
    claims: rotate(
      a.claims.map((c) => ({
        text: text(c.text),
        relation: CausalRelation.CAUSES,
        confidence: c.confidence,
        cause: { kind: NodeKind.ENTITY, key: key(a.entities[c.cause]!.key) },
        effect: { kind: NodeKind.ENTITY, key: key(a.entities[c.effect]!.key) },
      })),
    ),
  };
}

/** The problems normalizeIngestInput reports, by field (none if it accepts the input). */
function problemFields(value: IngestArticleInput): string[] {
  try {
    normalizeIngestInput(value);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(BadUserInputError);
    return ((error as BadUserInputError).extensions.problems as { field: string }[]).map((p) => p.field);
  }
}

describe("normalizeIngestInput", () => {
  it("reads every cosmetic variant of an article as the same article with the same content hash", () => {
    fc.assert(
      fc.property(article, style, style, (a, one, other) => {
        const [x, y] = [normalizeIngestInput(input(a, one)), normalizeIngestInput(input(a, other))];
        expect(y.article.uid).toBe(x.article.uid);
        expect(y.article.url).toBe(x.article.url);
        expect(y.article.contentHash).toBe(x.article.contentHash);
        expect(new Set(y.tags)).toEqual(new Set(a.tags));
        expect(new Set(y.claims.map((c) => c.uid))).toEqual(new Set(x.claims.map((c) => c.uid)));
      }),
      { numRuns: 200 },
    );
  });

  it("gives a different content hash when what the article says changes", () => {
    fc.assert(
      fc.property(article, style, fc.double({ min: 0, max: 1, noNaN: true }), (a, s, confidence) => {
        fc.pre(a.claims.length > 0 && a.claims[0]!.confidence !== confidence);
        const changed = { ...a, claims: [{ ...a.claims[0]!, confidence }, ...a.claims.slice(1)] };
        expect(normalizeIngestInput(input(changed, s)).article.contentHash).not.toBe(normalizeIngestInput(input(a, s)).article.contentHash);
      }),
      { numRuns: 100 },
    );
  });

  it("reports every bad field at once, each at its path", () => {
    fc.assert(
      fc.property(
        article,
        style,
        fc.array(
          fc.tuple(fc.constantFrom("confidence", "tag", "name", "title"), fc.nat(), fc.constantFrom(-0.5, 1.5, Number.NaN, Infinity)),
          { minLength: 1, maxLength: 4 },
        ),
        (a, s, faults) => {
          const value = input(a, s);
          const expected = new Set<string>();
          for (const [what, at, number] of faults) {
            if (what === "confidence" && value.claims!.length) {
              const i = at % value.claims!.length;
              value.claims![i] = { ...value.claims![i]!, confidence: number };
              expected.add(`input.claims[${i}].confidence`);
            } else if (what === "tag" && value.tags!.length) {
              const i = at % value.tags!.length;
              value.tags![i] = " # \u200B ";
              expected.add(`input.tags[${i}]`);
            } else if (what === "name") {
              const i = at % value.entities!.length;
              value.entities![i] = { ...value.entities![i]!, name: "\u0007bell" };
              expected.add(`input.entities[${i}].name`);
            } else if (what === "title") {
              value.title = "x".repeat(501);
              expected.add("input.title");
            }
          }
          fc.pre(expected.size > 0);
          expect(new Set(problemFields(value))).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalUrl } from "../canonical-url.js";

// Reference: the forms canonical-url.ts's doc comment promises are one article. A URL is built
// from random parts; each variant (scheme, case, www., default port, trailing dot and slash,
// fragment, tracking parameters, parameter order, dot segments, needless or lower-case
// percent-encodings) must give the canonical form of the plain https URL.

const TRACKING = ["utm_source", "utm_medium", "UTM_Campaign", "fbclid", "gclid", "msclkid", "ref", "ref_src", "igshid", "mc_cid"];

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,6}[a-z0-9])?$/).filter((l) => l !== "www");
const host = fc
  .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.stringMatching(/^[a-z]{2,5}$/))
  .map(([labels, tld]) => [...labels, tld].join("."));
/** Path segments of unreserved characters (no segment of dots alone) and the euro sign. */
const segment = fc.stringMatching(/^[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,7}$|^€$/);
const param = fc.tuple(fc.stringMatching(/^[a-z]{1,5}$/), fc.stringMatching(/^[A-Za-z0-9]{0,5}$/));
const params = fc
  .uniqueArray(param, { maxLength: 4, selector: ([key]) => key })
  .filter((ps) => ps.every(([key]) => !/^(ref|spm|ocid|ncid)$/.test(key)));

const article = fc.record({ host, path: fc.array(segment, { maxLength: 4 }), params });
type Article = typeof article extends fc.Arbitrary<infer A> ? A : never;

const query = (ps: readonly (readonly [string, string])[]) => (ps.length ? `?${ps.map(([k, v]) => `${k}=${v}`).join("&")}` : "");
const encodePath = (path: readonly string[]) => path.map((s) => encodeURIComponent(s));
const plain = (a: Article) =>
  `https://${a.host}/${encodePath(a.path).join("/")}${query([...a.params].sort(([x], [y]) => (x < y ? -1 : 1)))}`;

/** A variant of the article's URL that names the same article. */
const variant = fc.record({
  http: fc.boolean(),
  upperHost: fc.array(fc.boolean(), { maxLength: 30 }),
  www: fc.boolean(),
  defaultPort: fc.boolean(),
  trailingDot: fc.boolean(),
  trailingSlash: fc.boolean(),
  fragment: fc.option(fc.stringMatching(/^[a-z0-9]{0,6}$/), { nil: null }),
  tracking: fc.array(fc.tuple(fc.constantFrom(...TRACKING), fc.stringMatching(/^[a-z0-9]{1,5}$/), fc.nat()), { maxLength: 3 }),
  order: fc.array(fc.nat(), { maxLength: 4 }),
  dotSegment: fc.option(fc.nat(), { nil: null }),
  encodeUnreserved: fc.boolean(),
  lowerEscapes: fc.boolean(),
  spaces: fc.boolean(),
});

function render(a: Article, v: typeof variant extends fc.Arbitrary<infer V> ? V : never): string {
  const hostName =
    [...(v.www ? `www.${a.host}` : a.host)].map((ch, i) => (v.upperHost[i] ? ch.toUpperCase() : ch)).join("") + (v.trailingDot ? "." : "");
  const port = v.defaultPort ? (v.http ? ":80" : ":443") : "";
  let path = encodePath(a.path).map((s) => (v.encodeUnreserved ? s.replace(/[~a-z]/g, (ch) => `%${ch.charCodeAt(0).toString(16)}`) : s));
  if (v.lowerEscapes) path = path.map((s) => s.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()));
  if (v.dotSegment !== null) path.splice(v.dotSegment % (path.length + 1), 0, ...(v.dotSegment % 2 ? ["."] : ["x", ".."]));
  const ps: (readonly [string, string])[] = [...a.params];
  for (const [i, n] of v.order.entries())
    if (ps.length > 1) [ps[i % ps.length], ps[n % ps.length]] = [ps[n % ps.length]!, ps[i % ps.length]!];
  for (const [key, value, at] of v.tracking) ps.splice(at % (ps.length + 1), 0, [key, value]);
  const url = `${v.http ? "http" : "https"}://${hostName}${port}/${path.join("/")}${v.trailingSlash && path.length ? "/" : ""}${query(ps)}${v.fragment !== null ? `#${v.fragment}` : ""}`;
  return v.spaces ? `  ${url}\t` : url;
}

describe("canonicalUrl", () => {
  it("gives every variant of an article's URL the canonical form of its plain https URL", () => {
    fc.assert(
      fc.property(article, variant, (a, v) => {
        const canonical = canonicalUrl(plain(a));
        expect(canonical).not.toBeNull();
        expect(canonicalUrl(render(a, v))).toBe(canonical);
      }),
      { numRuns: 400 },
    );
  });

  it("is idempotent: a canonical URL is its own canonical form", () => {
    const anyUrl = fc.oneof(
      fc.webUrl({ withQueryParameters: true, withFragments: true, validSchemes: ["http", "https"] }),
      article.chain((a) => variant.map((v) => render(a, v))),
      fc.string(),
    );
    fc.assert(
      fc.property(anyUrl, (url) => {
        const canonical = canonicalUrl(url);
        if (canonical !== null) expect(canonicalUrl(canonical)).toBe(canonical);
      }),
      { numRuns: 500 },
    );
  });

  // Faults the properties found: one pass left a form the next pass changed again.
  it("is idempotent for a query part that is not name=value and for escaped control characters", () => {
    for (const url of ["https://a.example/x?/", "https://a.example/x?b&/", "https://a.example/x?%09b&a", "https://a.example/%09/y"]) {
      expect(canonicalUrl(canonicalUrl(url)!)).toBe(canonicalUrl(url));
    }
  });

  it("is https, without www., fragment, tracking parameters or lower-case escapes, with sorted parameters", () => {
    fc.assert(
      fc.property(article, variant, (a, v) => {
        const canonical = canonicalUrl(render(a, v))!;
        const url = new URL(canonical);
        expect(url.protocol).toBe("https:");
        expect(url.hostname.startsWith("www.")).toBe(false);
        expect(canonical).not.toContain("#");
        expect(canonical).not.toMatch(/%[0-9A-F]?[a-f]/);
        const keys = [...url.searchParams.keys()];
        expect(keys.filter((k) => TRACKING.some((t) => t.toLowerCase() === k.toLowerCase()))).toEqual([]);
        expect(keys).toEqual([...keys].sort());
        expect(url.pathname === "/" || !url.pathname.endsWith("/")).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("is null for what is not an absolute http(s) URL with a dotted host and no credentials", () => {
    fc.assert(
      fc.property(
        article,
        fc.constantFrom("ftp://", "mailto:", "file:///", "javascript:", "//", "", "https://user:pw@", "https://user@"),
        (a, prefix) => {
          expect(canonicalUrl(`${prefix}${a.host}/${encodePath(a.path).join("/")}`)).toBeNull();
        },
      ),
      { numRuns: 100 },
    );
    fc.assert(
      // A host of digits alone is an IPv4 address ("0" is 0.0.0.0): a name needs a letter.
      fc.property(
        label.filter((l) => /[a-z]/.test(l)),
        (single) => {
          expect(canonicalUrl(`https://${single}/a`)).toBeNull();
        },
      ),
      { numRuns: 50 },
    );
  });
});

import normalizeUrl from "normalize-url";

/** Query parameters that track clicks rather than identify content. */
const TRACKING =
  /^(utm_.*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid|_hsenc|_hsmi|ref|ref_src|ref_url|spm|cmpid|ncid|guccounter|ocid)$/i;

/**
 * The canonical form of an article URL, so the same article is one node however it was
 * linked. By the URL standard (WHATWG URL, then RFC 3986 normalisation by normalize-url):
 * scheme and host in lower case, IDN hosts in punycode, no trailing dot on the host, no
 * default port, dot segments resolved, unreserved characters not percent-encoded and the
 * remaining percent-encodings in upper case. Then the forms that mean the same article:
 * https for http, no "www.", no fragment, no tracking parameters, other parameters sorted,
 * no trailing slash. Returns null when the text is not an absolute http(s) URL.
 */
export function canonicalUrl(input: string): string | null {
  // One pass may leave a form the next pass changes again ("x?/" gives "x?", which gives "x";
  // a decoded escape may make "//" that collapses): the canonical form is where passes agree.
  let canonical = normalizeOnce(input);
  for (let pass = 0; canonical !== null && pass < 4; pass += 1) {
    const again = normalizeOnce(canonical);
    if (again === canonical) break;
    canonical = again;
  }
  return canonical;
}

function normalizeOnce(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (!url.hostname.replace(/\.$/, "").includes(".") || url.username || url.password) return null;
  const normalized = normalizeUrl(url.href, {
    forceHttps: true,
    stripHash: true,
    stripWWW: true,
    removeQueryParameters: [TRACKING],
    sortQueryParameters: true,
    removeTrailingSlash: true,
    removeSingleSlash: true,
  });
  return normalized.replace(/%[0-9a-f]{2}/gi, (escape) => escape.toUpperCase());
}

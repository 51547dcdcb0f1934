import { createHash } from "node:crypto";

/** Query parameters that track clicks rather than identify content. */
const TRACKING = /^(utm_.*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid|_hsenc|_hsmi|ref|ref_src|ref_url|spm|cmpid|ncid|guccounter|ocid)$/i;

/**
 * The canonical form of an article URL, so the same article is one node however it was
 * linked: lower-case scheme and host, no "www.", default port, fragment, tracking
 * parameters or trailing slash; remaining parameters sorted. Returns null when the text
 * is not an http(s) URL.
 */
export function canonicalUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (!url.hostname.includes(".") || url.username || url.password) return null;
  const host = url.host.replace(/^www\./, "");
  const params = [...url.searchParams.entries()]
    .filter(([name]) => !TRACKING.test(name))
    .sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)));
  const search = params.length ? `?${new URLSearchParams(params).toString()}` : "";
  const path = url.pathname.replace(/\/+$/, "");
  return `${url.protocol}//${host}${path}${search}`;
}

/** The article's internal id: derived from its canonical URL, so concurrent ingests agree on it. */
export function articleUid(canonical: string): string {
  return createHash("sha256").update(canonical).digest("hex").slice(0, 24);
}

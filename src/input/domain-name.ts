import { BadUserInputError } from "../errors.js";

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/**
 * The canonical form of an outlet's domain, so "https://www.CoinDesk.com/markets" and
 * "coindesk.com" are the same Source: lower case, no scheme, path, port or leading "www.".
 */
export function canonicalDomain(input: string, field = "domain"): string {
  let text = input.trim().toLowerCase();
  if (text.includes("://")) {
    try {
      text = new URL(text).hostname;
    } catch {
      throw new BadUserInputError(`"${input}" is not a domain or URL`, field);
    }
  }
  text = text
    .replace(/[/?#:].*$/, "")
    .replace(/\.$/, "")
    .replace(/^www\./, "");
  if (!HOST_NAME.test(text)) {
    throw new BadUserInputError(`"${input}" is not a domain name (expected e.g. coindesk.com)`, field);
  }
  return text;
}

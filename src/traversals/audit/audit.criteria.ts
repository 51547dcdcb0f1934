import { pairKey } from "../../cypher/claim-pair.js";
import { toLabelKey } from "../../domain/claim/claim.criteria.js";
import { canonicalUrl } from "../../input/canonical-url.js";
import type { FieldReader } from "../../input/field-reader.js";
import type { Problems } from "../../input/problems.js";
import type { AuditScope } from "./audit.cypher.js";
import type { AuditFilter } from "./audit.type.js";

/**
 * An audit filter in the graph's canonical forms (symbols upper-case, domains canonical, keys
 * lower-case, times as epoch ms), its problems added to `problems` (those `read` adds to) under
 * `prefix.<field>`; the caller throws them. Shared by `attributionAudit` and the exports (/export/audit.csv).
 */
export function readAuditScope(f: AuditFilter, problems: Problems, read: FieldReader, prefix: string): AuditScope {
  const field = (name: string) => `${prefix}.${name}`;
  const articleUrl = f.articleUrl ? canonicalUrl(f.articleUrl) : null;
  if (f.articleUrl && !articleUrl) problems.add(field("articleUrl"), `"${f.articleUrl}" is not an absolute http(s) URL`);
  const cause = f.cause ? toLabelKey(f.cause, field("cause"), read) : null;
  const effect = f.effect ? toLabelKey(f.effect, field("effect"), read) : null;
  const from = f.from == null ? null : Date.parse(read.dateTime(f.from, field("from")));
  const to = f.to == null ? null : Date.parse(read.dateTime(f.to, field("to")));
  if (from !== null && to !== null && to < from) problems.add(field("to"), `must not be before ${field("from")} (${f.from})`);
  return {
    articleUrl,
    source: f.source ? read.domain(f.source, field("source")) : null,
    asset: f.asset ? read.symbol(f.asset, field("asset")) : null,
    status: f.status ?? null,
    cause,
    effect,
    pair: cause && effect ? pairKey(cause, effect) : null,
    event: f.event ? read.key(f.event, field("event")) : null,
    narrative: f.narrative ? read.key(f.narrative, field("narrative")) : null,
    from: from !== null && Number.isNaN(from) ? null : from,
    to: to !== null && Number.isNaN(to) ? null : to,
  };
}

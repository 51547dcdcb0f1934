import { createHash } from "node:crypto";
import type { Label } from "../../../graph/labels.js";
import { toLabelKey } from "../../claim/claim.criteria.js";
import { LevelKind, AssetClass } from "../../asset/asset.enums.js";
import { CausalRelation, Modality, Polarity } from "../../claim/claim.enums.js";
import { NodeKind, type NodeRef } from "../../node/node-ref.input.js";
import { SourceKind } from "../../source/source.type.js";
import { Sentiment } from "../article.enums.js";
import type { IngestArticleInput } from "../article.input.js";
import { articleUid } from "./canonical-url.js";
import { FieldReader } from "../../../input/field-reader.js";
import type { FieldRef, NormalizedArticle, SourceRow } from "./normalized.js";
import { Problems } from "../../../input/problems.js";

const MAX_LIST = 500;
const CAUSAL_KINDS = new Set<NodeKind>([
  NodeKind.ASSET,
  NodeKind.ENTITY,
  NodeKind.MACRO_FACTOR,
  NodeKind.EVENT,
  NodeKind.PRICE_MOVE,
  NodeKind.NARRATIVE,
]);

const shortHash = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 16);

/**
 * Validates an ingest input and brings it to canonical form. Every problem is collected and
 * reported at once as BAD_USER_INPUT with field paths (`input.claims[2].confidence`);
 * references the input does not define are returned for the caller to check in the graph.
 */
export function normalizeIngestInput(input: IngestArticleInput): NormalizedArticle {
  const problems = new Problems();
  const read = new FieldReader(problems);
  const at = (path: string) => `input.${path}`;

  const url = read.url(input.url, at("url"));
  const uid = articleUid(url);

  // Sources: the publisher, the outlets named inline, and the cited articles' outlets.
  const sources = new Map<string, SourceRow>();
  const addSource = (value: { domain: string; name: string; kind?: SourceKind | null } | undefined, path: string) => {
    if (!value) return read.text(undefined, at(path), 1);
    const domain = read.domain(value.domain, at(`${path}.domain`));
    const name = read.text(value.name, at(`${path}.name`), 200);
    const kind = read.oneOf(value.kind, at(`${path}.kind`), SourceKind);
    if (!sources.has(domain)) sources.set(domain, { domain, name, kind });
    return domain;
  };
  const sourceDomain = addSource(input.source, "source");
  read.list(input.sources, at("sources"), MAX_LIST).forEach((s, i) => addSource(s, `sources[${i}]`));

  // What this input defines, by label, for resolving references.
  const defined = new Map<Label, Set<string>>();
  const define = (label: Label, key: string, path: string) => {
    const keys = defined.get(label) ?? new Set<string>();
    if (keys.has(key)) problems.add(at(path), `duplicates an earlier ${label} "${key}" in this input`);
    keys.add(key);
    defined.set(label, keys);
  };

  const cites = read.list(input.cites, at("cites"), MAX_LIST).map((c, i) => {
    const path = `cites[${i}]`;
    const citeUrl = read.url(c.url, at(`${path}.url`));
    if (citeUrl === url) problems.add(at(`${path}.url`), "an article cannot cite itself");
    return {
      uid: articleUid(citeUrl),
      url: citeUrl,
      title: read.text(c.title, at(`${path}.title`), 500),
      publishedAt: read.dateTime(c.publishedAt, at(`${path}.publishedAt`)),
      summary: read.optionalText(c.summary, at(`${path}.summary`), 5000),
      sourceDomain: addSource(c.source, `${path}.source`),
    };
  });
  const citeUids = new Map<string, string>();
  cites.forEach((c, i) => {
    if (citeUids.has(c.url)) problems.add(at(`cites[${i}].url`), "is cited twice");
    citeUids.set(c.url, c.uid);
  });

  const tags = [...new Set(read.list(input.tags, at("tags"), 100).map((t, i) => {
    const tag = read.text(String(t ?? "").replace(/^#/, "").toLowerCase(), at(`tags[${i}]`), 64);
    return tag;
  }))];

  const assets = read.list(input.assets, at("assets"), MAX_LIST).map((a, i) => {
    const symbol = read.symbol(a.symbol, at(`assets[${i}].symbol`));
    define("Asset", symbol, `assets[${i}].symbol`);
    return {
      symbol,
      name: read.text(a.name, at(`assets[${i}].name`), 200),
      assetClass: read.oneOf(a.assetClass, at(`assets[${i}].assetClass`), AssetClass),
    };
  });
  const entities = read.list(input.entities, at("entities"), MAX_LIST).map((e, i) => {
    const key = read.key(e.key, at(`entities[${i}].key`));
    define("Entity", key, `entities[${i}].key`);
    return { key, name: read.text(e.name, at(`entities[${i}].name`), 200), kind: read.optionalText(e.kind, at(`entities[${i}].kind`), 60) };
  });
  const macroFactors = read.list(input.macroFactors, at("macroFactors"), MAX_LIST).map((m, i) => {
    const key = read.key(m.key, at(`macroFactors[${i}].key`));
    define("MacroFactor", key, `macroFactors[${i}].key`);
    return {
      key,
      name: read.text(m.name, at(`macroFactors[${i}].name`), 200),
      kind: read.optionalText(m.kind, at(`macroFactors[${i}].kind`), 60),
      description: read.optionalText(m.description, at(`macroFactors[${i}].description`), 5000),
    };
  });
  const narratives = read.list(input.narratives, at("narratives"), MAX_LIST).map((n, i) => {
    const key = read.key(n.key, at(`narratives[${i}].key`));
    define("Narrative", key, `narratives[${i}].key`);
    return {
      key,
      name: read.text(n.name, at(`narratives[${i}].name`), 200),
      description: read.optionalText(n.description, at(`narratives[${i}].description`), 5000),
    };
  });

  // Events and price moves are defined before anything refers to them.
  const eventInputs = read.list(input.events, at("events"), MAX_LIST);
  const events = eventInputs.map((e, i) => {
    const path = `events[${i}]`;
    const key = read.key(e.key, at(`${path}.key`));
    define("Event", key, `${path}.key`);
    const occurredAt = read.optionalDateTime(e.occurredAt, at(`${path}.occurredAt`));
    const endedAt = read.optionalDateTime(e.endedAt, at(`${path}.endedAt`));
    if (occurredAt && endedAt && Date.parse(endedAt) < Date.parse(occurredAt)) {
      problems.add(at(`${path}.endedAt`), "must not be before occurredAt");
    }
    return {
      key,
      kind: read.key(e.kind, at(`${path}.kind`)),
      title: read.text(e.title, at(`${path}.title`), 500),
      occurredAt,
      endedAt,
      amountUsd: read.number(e.amountUsd, at(`${path}.amountUsd`), { min: 0 }),
    };
  });
  const priceMoveInputs = read.list(input.priceMoves, at("priceMoves"), MAX_LIST);
  priceMoveInputs.forEach((p, i) => define("PriceMove", read.key(p.key, at(`priceMoves[${i}].key`)), `priceMoves[${i}].key`));

  const externalRefs: FieldRef[] = [];
  const ref = (value: NodeRef | undefined, path: string, allowed?: ReadonlySet<NodeKind>) => {
    const field = at(path);
    const kind = read.oneOf(value?.kind, `${field}.kind`, NodeKind);
    if (!kind || !value) return null;
    if (allowed && !allowed.has(kind)) {
      problems.add(`${field}.kind`, `cannot be ${kind} here (allowed: ${[...allowed].join(", ")})`);
      return null;
    }
    const { label, key } = toLabelKey(value, field, read);
    const known = label === "Source" ? sources.has(key) : defined.get(label)?.has(key);
    if (!known) externalRefs.push({ label, key, field });
    return { label, key };
  };

  const eventLinks = eventInputs.flatMap((e, i) =>
    read.list(e.affects, at(`events[${i}].affects`), 50).flatMap((target, j) => {
      const resolved = ref(target, `events[${i}].affects[${j}]`);
      return resolved ? [{ from: events[i]!.key, role: "AFFECTS", ...resolved }] : [];
    }),
  );

  const citedReports = read.list(input.cites, at("cites"), MAX_LIST).flatMap((c, i) =>
    read.list(c.reports, at(`cites[${i}].reports`), 50).flatMap((report, j) => {
      const path = `cites[${i}].reports[${j}]`;
      const target = ref({ kind: NodeKind.EVENT, key: report.event }, `${path}.event`);
      const amountUsd = read.number(report.amountUsd, at(`${path}.amountUsd`), { min: 0 });
      return target && cites[i] ? [{ citeUid: cites[i].uid, event: target.key, amountUsd }] : [];
    }),
  );

  const assetRef = (symbol: string, path: string) => ref({ kind: NodeKind.ASSET, key: symbol }, path)?.key ?? symbol;

  const priceMoves = priceMoveInputs.map((p, i) => {
    const path = `priceMoves[${i}]`;
    const startAt = read.dateTime(p.startAt, at(`${path}.startAt`));
    const endAt = read.dateTime(p.endAt, at(`${path}.endAt`));
    if (Date.parse(endAt) < Date.parse(startAt)) problems.add(at(`${path}.endAt`), "must not be before startAt");
    const price = (name: "open" | "high" | "low" | "close") => read.number(p[name], at(`${path}.${name}`), { positive: true });
    const [open, high, low, close] = [price("open"), price("high"), price("low"), price("close")];
    if (high !== null && low !== null && low > high) problems.add(at(`${path}.low`), "must not be above high");
    for (const [name, value] of [["open", open], ["close", close]] as const) {
      if (value !== null && ((high !== null && value > high) || (low !== null && value < low))) {
        problems.add(at(`${path}.${name}`), "must lie between low and high");
      }
    }
    return {
      key: read.key(p.key, at(`${path}.key`)),
      symbol: assetRef(read.symbol(p.asset, at(`${path}.asset`)), `${path}.asset`),
      startAt,
      endAt,
      open,
      high,
      low,
      close,
      changePct: open !== null && close !== null ? Math.round(((close - open) / open) * 10_000) / 100 : null,
      description: read.optionalText(p.description, at(`${path}.description`), 2000),
    };
  });

  const levelKeys = new Set<string>();
  const levels = read.list(input.levels, at("levels"), MAX_LIST).map((l, i) => {
    const path = `levels[${i}]`;
    const symbol = assetRef(read.symbol(l.asset, at(`${path}.asset`)), `${path}.asset`);
    const price = read.number(l.price, at(`${path}.price`), { positive: true }) ?? 0;
    const kind = read.oneOf(l.kind, at(`${path}.kind`), LevelKind) ?? LevelKind.SUPPORT;
    const key = `${uid}:${symbol}:${kind}:${price}`.toLowerCase();
    if (levelKeys.has(key)) problems.add(at(path), `states the same ${kind} at ${price} twice`);
    levelKeys.add(key);
    return { key, symbol, price, kind, note: read.optionalText(l.note, at(`${path}.note`), 2000) };
  });

  const indicatorKeys = new Set<string>();
  const indicators = read.list(input.indicators, at("indicators"), MAX_LIST).map((r, i) => {
    const path = `indicators[${i}]`;
    const symbol = assetRef(read.symbol(r.asset, at(`${path}.asset`)), `${path}.asset`);
    const metric = read.key(r.metric, at(`${path}.metric`));
    const key = `${uid}:${symbol}:${metric}`.toLowerCase();
    if (indicatorKeys.has(key)) problems.add(at(path), `gives ${metric} for ${symbol} twice`);
    indicatorKeys.add(key);
    return {
      key,
      symbol,
      metric,
      value: read.number(r.value, at(`${path}.value`), {}),
      reading: read.text(r.reading, at(`${path}.reading`), 500),
      at: read.optionalDateTime(r.at, at(`${path}.at`)),
    };
  });

  const claimInputs = read.list(input.claims, at("claims"), MAX_LIST);
  const claimLinks: NormalizedArticle["claimLinks"] = [];
  const claimKeys = new Map<string, number>();
  const claimDrafts = claimInputs.map((c, i) => {
    const path = `claims[${i}]`;
    const relation = read.oneOf(c.relation, at(`${path}.relation`), CausalRelation) ?? CausalRelation.CAUSES;
    const polarity = read.oneOf(c.polarity, at(`${path}.polarity`), Polarity, Polarity.ASSERTED)!;
    const modality = read.oneOf(c.modality, at(`${path}.modality`), Modality, Modality.FACT)!;
    const confidence = read.number(c.confidence ?? 0.5, at(`${path}.confidence`), { min: 0, max: 1 }) ?? 0.5;
    const text = read.text(c.text, at(`${path}.text`), 4000);
    const cause = ref(c.cause, `${path}.cause`, CAUSAL_KINDS);
    const effect = ref(c.effect, `${path}.effect`, CAUSAL_KINDS);
    if (cause && effect && cause.label === effect.label && cause.key === effect.key) {
      problems.add(at(`${path}.effect`), "must differ from the cause");
    }
    const conditions = read.list(c.conditions, at(`${path}.conditions`), 20).flatMap((z, j) => {
      const resolved = ref(z, `${path}.conditions[${j}]`, CAUSAL_KINDS);
      return resolved ? [resolved] : [];
    });
    if (modality === Modality.CONDITIONAL && conditions.length === 0 && !(c.conditions ?? []).length) {
      problems.add(at(`${path}.conditions`), "a CONDITIONAL claim needs at least one condition");
    }
    if (modality !== Modality.CONDITIONAL && (c.conditions ?? []).length > 0) {
      problems.add(at(`${path}.modality`), "must be CONDITIONAL when the claim has conditions");
    }
    const key = c.key ? read.key(c.key, at(`${path}.key`)) : `c-${shortHash([text, relation, polarity, cause, effect])}`;
    const earlier = claimKeys.get(key);
    if (earlier !== undefined) problems.add(at(c.key ? `${path}.key` : path), `duplicates claims[${earlier}]`);
    claimKeys.set(key, i);

    const links = [
      ...(cause ? [{ role: "CAUSE", ...cause }] : []),
      ...(effect ? [{ role: "EFFECT", ...effect }] : []),
      ...conditions.map((z) => ({ role: "IF", ...z })),
      ...read.list(c.attributedTo, at(`${path}.attributedTo`), 20).map((d, j) => {
        const domain = read.domain(d, at(`${path}.attributedTo[${j}]`));
        if (!sources.has(domain)) sources.set(domain, { domain, name: domain, kind: null });
        return { role: "ATTRIBUTED_TO", label: "Source" as const, key: domain };
      }),
      ...read.list(c.supportedBy, at(`${path}.supportedBy`), 20).flatMap((u, j) => {
        const field = at(`${path}.supportedBy[${j}]`);
        const supportUrl = read.url(u, field);
        const citeUid = citeUids.get(supportUrl);
        if (!citeUid) {
          problems.add(field, `"${u}" is not among this article's cites`);
          return [];
        }
        return [{ role: "SUPPORTED_BY", label: "Article" as const, key: citeUid }];
      }),
      ...read.list(c.narratives, at(`${path}.narratives`), 20).flatMap((n, j) => {
        const resolved = ref({ kind: NodeKind.NARRATIVE, key: n }, `${path}.narratives[${j}]`);
        return resolved ? [{ role: "ADVANCES", ...resolved }] : [];
      }),
    ];
    return { key, text, relation, polarity, modality, confidence, links };
  });

  const article = {
    uid,
    url,
    title: read.text(input.title, at("title"), 500),
    summary: read.optionalText(input.summary, at("summary"), 5000),
    body: read.optionalText(input.body, at("body"), 200_000),
    publishedAt: read.dateTime(input.publishedAt, at("publishedAt")),
    author: read.optionalText(input.author, at("author"), 200),
    sentiment: read.oneOf(input.sentiment, at("sentiment"), Sentiment),
    score: read.integer(input.score, at("score"), 0, 100),
    threatLevel: read.integer(input.threatLevel, at("threatLevel"), 1, 5),
    riskLevel: read.optionalText(input.riskLevel, at("riskLevel"), 40)?.toUpperCase() ?? null,
    sourceDomain,
  };
  problems.throwIfAny();

  // The hash covers the canonical content, so cosmetic differences (www., key case) don't count as changes.
  const content = { article, sources: [...sources.values()], cites, tags, assets, entities, macroFactors, narratives, events, citedReports, eventLinks, priceMoves, levels, indicators, claimDrafts };
  const contentHash = createHash("sha256").update(JSON.stringify(content)).digest("hex");
  const version = contentHash.slice(0, 12);
  const claims = claimDrafts.map(({ links, ...claim }) => {
    const claimUid = `${uid}:${version}:${claim.key}`;
    claimLinks.push(...links.map((link) => ({ ...link, from: claimUid })));
    return { uid: claimUid, ...claim };
  });

  return {
    article: { ...article, contentHash },
    sources: [...sources.values()],
    cites,
    tags,
    assets,
    entities,
    macroFactors,
    narratives,
    events,
    citedReports,
    eventLinks,
    priceMoves,
    levels,
    indicators,
    claims,
    claimLinks,
    externalRefs,
  };
}

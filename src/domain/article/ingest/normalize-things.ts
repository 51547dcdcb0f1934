import { AssetClass } from "../../asset/asset.enums.js";
import { CAUSAL_NODE_KINDS, NodeKind } from "../../shared/node-ref.input.js";
import type { IngestArticleInput } from "../article.input.js";
import { articleUid } from "../../shared/article-id.js";
import { MAX_LIST, type InputScope } from "./input-scope.js";
import type { NormalizedArticle } from "./normalized.js";

type Things = Pick<NormalizedArticle, "cites" | "tags" | "assets" | "entities" | "macroFactors" | "narratives" | "events">;

/** The cited articles, tags and the keyed things an article defines (assets, entities, factors, narratives, events). */
export function normalizeThings(scope: InputScope, input: IngestArticleInput, url: string): Things {
  const read = scope.read;
  const at = (path: string) => scope.at(path);
  const cites = read.list(input.cites, at("cites"), MAX_LIST).map((c, i) => {
    const path = `cites[${i}]`;
    const citeUrl = read.url(c.url, at(`${path}.url`));
    if (citeUrl === url) scope.problems.add(at(`${path}.url`), "an article cannot cite itself");
    return {
      uid: articleUid(citeUrl),
      url: citeUrl,
      title: read.text(c.title, at(`${path}.title`), 500),
      publishedAt: read.dateTime(c.publishedAt, at(`${path}.publishedAt`)),
      summary: read.optionalText(c.summary, at(`${path}.summary`), 5000),
      sourceDomain: scope.addSource(c.source, `${path}.source`),
    };
  });
  const seen = new Set<string>();
  cites.forEach((c, i) => {
    if (seen.has(c.url)) scope.problems.add(at(`cites[${i}].url`), "is cited twice");
    seen.add(c.url);
  });

  const tags = [...new Set(read.list(input.tags, at("tags"), 100).map((t, i) => read.tag(t, at(`tags[${i}]`))))];

  const assets = read.list(input.assets, at("assets"), MAX_LIST).map((a, i) => {
    const symbol = read.symbol(a.symbol, at(`assets[${i}].symbol`));
    scope.define("Asset", symbol, `assets[${i}].symbol`);
    return {
      symbol,
      name: read.text(a.name, at(`assets[${i}].name`), 200),
      assetClass: read.oneOf(a.assetClass, at(`assets[${i}].assetClass`), AssetClass),
    };
  });
  const entities = read.list(input.entities, at("entities"), MAX_LIST).map((e, i) => {
    const key = read.key(e.key, at(`entities[${i}].key`));
    scope.define("Entity", key, `entities[${i}].key`);
    return { key, name: read.text(e.name, at(`entities[${i}].name`), 200), kind: read.optionalText(e.kind, at(`entities[${i}].kind`), 60) };
  });
  const macroFactors = read.list(input.macroFactors, at("macroFactors"), MAX_LIST).map((m, i) => {
    const key = read.key(m.key, at(`macroFactors[${i}].key`));
    scope.define("MacroFactor", key, `macroFactors[${i}].key`);
    return {
      key,
      name: read.text(m.name, at(`macroFactors[${i}].name`), 200),
      kind: read.optionalText(m.kind, at(`macroFactors[${i}].kind`), 60),
      description: read.optionalText(m.description, at(`macroFactors[${i}].description`), 5000),
    };
  });
  const narratives = read.list(input.narratives, at("narratives"), MAX_LIST).map((n, i) => {
    const key = read.key(n.key, at(`narratives[${i}].key`));
    scope.define("Narrative", key, `narratives[${i}].key`);
    return {
      key,
      name: read.text(n.name, at(`narratives[${i}].name`), 200),
      description: read.optionalText(n.description, at(`narratives[${i}].description`), 5000),
    };
  });
  const events = read.list(input.events, at("events"), MAX_LIST).map((e, i) => {
    const path = `events[${i}]`;
    const key = read.key(e.key, at(`${path}.key`));
    scope.define("Event", key, `${path}.key`);
    const occurredAt = read.optionalDateTime(e.occurredAt, at(`${path}.occurredAt`));
    const endedAt = read.optionalDateTime(e.endedAt, at(`${path}.endedAt`));
    if (occurredAt && endedAt && Date.parse(endedAt) < Date.parse(occurredAt)) {
      scope.problems.add(at(`${path}.endedAt`), "must not be before occurredAt");
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
  return { cites, tags, assets, entities, macroFactors, narratives, events };
}

/** What events affect, and the figures cited articles give for events; run once everything is defined. */
export function normalizeEventLinks(
  scope: InputScope,
  input: IngestArticleInput,
  things: Things,
): Pick<NormalizedArticle, "eventLinks" | "citedReports"> {
  const { read } = scope;
  const eventLinks = (input.events ?? []).flatMap((e, i) =>
    read.list(e.affects, scope.at(`events[${i}].affects`), 50).flatMap((target, j) => {
      const path = `events[${i}].affects[${j}]`;
      const resolved = scope.ref(target, path, CAUSAL_NODE_KINDS);
      const event = things.events[i];
      if (resolved && event && resolved.label === "Event" && resolved.key === event.key) {
        scope.problems.add(scope.at(path), "an event cannot affect itself");
        return [];
      }
      return resolved && event ? [{ from: event.key, role: "AFFECTS", ...resolved }] : [];
    }),
  );
  const citedReports = (input.cites ?? []).flatMap((c, i) =>
    read.list(c.reports, scope.at(`cites[${i}].reports`), 50).flatMap((report, j) => {
      const path = `cites[${i}].reports[${j}]`;
      const target = scope.ref({ kind: NodeKind.EVENT, key: report.event }, `${path}.event`);
      const amountUsd = read.number(report.amountUsd, scope.at(`${path}.amountUsd`), { min: 0 });
      return target && things.cites[i] ? [{ citeUid: things.cites[i].uid, event: target.key, amountUsd }] : [];
    }),
  );
  return { eventLinks, citedReports };
}

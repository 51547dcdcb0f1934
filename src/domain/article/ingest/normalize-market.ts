import { LevelKind } from "../../asset/asset.enums.js";
import type { IngestArticleInput } from "../article.input.js";
import { MAX_LIST, type InputScope } from "./input-scope.js";
import type { NormalizedArticle } from "./normalized.js";

/** Defines the input's price move keys, so claims and events may refer to them in any order. */
export function definePriceMoves(scope: InputScope, input: IngestArticleInput): string[] {
  return scope.read.list(input.priceMoves, scope.at("priceMoves"), MAX_LIST).map((p, i) => {
    const key = scope.read.key(p.key, scope.at(`priceMoves[${i}].key`));
    scope.define("PriceMove", key, `priceMoves[${i}].key`);
    return key;
  });
}

/** Price moves, levels and indicator readings: what the article says about prices. */
export function normalizeMarket(
  scope: InputScope,
  input: IngestArticleInput,
  articleUid: string,
  moveKeys: readonly string[],
): Pick<NormalizedArticle, "priceMoves" | "levels" | "indicators"> {
  const { read, problems } = scope;
  const at = (path: string) => scope.at(path);

  const priceMoves = (input.priceMoves ?? []).map((p, i) => {
    const path = `priceMoves[${i}]`;
    const startAt = read.dateTime(p.startAt, at(`${path}.startAt`));
    const endAt = read.dateTime(p.endAt, at(`${path}.endAt`));
    if (Date.parse(endAt) < Date.parse(startAt)) problems.add(at(`${path}.endAt`), "must not be before startAt");
    const price = (name: "open" | "high" | "low" | "close") => read.number(p[name], at(`${path}.${name}`), { positive: true });
    const [open, high, low, close] = [price("open"), price("high"), price("low"), price("close")];
    if (high !== null && low !== null && low > high) problems.add(at(`${path}.low`), "must not be above high");
    for (const [name, value] of [
      ["open", open],
      ["close", close],
    ] as const) {
      if (value !== null && ((high !== null && value > high) || (low !== null && value < low))) {
        problems.add(at(`${path}.${name}`), "must lie between low and high");
      }
    }
    return {
      key: moveKeys[i]!,
      symbol: scope.assetRef(p.asset, `${path}.asset`),
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
    const symbol = scope.assetRef(l.asset, `${path}.asset`);
    const price = read.number(l.price, at(`${path}.price`), { positive: true }) ?? 0;
    const kind = read.oneOf(l.kind, at(`${path}.kind`), LevelKind) ?? LevelKind.SUPPORT;
    // A level belongs to the article that states it: the same price stated twice is one level.
    const key = `${articleUid}:${symbol}:${kind}:${price}`.toLowerCase();
    if (levelKeys.has(key)) problems.add(at(path), `states the same ${kind} at ${price} twice`);
    levelKeys.add(key);
    return { key, symbol, price, kind, note: read.optionalText(l.note, at(`${path}.note`), 2000) };
  });

  const indicatorKeys = new Set<string>();
  const indicators = read.list(input.indicators, at("indicators"), MAX_LIST).map((r, i) => {
    const path = `indicators[${i}]`;
    const symbol = scope.assetRef(r.asset, `${path}.asset`);
    const metric = read.key(r.metric, at(`${path}.metric`));
    const key = `${articleUid}:${symbol}:${metric}`.toLowerCase();
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
  return { priceMoves, levels, indicators };
}

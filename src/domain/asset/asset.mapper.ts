import type { NodeRow } from "../../cypher/projection.js";
import { toGlobalId } from "../../graphql/global-id.js";
import { aliasesOf, optionalNumber, optionalText, text, type NodeMappers } from "../shared/row-values.js";
import type { AssetClass, LevelKind } from "./asset.enums.js";
import { Asset, IndicatorReading, PriceLevel, PriceMove } from "./asset.type.js";

const toAsset = (r: NodeRow): Asset =>
  Object.assign(new Asset(), {
    id: toGlobalId("Asset", text(r.symbol)),
    symbol: text(r.symbol),
    name: text(r.name),
    assetClass: optionalText(r.assetClass) as AssetClass | null,
    aliases: aliasesOf(r, text(r.symbol), r.name),
  });

export const toPriceMove = (r: NodeRow): PriceMove =>
  Object.assign(new PriceMove(), {
    id: toGlobalId("PriceMove", text(r.key)),
    key: text(r.key),
    startAt: text(r.startAt),
    endAt: text(r.endAt),
    open: optionalNumber(r.open),
    high: optionalNumber(r.high),
    low: optionalNumber(r.low),
    close: optionalNumber(r.close),
    changePct: optionalNumber(r.changePct),
    description: optionalText(r.description),
    symbol: text(r.symbol),
    aliases: aliasesOf(r, text(r.key), r.description),
  });

export const toPriceLevel = (r: NodeRow): PriceLevel =>
  Object.assign(new PriceLevel(), {
    id: toGlobalId("PriceLevel", text(r.key)),
    key: text(r.key),
    price: Number(r.price),
    kind: text(r.kind) as LevelKind,
    note: optionalText(r.note),
    symbol: text(r.symbol),
    articleUid: text(r.articleUid),
  });

export const toIndicatorReading = (r: NodeRow): IndicatorReading =>
  Object.assign(new IndicatorReading(), {
    id: toGlobalId("Indicator", text(r.key)),
    key: text(r.key),
    metric: text(r.metric),
    value: optionalNumber(r.value),
    reading: text(r.reading),
    at: optionalText(r.at),
    symbol: text(r.symbol),
    articleUid: text(r.articleUid),
  });

/** Assets and their price moves. */
export const ASSET_MAPPERS: NodeMappers<Asset | PriceMove> = { Asset: toAsset, PriceMove: toPriceMove };

/** Price levels and indicator readings: what an article states about an asset. */
export const STATED_MAPPERS: NodeMappers<PriceLevel | IndicatorReading> = { PriceLevel: toPriceLevel, Indicator: toIndicatorReading };

import { ASSET_MAPPERS } from "../asset/asset.mapper.js";
import type { Asset, PriceMove } from "../asset/asset.type.js";
import { ENTITY_MAPPERS } from "../entity/entity.mapper.js";
import type { Entity } from "../entity/entity.type.js";
import { MACRO_FACTOR_MAPPERS } from "../macro-factor/macro-factor.mapper.js";
import type { MacroFactor } from "../macro-factor/macro-factor.type.js";
import { NARRATIVE_MAPPERS } from "../narrative/narrative.mapper.js";
import type { Narrative } from "../narrative/narrative.type.js";
import { mapperOf } from "../shared/row-values.js";
import { EVENT_MAPPERS } from "./event.mapper.js";
import type { Event } from "./event.type.js";

/** What the CausalNode union holds. */
export type CausalNodeValue = Event | MacroFactor | Asset | PriceMove | Narrative | Entity;

/** Maps a row of any label a claim can link causally (see CAUSAL_LABELS). */
export const toCausalNode = mapperOf<CausalNodeValue>({
  ...EVENT_MAPPERS,
  ...MACRO_FACTOR_MAPPERS,
  ...ASSET_MAPPERS,
  ...NARRATIVE_MAPPERS,
  ...ENTITY_MAPPERS,
});

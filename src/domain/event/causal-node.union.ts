import { createUnionType } from "type-graphql";
import { Asset, PriceMove } from "../asset/asset.type.js";
import { Entity } from "../entity/entity.type.js";
import { Event } from "./event.type.js";
import { MacroFactor } from "../macro-factor/macro-factor.type.js";
import { Narrative } from "../narrative/narrative.type.js";

/** What a claim's cause, effect and conditions can be. */
export const CausalNode = createUnionType({
  name: "CausalNode",
  description: "An event, macro factor, asset, price move, narrative or entity that a claim links causally.",
  types: () => [Event, MacroFactor, Asset, PriceMove, Narrative, Entity] as const,
});

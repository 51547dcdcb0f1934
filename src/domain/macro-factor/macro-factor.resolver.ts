import { Resolver } from "type-graphql";
import { AboutResolver } from "../node/about.resolver.js";
import { MacroFactor } from "./macro-factor.type.js";

@Resolver(() => MacroFactor)
export class MacroFactorResolver extends AboutResolver(MacroFactor, "MacroFactor", (factor) => factor.key) {}

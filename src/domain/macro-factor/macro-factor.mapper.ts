import type { NodeRow } from "../../cypher/projection.js";
import { toGlobalId } from "../../graphql/global-id.js";
import { aliasesOf, optionalText, text, type NodeMappers } from "../shared/row-values.js";
import { MacroFactor } from "./macro-factor.type.js";

const toMacroFactor = (r: NodeRow): MacroFactor =>
  Object.assign(new MacroFactor(), {
    id: toGlobalId("MacroFactor", text(r.key)),
    key: text(r.key),
    name: text(r.name),
    kind: optionalText(r.kind),
    description: optionalText(r.description),
    aliases: aliasesOf(r, text(r.key), r.name),
  });

export const MACRO_FACTOR_MAPPERS: NodeMappers<MacroFactor> = { MacroFactor: toMacroFactor };

import type { NodeRow } from "../../cypher/projection.js";
import { toGlobalId } from "../../graphql/global-id.js";
import { aliasesOf, optionalText, text, type NodeMappers } from "../shared/row-values.js";
import { Narrative } from "./narrative.type.js";

export const toNarrative = (r: NodeRow): Narrative =>
  Object.assign(new Narrative(), {
    id: toGlobalId("Narrative", text(r.key)),
    key: text(r.key),
    name: text(r.name),
    description: optionalText(r.description),
    aliases: aliasesOf(r, text(r.key), r.name),
  });

export const NARRATIVE_MAPPERS: NodeMappers<Narrative> = { Narrative: toNarrative };

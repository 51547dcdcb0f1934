import type { NodeRow } from "../../cypher/projection.js";
import { toGlobalId } from "../../graphql/global-id.js";
import { aliasesOf, optionalText, text, type NodeMappers } from "../shared/row-values.js";
import { Entity } from "./entity.type.js";

const toEntity = (r: NodeRow): Entity =>
  Object.assign(new Entity(), {
    id: toGlobalId("Entity", text(r.key)),
    key: text(r.key),
    name: text(r.name),
    kind: optionalText(r.kind),
    aliases: aliasesOf(r, text(r.key), r.name),
  });

export const ENTITY_MAPPERS: NodeMappers<Entity> = { Entity: toEntity };

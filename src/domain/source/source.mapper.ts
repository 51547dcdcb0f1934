import type { NodeRow } from "../../cypher/projection.js";
import { toGlobalId } from "../../graphql/global-id.js";
import { optionalText, text, type NodeMappers } from "../shared/row-values.js";
import { Source, type SourceKind } from "./source.type.js";

export const toSource = (r: NodeRow): Source =>
  Object.assign(new Source(), {
    id: toGlobalId("Source", text(r.domain)),
    domain: text(r.domain),
    name: text(r.name),
    kind: optionalText(r.kind) as SourceKind | null,
  });

export const SOURCE_MAPPERS: NodeMappers<Source> = { Source: toSource };

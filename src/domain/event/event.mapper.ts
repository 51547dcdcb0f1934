import type { NodeRow } from "../../cypher/projection.js";
import { toGlobalId } from "../../graphql/global-id.js";
import { aliasesOf, optionalNumber, optionalText, text, type NodeMappers } from "../shared/row-values.js";
import { Event } from "./event.type.js";

export const toEvent = (r: NodeRow): Event =>
  Object.assign(new Event(), {
    id: toGlobalId("Event", text(r.key)),
    key: text(r.key),
    kind: text(r.kind),
    title: text(r.title),
    occurredAt: optionalText(r.occurredAt),
    endedAt: optionalText(r.endedAt),
    amountUsd: optionalNumber(r.amountUsd),
    aliases: aliasesOf(r, text(r.key), r.title),
  });

export const EVENT_MAPPERS: NodeMappers<Event> = { Event: toEvent };

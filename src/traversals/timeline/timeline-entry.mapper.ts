import { Article } from "../../domain/article/article.type.js";
import { PriceMove } from "../../domain/asset/asset.type.js";
import { Claim } from "../../domain/claim/claim.type.js";
import { Event } from "../../domain/event/event.type.js";
import { toGraphNode } from "../../domain/node/node.mapper.js";
import type { TimelineRow } from "./timeline.repository.js";
import { TimelineEntry, TimelineEntryKind } from "./timeline.type.js";

/** "BTC 76000 → 78199": what a chart label needs; the move itself carries the details. */
function priceMoveTitle(move: PriceMove): string {
  if (move.open !== null && move.close !== null) return `${move.symbol} ${move.open} → ${move.close}`;
  return move.description ?? `${move.symbol} price move`;
}

/** Maps a timeline row to its entry, with exactly one of article, event, priceMove, claim set. */
export function toTimelineEntry(row: TimelineRow): TimelineEntry {
  const node = toGraphNode(row.node);
  const entry = Object.assign(new TimelineEntry(), {
    at: row.at,
    endAt: null,
    article: null,
    event: null,
    priceMove: null,
    claim: null,
    position: [row.t, row.rank, row.id],
  });
  if (node instanceof Article) return Object.assign(entry, { kind: TimelineEntryKind.ARTICLE, title: node.title, node, article: node });
  if (node instanceof Event) {
    return Object.assign(entry, { kind: TimelineEntryKind.EVENT, title: node.title, endAt: node.endedAt, node, event: node });
  }
  if (node instanceof PriceMove) {
    return Object.assign(entry, {
      kind: TimelineEntryKind.PRICE_MOVE,
      title: priceMoveTitle(node),
      endAt: node.endAt,
      node,
      priceMove: node,
    });
  }
  if (node instanceof Claim) return Object.assign(entry, { kind: TimelineEntryKind.CLAIM, title: node.text, node, claim: node });
  throw new Error(`a timeline entry cannot show a ${row.node.__label}`);
}

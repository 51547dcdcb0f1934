import type { CausalNodeLabelFragment } from "@client";

/** A stable id for a cause or effect: its type and key (symbol for assets). */
export function nodeId(node: CausalNodeLabelFragment): string {
  return "symbol" in node ? `Asset:${node.symbol}` : `${node.__typename}:${node.key}`;
}

/** What a person reads for a cause or effect. */
export function nodeLabel(node: CausalNodeLabelFragment): string {
  switch (node.__typename) {
    case "Asset":
      return node.symbol;
    case "Event":
      return node.title;
    case "PriceMove":
      return node.description ?? `${node.asset.symbol} move ${node.key}`;
    default:
      return node.name;
  }
}

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** A timestamp as people read it, in UTC (the graph stores instants). */
export function formatTime(iso: string | null | undefined): string {
  return iso ? `${dateTime.format(new Date(iso))} UTC` : "undated";
}

export function formatPercent(value: number | null | undefined): string {
  return value == null ? "" : `${value > 0 ? "+" : ""}${value.toFixed(2)}%`;
}

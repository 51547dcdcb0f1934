import { useEffect, useState } from "react";
import {
  liveClient,
  LiveArticlesDocument,
  LiveClaimsDocument,
  LiveRetractionsDocument,
  LiveStatusDocument,
  subscribe,
  type ClaimEdgeFragment,
  type TimelineFilter,
} from "@client";

/** Something that arrived after the timeline was opened. */
interface LiveEntry {
  readonly key: string;
  readonly kind: "ARTICLE" | "CLAIM";
  readonly title: string;
  readonly at: string | null;
  readonly source: string | null;
  readonly claim?: ClaimEdgeFragment;
}

export interface LiveTimeline {
  /** "connecting" until the server answers, then its liveUpdatesStatus. */
  readonly status: "connecting" | "LIVE" | "INTERRUPTED";
  /** Newest first. */
  readonly fresh: readonly LiveEntry[];
  /** Ids of claims retracted since the timeline was opened. */
  readonly retracted: ReadonlySet<string>;
}

let client: ReturnType<typeof liveClient> | null = null;
const shared = () => (client ??= liveClient());

function inWindow(at: string | null | undefined, filter: TimelineFilter): boolean {
  if (!at) return !filter.from && !filter.to;
  const t = Date.parse(at);
  return (!filter.from || t >= Date.parse(filter.from)) && (!filter.to || t <= Date.parse(filter.to));
}

/**
 * Live updates of a timeline: articles and claims of its subject ingested after it was
 * opened (in its window), and claims retracted since, over one graphql-ws connection.
 */
export function useLiveTimeline(filter: TimelineFilter): LiveTimeline {
  const key = JSON.stringify(filter);
  const [state, setState] = useState<LiveTimeline>({ status: "connecting", fresh: [], retracted: new Set() });

  useEffect(() => {
    setState({ status: "connecting", fresh: [], retracted: new Set() });
    const subject = { asset: filter.asset ?? undefined, narrative: filter.narrative ?? undefined };
    const add = (entry: LiveEntry) =>
      setState((s) => (s.fresh.some((e) => e.key === entry.key) ? s : { ...s, fresh: [entry, ...s.fresh] }));
    const client = shared();
    const stops = [
      subscribe(client, LiveStatusDocument, {}, { onData: (d) => setState((s) => ({ ...s, status: d.liveUpdatesStatus.state })) }),
      subscribe(
        client,
        LiveArticlesDocument,
        { filter: { ...subject, from: filter.from, to: filter.to } },
        {
          onData: ({ articleIngested: a }) =>
            add({ key: a.id, kind: "ARTICLE", title: a.title, at: a.publishedAt, source: a.source?.domain ?? null }),
        },
      ),
      subscribe(
        client,
        LiveClaimsDocument,
        { filter: subject },
        {
          onData: ({ claimAdded: c }) => {
            if (inWindow(c.article.publishedAt, filter))
              add({
                key: c.id,
                kind: "CLAIM",
                title: c.text,
                at: c.article.publishedAt,
                source: c.article.source?.domain ?? null,
                claim: c,
              });
          },
        },
      ),
      subscribe(
        client,
        LiveRetractionsDocument,
        { filter: subject },
        {
          onData: ({ claimRetracted: c }) =>
            setState((s) => ({ ...s, retracted: new Set([...s.retracted, c.id]), fresh: s.fresh.filter((e) => e.key !== c.id) })),
        },
      ),
    ];
    return () => stops.forEach((stop) => stop());
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the filter is keyed by its JSON
  }, [key]);
  return state;
}

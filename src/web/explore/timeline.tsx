import { useEffect, useState } from "react";
import { request, TimelineDocument, type ClaimEdgeFragment, type TimelineFilter, type TimelineQuery } from "@client";
import { formatPercent, formatTime } from "./labels.js";
import type { SelectedMove } from "./explanation-view.js";
import { useLiveTimeline, type LiveTimeline } from "./use-live-timeline.js";

const PAGE_SIZE = 20;

type Edge = TimelineQuery["timeline"]["edges"][number];
type Page = { edges: Edge[]; endCursor: string | null; hasNextPage: boolean; totalCount: number };
type State = { status: "loading" | "done" | "error"; pages: Page[]; message?: string };

const KIND_LABEL = { ARTICLE: "Article", EVENT: "Event", PRICE_MOVE: "Price move", CLAIM: "Claim" } as const;

interface Props {
  readonly filter: TimelineFilter;
  readonly selectedMove: string | null;
  onSelectMove(move: SelectedMove): void;
  onSelectClaim(claim: ClaimEdgeFragment): void;
}

/** The subject's timeline, oldest first, read page by page with cursors ("Load more"). */
export function Timeline({ filter, selectedMove, onSelectMove, onSelectClaim }: Props) {
  const filterKey = JSON.stringify(filter);
  const [state, setState] = useState<State>({ status: "loading", pages: [] });
  const [after, setAfter] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setState({ status: "loading", pages: [] });
    setAfter(null);
  }, [filterKey]);

  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, status: "loading" }));
    request(TimelineDocument, { filter, first: PAGE_SIZE, after }, { signal: controller.signal }).then(
      ({ timeline }) =>
        setState((s) => ({
          status: "done",
          pages: [...(after ? s.pages : []), { edges: timeline.edges, ...timeline.pageInfo, totalCount: timeline.totalCount }],
        })),
      (error: unknown) =>
        controller.signal.aborted || setState((s) => ({ ...s, status: "error", message: String((error as Error).message ?? error) })),
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the filter is keyed by its JSON
  }, [filterKey, after, attempt]);

  const live = useLiveTimeline(filter);
  const last = state.pages.at(-1);
  const edges = state.pages.flatMap((page) => page.edges);
  return (
    <div className="timeline">
      <h2>
        Timeline{" "}
        {last ? (
          <span className="count">
            {edges.length} of {last.totalCount}
          </span>
        ) : null}{" "}
        <span className={`live-status live-${live.status.toLowerCase()}`} role="status" title="Live updates over WebSocket">
          {live.status === "LIVE" ? "● live" : live.status === "INTERRUPTED" ? "● interrupted" : "○ connecting"}
        </span>
      </h2>
      <LiveSection live={live} onSelectClaim={onSelectClaim} />
      {state.status === "done" && edges.length === 0 ? <p className="hint">Nothing on this timeline in that window.</p> : null}
      <ol className="entries">
        {edges.map(({ cursor, node }) => (
          <li
            key={cursor}
            className={`entry entry-${node.kind.toLowerCase()}${node.claim && live.retracted.has(node.claim.id) ? " retracted" : ""}`}
            data-kind={node.kind}
            data-cursor={cursor}
          >
            <div className="entry-meta">
              <span className={`kind kind-${node.kind.toLowerCase()}`}>{KIND_LABEL[node.kind]}</span>
              <time dateTime={node.at}>{formatTime(node.at)}</time>
            </div>
            <Entry node={node} selectedMove={selectedMove} onSelectMove={onSelectMove} onSelectClaim={onSelectClaim} />
          </li>
        ))}
      </ol>
      {state.status === "loading" ? (
        <p role="status" className="loading">
          Loading…
        </p>
      ) : null}
      {state.status === "error" ? (
        <p role="alert" className="error">
          Could not load the timeline: {state.message}{" "}
          <button type="button" onClick={() => setAttempt((n) => n + 1)}>
            Retry
          </button>
        </p>
      ) : null}
      {state.status === "done" && last?.hasNextPage ? (
        <button type="button" className="more" onClick={() => setAfter(last.endCursor)}>
          Load more
        </button>
      ) : null}
    </div>
  );
}

/** What arrived since the timeline was opened, newest first. */
function LiveSection({ live, onSelectClaim }: { live: LiveTimeline; onSelectClaim(claim: ClaimEdgeFragment): void }) {
  if (live.fresh.length === 0 && live.retracted.size === 0) return null;
  return (
    <section className="live" aria-label="New since you opened">
      <h3>New since you opened ({live.fresh.length})</h3>
      {live.retracted.size > 0 ? <p className="hint">{live.retracted.size} claim(s) retracted since: struck through below.</p> : null}
      <ol className="entries">
        {live.fresh.map((entry) => (
          <li key={entry.key} className={`entry entry-${entry.kind.toLowerCase()} entry-new`} data-kind={entry.kind}>
            <div className="entry-meta">
              <span className={`kind kind-${entry.kind.toLowerCase()}`}>New {KIND_LABEL[entry.kind].toLowerCase()}</span>
              <time dateTime={entry.at ?? undefined}>{formatTime(entry.at)}</time>
            </div>
            {entry.claim ? (
              <button type="button" className="entry-action" onClick={() => onSelectClaim(entry.claim!)}>
                “{entry.title}” <span className="source">{entry.source}</span>
              </button>
            ) : (
              <span className="entry-title">
                {entry.title} <span className="source">{entry.source}</span>
              </span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Entry({ node, selectedMove, onSelectMove, onSelectClaim }: { node: Edge["node"] } & Omit<Props, "filter">) {
  if (node.priceMove) {
    const move = node.priceMove;
    const selected = selectedMove === move.key;
    return (
      <button
        type="button"
        className={`entry-action${selected ? " selected" : ""}`}
        aria-pressed={selected}
        onClick={() =>
          onSelectMove({ key: move.key, symbol: move.asset.symbol, startAt: move.startAt, endAt: move.endAt, title: node.title })
        }
      >
        {node.title} <span className="change">{formatPercent(move.changePct)}</span>
        <span className="action-hint">Explain this move</span>
      </button>
    );
  }
  if (node.claim) {
    const claim = node.claim;
    return (
      <button type="button" className="entry-action" onClick={() => onSelectClaim(claim)}>
        “{node.title}” <span className="source">{claim.article.source?.domain}</span>
      </button>
    );
  }
  if (node.article) {
    return (
      <span className="entry-title">
        {node.title} <span className="source">{node.article.source?.domain}</span>
      </span>
    );
  }
  return <span className="entry-title">{node.title}</span>;
}

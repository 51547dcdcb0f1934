import { useMemo, useState, type FormEvent } from "react";
import { request, SubjectsDocument, type ClaimEdgeFragment, type TimelineFilter } from "@client";
import { ClaimPanel } from "./claim-panel.js";
import { ExplanationView, type SelectedMove } from "./explanation-view.js";
import { Timeline } from "./timeline.js";
import { useRequest } from "./use-request.js";

type SubjectKind = "asset" | "narrative";

interface Query {
  readonly kind: SubjectKind;
  readonly subject: string;
  readonly from: string;
  readonly to: string;
}

/** The view's state lives in the URL (?asset=BTC&from=2026-01-30&to=2026-02-03), so a view can be shared. */
function queryFromUrl(): Query {
  const params = new URLSearchParams(location.search);
  const narrative = params.get("narrative");
  return {
    kind: narrative ? "narrative" : "asset",
    subject: narrative ?? params.get("asset") ?? "",
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
  };
}

function writeUrl(query: Query) {
  const params = new URLSearchParams();
  params.set(query.kind, query.subject);
  if (query.from) params.set("from", query.from);
  if (query.to) params.set("to", query.to);
  history.replaceState(null, "", `?${params}`);
}

/** A day (yyyy-mm-dd) as the start (or, with endOfDay, the end) of that UTC day. */
function dayBound(day: string, endOfDay: boolean): string | undefined {
  if (!day) return undefined;
  return `${day}T${endOfDay ? "23:59:59.999" : "00:00:00.000"}Z`;
}

function toFilter(query: Query): TimelineFilter {
  return {
    [query.kind]: query.subject.trim(),
    from: dayBound(query.from, false),
    to: dayBound(query.to, true),
  };
}

/** Assets and narratives of recent articles, offered in the subject field. */
function useSubjectSuggestions() {
  const state = useRequest("subjects", (signal) => request(SubjectsDocument, { first: 50 }, { signal }));
  return useMemo(() => {
    const assets = new Map<string, string>();
    const narratives = new Map<string, string>();
    if (state.status === "done") {
      for (const { node } of state.data.articles.edges) {
        for (const asset of node.assets) assets.set(asset.symbol, asset.name);
        for (const narrative of node.narratives) narratives.set(narrative.key, narrative.name);
      }
    }
    return { asset: [...assets].sort(), narrative: [...narratives].sort() };
  }, [state]);
}

export function Explorer() {
  const [draft, setDraft] = useState<Query>(queryFromUrl);
  const [applied, setApplied] = useState<Query | null>(() => (draft.subject ? draft : null));
  const [move, setMove] = useState<SelectedMove | null>(null);
  const [claim, setClaim] = useState<ClaimEdgeFragment | null>(null);
  const suggestions = useSubjectSuggestions();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!draft.subject.trim()) return;
    writeUrl(draft);
    setApplied({ ...draft, subject: draft.subject.trim() });
    setMove(null);
    setClaim(null);
  };
  const filter = applied ? toFilter(applied) : null;

  return (
    <div className="explorer">
      <header className="toolbar">
        <h1>Narrative explorer</h1>
        <form className="subject-form" onSubmit={submit} aria-label="Timeline subject and window">
          <label>
            Subject
            <select value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value as SubjectKind, subject: "" })}>
              <option value="asset">Asset</option>
              <option value="narrative">Narrative</option>
            </select>
          </label>
          <label>
            {draft.kind === "asset" ? "Symbol" : "Narrative key"}
            <input
              name="subject"
              list="subject-suggestions"
              value={draft.subject}
              placeholder={draft.kind === "asset" ? "BTC" : "etf-exodus"}
              onChange={(e) => setDraft({ ...draft, subject: e.target.value })}
              required
            />
            <datalist id="subject-suggestions">
              {suggestions[draft.kind].map(([key, name]) => (
                <option key={key} value={key}>
                  {name}
                </option>
              ))}
            </datalist>
          </label>
          <label>
            From
            <input name="from" type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
          </label>
          <label>
            To
            <input name="to" type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
          </label>
          <button type="submit">Show timeline</button>
        </form>
        <nav className="links">
          <a href="/playground">Playground</a>
        </nav>
      </header>
      <main className="panes">
        <section className="pane timeline-pane" aria-label="Timeline">
          {filter ? (
            <Timeline
              filter={filter}
              selectedMove={move?.key ?? null}
              onSelectMove={(m) => {
                setMove(m);
                setClaim(null);
              }}
              onSelectClaim={setClaim}
            />
          ) : (
            <p className="hint">Pick an asset (e.g. BTC) or a narrative and a window, then “Show timeline”.</p>
          )}
        </section>
        <section className="pane graph-pane" aria-label="Explanation">
          {move ? (
            <ExplanationView move={move} selectedClaim={claim?.id ?? null} onSelectClaim={setClaim} />
          ) : (
            <p className="hint">Select a price move on the timeline to see what drove it.</p>
          )}
        </section>
        <aside className="pane claim-pane" aria-label="Claim">
          {claim ? (
            <ClaimPanel claim={claim} onClose={() => setClaim(null)} />
          ) : (
            <p className="hint">Click an edge of the causal graph (or a claim) to see its text, article and sources.</p>
          )}
        </aside>
      </main>
    </div>
  );
}

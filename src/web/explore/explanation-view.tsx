import { useMemo } from "react";
import { ExplanationDocument, request, type ClaimEdgeFragment, type ExplanationQuery } from "@client";
import { CausalGraph, MODALITY_LINES, RELATION_COLOURS } from "./causal-graph.js";
import { explanationElements } from "./explanation-graph.js";
import { formatTime, nodeLabel } from "./labels.js";
import { useRequest } from "./use-request.js";

/** Commentary on a move is published after it: the explanation window runs this long past the move's end. */
const COMMENTARY_MS = 24 * 3600 * 1000;

/** A price move picked on the timeline. */
export interface SelectedMove {
  readonly key: string;
  readonly symbol: string;
  readonly startAt: string;
  readonly endAt: string;
  readonly title: string;
}

interface Props {
  readonly move: SelectedMove;
  readonly selectedClaim: string | null;
  onSelectClaim(claim: ClaimEdgeFragment): void;
}

/** What drove the selected move: the causal graph of its drivers, with denials and conditional risks beside it. */
export function ExplanationView({ move, selectedClaim, onSelectClaim }: Props) {
  const to = new Date(Date.parse(move.endAt) + COMMENTARY_MS).toISOString();
  const state = useRequest(`${move.symbol}|${move.startAt}|${to}`, (signal) =>
    request(ExplanationDocument, { symbol: move.symbol, from: move.startAt, to }, { signal }),
  );
  return (
    <div className="explanation">
      <h2>What drove: {move.title}</h2>
      <p className="window">
        Window {formatTime(move.startAt)} to {formatTime(to)}: the move, and commentary published up to a day after it.
      </p>
      {state.status === "loading" ? (
        <p role="status" className="loading">
          Explaining the move…
        </p>
      ) : null}
      {state.status === "error" ? (
        <p role="alert" className="error">
          Could not explain the move: {state.message}{" "}
          <button type="button" onClick={state.reload}>
            Retry
          </button>
        </p>
      ) : null}
      {state.status === "done" ? (
        <Explanation explanation={state.data.explainPriceMove} selectedClaim={selectedClaim} onSelectClaim={onSelectClaim} />
      ) : null}
    </div>
  );
}

function Explanation({
  explanation,
  selectedClaim,
  onSelectClaim,
}: { explanation: ExplanationQuery["explainPriceMove"] } & Omit<Props, "move">) {
  const { elements, claims } = useMemo(() => explanationElements(explanation), [explanation]);
  const select = (id: string) => {
    const claim = claims.get(id);
    if (claim) onSelectClaim(claim);
  };
  if (explanation.drivers.length === 0) return <p className="hint">No causal claims reach this move yet.</p>;
  return (
    <>
      <CausalGraph elements={elements} selectedEdge={selectedClaim} onSelectEdge={select} />
      <Legend />
      <div className="beside-graph">
        <section aria-label="Claims in the graph">
          <h3>Claims in the graph ({claims.size})</h3>
          <ul className="claim-list">
            {[...claims.values()].map((claim) => (
              <li key={claim.id}>
                <button
                  type="button"
                  className={claim.id === selectedClaim ? "selected" : ""}
                  aria-pressed={claim.id === selectedClaim}
                  onClick={() => onSelectClaim(claim)}
                >
                  <span className="relation" style={{ color: RELATION_COLOURS[claim.relation] }}>
                    {claim.relation}
                  </span>{" "}
                  {claim.text}
                </button>
              </li>
            ))}
          </ul>
        </section>
        <ClaimList
          title="Denied causes"
          empty="No article denies a cause of this move."
          claims={explanation.deniedCauses}
          selectedClaim={selectedClaim}
          onSelectClaim={onSelectClaim}
        />
        <ClaimList
          title="Conditional risks"
          empty="No conditional risks named."
          claims={explanation.conditionalRisks}
          selectedClaim={selectedClaim}
          onSelectClaim={onSelectClaim}
        />
      </div>
    </>
  );
}

type Named = ClaimEdgeFragment & { cause: Parameters<typeof nodeLabel>[0] | null; effect: Parameters<typeof nodeLabel>[0] | null };

function ClaimList({
  title,
  empty,
  claims,
  selectedClaim,
  onSelectClaim,
}: { title: string; empty: string; claims: readonly Named[] } & Omit<Props, "move">) {
  return (
    <section aria-label={title} className={title.toLowerCase().replace(" ", "-")}>
      <h3>
        {title} ({claims.length})
      </h3>
      {claims.length === 0 ? <p className="hint">{empty}</p> : null}
      <ul className="claim-list">
        {claims.map((claim) => (
          <li key={claim.id}>
            <button
              type="button"
              aria-pressed={claim.id === selectedClaim}
              className={claim.id === selectedClaim ? "selected" : ""}
              onClick={() => onSelectClaim(claim)}
            >
              <strong>{claim.cause ? nodeLabel(claim.cause) : "?"}</strong> → {claim.effect ? nodeLabel(claim.effect) : "?"}
              <span className="claim-text">{claim.text}</span>
              <span className="source">{claim.article.source?.domain}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Legend() {
  return (
    <dl className="legend" aria-label="Legend">
      <dt>Colour</dt>
      <dd>
        {Object.entries(RELATION_COLOURS).map(([relation, colour]) => (
          <span key={relation} className="swatch" style={{ borderColor: colour, color: colour }}>
            {relation.toLowerCase().replace("_", " ")}
          </span>
        ))}
      </dd>
      <dt>Line</dt>
      <dd>
        {Object.entries(MODALITY_LINES).map(([modality, line]) => (
          <span key={modality} className="swatch" style={{ borderBottomStyle: line }}>
            {modality.toLowerCase()}
          </span>
        ))}
      </dd>
      <dt>Width</dt>
      <dd>confidence (thicker is more confident)</dd>
    </dl>
  );
}

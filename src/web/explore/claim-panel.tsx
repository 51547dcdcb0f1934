import { useEffect, useRef } from "react";
import { ClaimDetailDocument, request, type AttributionStatus, type ClaimEdgeFragment } from "@client";
import { formatTime } from "./labels.js";
import { locateQuote } from "./highlight.js";
import { useRequest } from "./use-request.js";

const STATUS_HELP: Readonly<Record<AttributionStatus, string>> = {
  CORROBORATED: "Two or more independent outlets make this claim.",
  SINGLE_SOURCE: "One outlet makes it, naming its authority (an attribution or a cited article).",
  UNCITED: "One outlet makes it without naming any authority.",
  CONFLICTING: "Another current claim or report contradicts it.",
};

/** The key of a merged node, whatever its kind. */
const mergedKey = (node: { key?: string; symbol?: string }) => node.key ?? node.symbol ?? "?";

interface Props {
  readonly claim: ClaimEdgeFragment;
  onClose(): void;
}

/** One claim: its text highlighted in its article, its outlets, cited articles, status badge and the article's related articles. */
export function ClaimPanel({ claim, onClose }: Props) {
  const state = useRequest(claim.id, (signal) =>
    request(ClaimDetailDocument, { id: claim.id, articleUrl: claim.article.url, relatedFirst: 5 }, { signal }),
  );
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [claim.id]);

  const detail = state.status === "done" && state.data.node?.__typename === "Claim" ? state.data.node : null;
  const audit = state.status === "done" ? state.data.attributionAudit.claims.find((entry) => entry.claim.id === claim.id) : undefined;
  return (
    <article className="claim-panel" aria-labelledby="claim-heading">
      <header>
        <h2 id="claim-heading" ref={heading} tabIndex={-1}>
          Claim
        </h2>
        <button type="button" className="close" onClick={onClose} aria-label="Close the claim">
          ×
        </button>
      </header>
      {audit ? (
        <p className={`badge badge-${audit.status.toLowerCase()}`} data-status={audit.status} title={STATUS_HELP[audit.status]}>
          {audit.status.replace("_", " ")}
        </p>
      ) : null}
      <blockquote className="claim-quote">{claim.text}</blockquote>
      <p className="claim-facts">
        {claim.relation.toLowerCase().replace("_", " ")} · {claim.polarity.toLowerCase()} · {claim.modality.toLowerCase()} · confidence{" "}
        {claim.confidence.toFixed(2)}
      </p>
      <section aria-label="Article">
        <h3>Article</h3>
        <p>
          <a href={claim.article.url} target="_blank" rel="noopener noreferrer">
            {claim.article.title}
          </a>
          <br />
          <span className="source">
            {claim.article.source?.name ?? "unknown outlet"} ({claim.article.source?.domain})
          </span>{" "}
          · {formatTime(claim.article.publishedAt)}
        </p>
      </section>
      <section aria-label="Attribution" className="attribution">
        <h3>Attributed to</h3>
        {claim.attributedTo.length === 0 ? <p className="hint">No outlet named: the article's own authority.</p> : null}
        <ul>
          {claim.attributedTo.map((source) => (
            <li key={source.domain}>
              {source.name} <span className="source">({source.domain})</span>
            </li>
          ))}
        </ul>
        {audit ? (
          <>
            <p>
              {audit.independentSourceCount} independent outlet{audit.independentSourceCount === 1 ? "" : "s"}:{" "}
              {audit.independentDomains.join(", ")}
            </p>
            <h3>Cited articles</h3>
            {audit.citedArticles.length === 0 ? <p className="hint">None.</p> : null}
            <ul>
              {audit.citedArticles.map((cited) => (
                <li key={cited.url}>
                  <a href={cited.url} target="_blank" rel="noopener noreferrer">
                    {cited.title}
                  </a>
                </li>
              ))}
            </ul>
            {audit.conflictsWith.length > 0 ? (
              <>
                <h3>Conflicts</h3>
                <ul>
                  {audit.conflictsWith.map((conflict, i) => (
                    <li key={i}>{conflict.description}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        ) : null}
      </section>
      {state.status === "loading" ? (
        <p role="status" className="loading">
          Loading the article…
        </p>
      ) : null}
      {state.status === "error" ? (
        <p role="alert" className="error">
          Could not load the claim: {state.message}{" "}
          <button type="button" onClick={state.reload}>
            Retry
          </button>
        </p>
      ) : null}
      {detail ? (
        <>
          <section aria-label="Cause and effect" className="named-nodes">
            <h3>Cause and effect</h3>
            <dl>
              {(
                [
                  ["Cause", detail.cause],
                  ["Effect", detail.effect],
                ] as const
              ).map(([role, node]) =>
                node ? (
                  <div key={role}>
                    <dt>{role}</dt>
                    <dd>
                      <span className="node-key">{node.key}</span>
                      {node.aliases.length > 1 ? (
                        <span className="aliases">
                          {" "}
                          also known as{" "}
                          {node.aliases
                            .filter((alias) => alias !== node.key)
                            .map((alias) => `“${alias}”`)
                            .join(", ")}
                        </span>
                      ) : null}
                      {node.merges
                        .filter((merge) => merge.unmergedAt === null)
                        .map((merge) => (
                          <span key={merge.id} className="merge">
                            {" "}
                            · merged from {mergedKey(merge.from)} on {formatTime(merge.mergedAt)} ({merge.reason})
                          </span>
                        ))}
                    </dd>
                  </div>
                ) : null,
              )}
            </dl>
          </section>
          <section aria-label="Article text">
            <h3>In the article</h3>
            <ArticleBody body={detail.article.body ?? ""} quote={claim.text} />
          </section>
          <section aria-label="Related articles" className="related">
            <h3>Related articles</h3>
            {detail.article.related.length === 0 ? (
              <p className="hint">No other article shares events, claims, narratives or assets with this one.</p>
            ) : null}
            <ol>
              {detail.article.related.map((related) => (
                <li key={related.article.id}>
                  <a href={related.article.url} target="_blank" rel="noopener noreferrer">
                    {related.article.title}
                  </a>{" "}
                  <span className="source">{related.article.source?.domain}</span>
                  <ul className="reasons">
                    {related.reasons.map((reason) => (
                      <li key={`${reason.kind}:${reason.label}`}>
                        {reason.kind.toLowerCase().replaceAll("_", " ")}: {reason.label}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          </section>
        </>
      ) : null}
    </article>
  );
}

/** The article's text with the claim's words marked, scrolled (within its box only) to them. */
function ArticleBody({ body, quote }: { body: string; quote: string }) {
  const box = useRef<HTMLDivElement>(null);
  const mark = useRef<HTMLElement>(null);
  const span = locateQuote(body, quote);
  useEffect(() => {
    // The box is positioned, so the mark's offsetTop is measured from the box's top.
    if (box.current && mark.current) box.current.scrollTop = mark.current.offsetTop - box.current.clientHeight / 3;
  }, [body, quote]);
  if (!body) return <p className="hint">The article's text was not ingested.</p>;
  if (!span)
    return (
      <>
        <p className="hint">The claim's words are not in the article's text verbatim.</p>
        <div className="article-body">{body}</div>
      </>
    );
  return (
    <div className="article-body" ref={box} tabIndex={0}>
      {body.slice(0, span[0])}
      <mark ref={mark}>{body.slice(span[0], span[1])}</mark>
      {body.slice(span[1])}
    </div>
  );
}

import { useEffect } from "react";
import { useQuery } from "urql";
import { Confidence, EntityLink, ErrorMessage, Loading } from "../components/common";
import { EvidenceItem } from "../components/Evidence";
import { SearchBox } from "../components/SearchBox";
import { EntityNameQuery, PathQuery } from "../queries";
import { navigate } from "../router";

function Endpoint({ id, label, onClear }: { id: string; label: string; onClear: () => void }) {
  const [result] = useQuery({ query: EntityNameQuery, variables: { id } });
  const e = result.data?.entity;
  return (
    <div className="endpoint">
      <span className="muted small">{label}</span>
      {e ? <EntityLink entity={e} /> : <code>{id}</code>}
      <button type="button" className="link-button" onClick={onClear} aria-label={`Change ${label.toLowerCase()}`}>
        change
      </button>
    </div>
  );
}

export function PathsView({ params }: { params: URLSearchParams }) {
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  const hops = Math.min(6, Math.max(1, Number(params.get("hops") ?? "4") || 4));
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(window.location.search);
    if (value) next.set(key, value);
    else next.delete(key);
    navigate(`/paths?${next.toString()}`);
  };
  const [result] = useQuery({ query: PathQuery, variables: { from, to, maxHops: hops }, pause: !from || !to });
  useEffect(() => {
    document.title = "Paths · cellkg";
  }, []);
  const path = result.data?.path;
  const names = new Map((path?.nodes ?? []).map((n) => [n.id, n.name]));
  return (
    <div className="paths-page" data-testid="paths-page">
      <header className="page-head">
        <h1>Paths between two entities</h1>
      </header>
      <p className="muted">The shortest chain of claims (either direction) between two entities, with the evidence for each link.</p>
      <div className="path-pickers">
        {from ? (
          <Endpoint id={from} label="From" onClear={() => set("from", null)} />
        ) : (
          <SearchBox label="From entity" placeholder="From… (e.g. CD19, 骨髓瘤)" onPick={(e) => set("from", e.id)} testId="path-from" />
        )}
        {to ? (
          <Endpoint id={to} label="To" onClear={() => set("to", null)} />
        ) : (
          <SearchBox label="To entity" placeholder="To… (e.g. an institution)" onPick={(e) => set("to", e.id)} testId="path-to" />
        )}
        <label className="hops">
          at most{" "}
          <select value={hops} onChange={(e) => set("hops", e.target.value)} aria-label="Maximum hops">
            {[1, 2, 3, 4, 5, 6].map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>{" "}
          hops
        </label>
      </div>
      {result.error && <ErrorMessage error={result.error} />}
      {result.fetching && <Loading what="the path" />}
      {from && to && !result.fetching && !result.error && result.data && !path && (
        <p className="notice" data-testid="no-path">
          No chain of at most {hops} claims connects them.
        </p>
      )}
      {path && (
        <section data-testid="path" aria-label="Shortest path">
          <h2>
            Shortest path: {path.length} hop{path.length === 1 ? "" : "s"}
          </h2>
          <ol className="path">
            {path.nodes.map((node, i) => {
              const rel = path.relations[i];
              return (
                <li key={`${node.id}-${i}`}>
                  <div className="path-node">
                    <EntityLink entity={node} />
                  </div>
                  {rel && (
                    <div className={`path-rel${rel.negated ? " negated" : ""}`}>
                      <div className="relation-head">
                        <span className="arrow" aria-hidden="true">
                          {rel.subject.id === node.id ? "↓" : "↑"}
                        </span>
                        <span className="muted small">
                          {names.get(rel.subject.id) ?? rel.subject.id} {rel.type} {names.get(rel.object.id) ?? rel.object.id}
                        </span>
                        <span className="relation-figures">
                          <Confidence value={rel.confidence} />
                          <span>
                            {rel.documentCount} doc{rel.documentCount === 1 ? "" : "s"}
                          </span>
                          <span>{rel.evidenceCount} evidence</span>
                        </span>
                      </div>
                      <ul className="evidence-list">
                        {rel.evidence.map((ev) => (
                          <EvidenceItem key={ev.id} ev={ev} />
                        ))}
                      </ul>
                    </div>
                  )}
                </li>
              );
            })}
          </ol>
        </section>
      )}
    </div>
  );
}

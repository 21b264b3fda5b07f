import { useEffect, useState } from "react";
import { useClient, useQuery } from "urql";
import { Confidence, EntityLink, ErrorMessage, Loading } from "../components/common";
import { EvidenceItem } from "../components/Evidence";
import { SearchBox } from "../components/SearchBox";
import type { PathFieldsFragment } from "../gql/graphql";
import { relationGroups } from "../model";
import { EntityNameQuery, EntityQuery, PathQuery, PathViaQuery } from "../queries";
import { navigate } from "../router";

const MORE_CHAINS = 4;
const FIRST_STEPS_TRIED = 16;

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

/**
 * Other shortest chains than the API's one (its path query returns a single path): for each first step
 * from `from` (its neighbours, most confident first) other than the one taken, a one-hop path to it and a
 * shortest path on to `to` of one hop less; each found is a distinct shortest chain.
 */
function useMoreChains(path: PathFieldsFragment | null | undefined, from: string, to: string) {
  const client = useClient();
  const [state, setState] = useState<{ key: string; chains: PathFieldsFragment[]; error?: Error }>({ key: "", chains: [] });
  const key = path ? `${from}|${to}|${path.nodes.map((n) => n.id).join(",")}` : "";
  useEffect(() => {
    if (!path || path.length < 2) return;
    let live = true;
    (async () => {
      const start = await client.query(EntityQuery, { id: from }).toPromise();
      if (start.error || !start.data?.entity) throw start.error ?? new Error(`No entity has the id “${from}”.`);
      const taken = path.nodes[1].id;
      const steps = [
        ...new Set(
          relationGroups(start.data.entity)
            .flatMap((g) => g.edges)
            .filter((e) => !e.negated && e.node.id !== taken && e.node.id !== to)
            .sort((a, b) => b.confidence - a.confidence)
            .map((e) => e.node.id),
        ),
      ].slice(0, FIRST_STEPS_TRIED);
      const found = await Promise.all(
        steps.map((via) => client.query(PathViaQuery, { from, via, to, rest: path.length - 1 }).toPromise()),
      );
      const failed = found.find((r) => r.error);
      if (failed?.error) throw failed.error;
      const chains: PathFieldsFragment[] = [];
      for (const r of found) {
        const { step, rest } = r.data ?? {};
        if (!step || !rest || rest.length !== path.length - 1 || rest.nodes.some((n) => n.id === from)) continue;
        chains.push({
          __typename: "Path",
          length: path.length,
          nodes: [...step.nodes, ...rest.nodes.slice(1)],
          relations: [...step.relations, ...rest.relations],
        });
      }
      if (live) setState({ key, chains: chains.slice(0, MORE_CHAINS) });
    })().catch((error: Error) => live && setState({ key, chains: [], error }));
    return () => {
      live = false;
    };
  }, [client, key]); // key stands for path, from and to
  return key && path && path.length > 1 && state.key === key ? state : null;
}

function Chain({ path, label }: { path: PathFieldsFragment; label: string }) {
  const names = new Map(path.nodes.map((n) => [n.id, n.name]));
  return (
    <section data-testid="path" aria-label={label} className="chain">
      <h2>
        {label}: {path.length} hop{path.length === 1 ? "" : "s"}
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
  const more = useMoreChains(path, from, to);
  return (
    <div className="paths-page" data-testid="paths-page">
      <header className="page-head">
        <h1>Paths between two entities</h1>
      </header>
      <p className="muted">The shortest chains of claims (either direction) between two entities, with the evidence for each link.</p>
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
      {path && <Chain path={path} label="Shortest path" />}
      {path && path.length > 1 && !more && <Loading what="other shortest chains" />}
      {more?.error && <ErrorMessage error={more.error} title="Other shortest chains could not be loaded" />}
      {more && !more.error && (
        <p className="muted small" data-testid="more-chains">
          {more.chains.length
            ? `${more.chains.length} other shortest chain${more.chains.length === 1 ? "" : "s"}, each through a different first step:`
            : "No other shortest chain starts with a different step."}
        </p>
      )}
      {more?.chains.map((chain, i) => <Chain key={chain.nodes.map((n) => n.id).join(",")} path={chain} label={`Chain ${i + 2}`} />)}
    </div>
  );
}

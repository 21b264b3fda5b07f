import { Component, type ReactNode } from "react";
import type { CombinedError } from "@urql/core";
import type { EntityType, XrefFieldsFragment } from "../gql/graphql";
import { TYPE_STYLE, pct, type Brief } from "../model";
import { Link, entityHref } from "../router";

/** A clear message for API failures: unreachable, refused, or a GraphQL error. */
export function ErrorMessage({ error, title: given }: { error: CombinedError | Error | string; title?: string }) {
  let title = given ?? (typeof error === "string" ? "Not found" : "The API answered with an error");
  let detail = typeof error === "string" ? error : error.message;
  if (typeof error !== "string" && "networkError" in error && error.networkError) {
    title = "The cellkg API cannot be reached";
    detail = `${error.networkError.message}. Is the API running (cellkg serve) and Neo4j up? Try again in a moment.`;
  } else if (typeof error !== "string" && "graphQLErrors" in error && error.graphQLErrors.length) {
    detail = error.graphQLErrors.map((e) => e.message).join("; ");
  }
  return (
    <div className="error" role="alert">
      <strong>{title}</strong>
      <p>{detail}</p>
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function TypeBadge({ type }: { type: EntityType }) {
  const s = TYPE_STYLE[type];
  return (
    <span className="type-badge" style={{ background: s.color, color: s.text, borderColor: s.border }}>
      {s.label}
    </span>
  );
}

export function EntityLink({ entity, badge = true }: { entity: Brief; badge?: boolean }) {
  return (
    <span className="entity-link">
      {badge && <TypeBadge type={entity.type} />}
      <Link href={entityHref(entity.id)}>{entity.name}</Link>
      {entity.nameZh && entity.nameZh !== entity.name && <span className="zh"> {entity.nameZh}</span>}
      <TrialStage trial={entity} />
    </span>
  );
}

export function Confidence({ value }: { value: number }) {
  return (
    <span className="confidence" title={`confidence ${value.toFixed(3)} (noisy-OR of the evidence)`}>
      <span className="bar" aria-hidden="true">
        <span style={{ width: pct(value) }} />
      </span>
      {value.toFixed(2)}
    </span>
  );
}

/** Keeps a render error from blanking the page. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, { error: Error | null }> {
  state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  componentDidUpdate(prev: { resetKey: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }
  render() {
    if (this.state.error)
      return <ErrorMessage title="Something went wrong" error={`This view failed to render: ${this.state.error.message}`} />;
    return this.props.children;
  }
}

/** PHASE1 → Phase 1, EARLY_PHASE1 → Early phase 1, RECRUITING → Recruiting: a registry's enum words for reading. */
export function registryWord(value: string): string {
  const words = value.toLowerCase().replace(/_/g, " ").replace(/phase(\d)/g, "phase $1");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A trial's phases and overall status, as its registry record states them (nothing when none does). */
export function TrialStage({ trial }: { trial: { phases?: string[] | null; status?: string | null } }) {
  const phases = trial.phases ?? [];
  if (!phases.length && !trial.status) return null;
  return (
    <span className="trial-stage" data-testid="trial-stage">
      {phases.length > 0 && <span className="phase">{phases.map(registryWord).join(" / ")}</span>}{" "}
      {trial.status && <span className={`status status-${trial.status.toLowerCase()}`}>{registryWord(trial.status)}</span>}
    </span>
  );
}

/** Identifiers in public registries, each linked to the registry's page when it has one. */
export function XrefList({ xrefs }: { xrefs: XrefFieldsFragment[] }) {
  return (
    <ul className="xrefs" data-testid="xrefs">
      {xrefs.map((x) => (
        <li key={x.curie}>
          <span className="xref-prefix">{x.prefix}</span>{" "}
          {x.url ? (
            <a href={x.url} target="_blank" rel="noreferrer noopener" title={`${x.curie} at its registry (opens a new tab)`}>
              {x.id}
            </a>
          ) : (
            <code>{x.id}</code>
          )}
        </li>
      ))}
    </ul>
  );
}

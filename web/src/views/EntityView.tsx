import { useEffect } from "react";
import { useQuery } from "urql";
import { Confidence, EntityLink, ErrorMessage, Loading, TrialStage, TypeBadge, XrefList, registryWord } from "../components/common";
import { EvidenceItem } from "../components/Evidence";
import type { EntityQuery as EntityResult } from "../gql/graphql";
import { isChinese, relationGroups, type RelEdge, type RelGroup } from "../model";
import { EntityQuery } from "../queries";
import { Link, documentHref, graphHref } from "../router";

function RelationRow({ edge, direction }: { edge: RelEdge; direction: RelGroup["direction"] }) {
  const evidence = edge.evidence ?? [];
  return (
    <li className={`relation${edge.negated ? " negated" : ""}`} data-testid="relation">
      <div className="relation-head">
        <span className="arrow" aria-hidden="true">
          {direction === "out" ? "→" : direction === "in" ? "←" : "↔"}
        </span>
        <EntityLink entity={edge.node} />
        {edge.negated && <span className="flag flag-negated">negated</span>}
        <span className="relation-figures">
          <Confidence value={edge.confidence} />
          <span title="documents stating it">{edge.documentCount} doc{edge.documentCount === 1 ? "" : "s"}</span>
          <span title="pieces of evidence">{edge.evidenceCount} evidence</span>
        </span>
      </div>
      {evidence.length > 0 && (
        <ul className="evidence-list">
          {evidence.map((ev) => (
            <EvidenceItem key={ev.id} ev={ev} />
          ))}
          {edge.evidenceCount > evidence.length && (
            <li className="more">… and {edge.evidenceCount - evidence.length} more pieces of evidence</li>
          )}
        </ul>
      )}
    </li>
  );
}

type Trial = Extract<NonNullable<EntityResult["entity"]>, { __typename: "Trial" }>;

/** What the trial's registry record states: phases, status, dates, enrolment, countries, design. */
function TrialFacts({ trial }: { trial: Trial }) {
  const facts: [string, string | null | undefined][] = [
    ["Start", trial.startDate],
    ["Completion", trial.completionDate],
    ["Enrolment", trial.enrollment == null ? null : `${trial.enrollment} participants`],
    ["Countries", trial.countries?.join(", ")],
    ["Study type", trial.studyType && registryWord(trial.studyType)],
  ];
  const stated = facts.filter(([, v]) => v);
  return (
    <section aria-label="Trial" data-testid="trial-facts">
      <h2>Trial</h2>
      {!trial.phases?.length && !trial.status && !stated.length ? (
        <p className="muted small">No registry record of this trial is in the graph: phase, status and dates unknown.</p>
      ) : (
        <dl>
          {(trial.phases?.length || trial.status) && (
            <>
              <dt>Phase and status</dt>
              <dd>
                <TrialStage trial={trial} />
              </dd>
            </>
          )}
          {stated.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

export function EntityView({ id }: { id: string }) {
  const [result] = useQuery({
    query: EntityQuery,
    variables: { id },
  });
  const entity = result.data?.entity;
  useEffect(() => {
    document.title = entity ? `${entity.name} · cellkg` : "Entity · cellkg";
  }, [entity]);
  if (result.error) return <ErrorMessage error={result.error} />;
  if (result.fetching && !entity) return <Loading what="the entity" />;
  if (!entity) return <ErrorMessage error={`No entity has the id “${id}”.`} />;

  const groups = relationGroups(entity).filter((g) => g.edges.length > 0);
  const zh = entity.aliases.filter(isChinese);
  const en = entity.aliases.filter((a) => !isChinese(a) && a !== entity.name);
  return (
    <article className="entity-page" data-testid="entity-page">
      <header className="page-head">
        <TypeBadge type={entity.type} />
        <h1>
          {entity.name}
          {entity.nameZh && entity.nameZh !== entity.name && (
            <span className="zh" lang="zh">
              {" "}
              {entity.nameZh}
            </span>
          )}
        </h1>
        <Link className="button" href={graphHref(entity.id)}>
          Show in graph
        </Link>
        <Link className="button secondary" href={`/paths?from=${encodeURIComponent(entity.id)}`}>
          Find paths from here
        </Link>
      </header>
      <div className="entity-layout">
        <section className="relations" aria-label="Relations">
          {groups.length === 0 && <p className="muted">No relation is recorded for this entity.</p>}
          {groups.map((group) => (
            <section key={group.field} className="relation-group">
              <h2>
                {group.label} <span className="count">{group.edges.length}</span>
                <span className="reltype">{group.edges[0].type}</span>
              </h2>
              <ul>
                {group.edges.map((edge) => (
                  <RelationRow key={edge.relationId} edge={edge} direction={group.direction} />
                ))}
              </ul>
            </section>
          ))}
        </section>
        <aside className="facts">
          <h2>Names</h2>
          <dl>
            <dt>Key</dt>
            <dd>
              <code>{entity.id}</code>
            </dd>
            <dt>English</dt>
            <dd>{[entity.name, ...en].join(" · ")}</dd>
            <dt>中文</dt>
            <dd lang="zh">{zh.length ? zh.join(" · ") : <span className="muted">none recorded</span>}</dd>
          </dl>
          {entity.__typename === "Trial" && <TrialFacts trial={entity} />}
          <h2>Identifiers</h2>
          {entity.xrefs.length ? (
            <XrefList xrefs={entity.xrefs} />
          ) : (
            <p className="muted small">No registry identifier is recorded.</p>
          )}
          <h2>Documents</h2>
          <ul className="doc-list">
            {(entity.documents ?? []).map((d) => (
              <li key={d.id}>
                <Link href={documentHref(d.id)}>{d.title || d.name}</Link>{" "}
                {d.language && <span className="lang">{d.language}</span>}
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </article>
  );
}

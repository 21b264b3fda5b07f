import { useEffect } from "react";
import { useQuery } from "urql";
import { Confidence, EntityLink, ErrorMessage, Loading, TypeBadge } from "../components/common";
import { EvidenceItem } from "../components/Evidence";
import { identifiers, isChinese, relationGroups, type RelEdge, type RelGroup } from "../model";
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
  const ids = identifiers([entity.name, ...entity.aliases]);
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
            {ids.length > 0 && <dt>Identifiers</dt>}
            {ids.map((x) => (
              <dd key={x.id}>
                {x.href ? (
                  <a href={x.href} target="_blank" rel="noreferrer noopener">
                    {x.id}
                  </a>
                ) : (
                  x.id
                )}{" "}
                <span className="muted">({x.registry})</span>
              </dd>
            ))}
          </dl>
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

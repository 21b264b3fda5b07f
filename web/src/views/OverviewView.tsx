import { useEffect, useMemo } from "react";
import { useQuery } from "urql";
import { ClaimsTable } from "../components/ClaimsTable";
import { EntityLink, ErrorMessage, Loading } from "../components/common";
import type { ClaimFieldsFragment, EntityType } from "../gql/graphql";
import { TYPE_ORDER, TYPE_STYLE, typeFromTypename } from "../model";
import { OverviewCountsEnQuery, OverviewCountsQuery, OverviewTablesQuery } from "../queries";
import { Link, entityHref } from "../router";

const KEY: Record<EntityType, string> = {
  RESEARCHER: "researcher",
  INSTITUTION: "institution",
  THERAPY: "therapy",
  TARGET: "target",
  TRIAL: "trial",
  DISEASE: "disease",
};

export function OverviewView() {
  const [counts] = useQuery({ query: OverviewCountsQuery });
  const [countsEn] = useQuery({ query: OverviewCountsEnQuery });
  const [tables] = useQuery({ query: OverviewTablesQuery });
  useEffect(() => {
    document.title = "Overview · cellkg";
  }, []);
  const claims = useMemo(() => {
    const seen = new Map<string, ClaimFieldsFragment>();
    for (const d of tables.data?.documents.edges ?? []) for (const c of d.node.claims) if (!c.negated) seen.set(c.id, c);
    return [...seen.values()]
      .sort((a, b) => b.documentCount - a.documentCount || b.evidenceCount - a.evidenceCount || b.confidence - a.confidence)
      .slice(0, 15);
  }, [tables.data]);
  const error = counts.error ?? countsEn.error ?? tables.error;
  if (error) return <ErrorMessage error={error} />;
  const c = counts.data;
  const byLang = (t: EntityType, lang: "En" | "Zh") => {
    const source = (lang === "Zh" ? c : countsEn.data) as Record<string, { totalCount?: number | null }> | undefined;
    return source?.[`${KEY[t]}${lang}`]?.totalCount ?? "…";
  };
  const entityCount = (t: EntityType) => c?.stats.entities.find((e) => typeFromTypename(e.name) === t)?.count ?? 0;
  return (
    <div className="overview" data-testid="overview">
      <header className="page-head">
        <h1>Overview</h1>
        {c && (
          <span className="muted">
            {c.stats.documents} documents ({c.docsEn.totalCount ?? 0} English, {c.docsZh.totalCount ?? 0} Chinese) ·{" "}
            {c.stats.evidence} pieces of evidence ·{" "}
            {c.stats.relations.reduce((n, r) => n + r.count, 0)} claims
          </span>
        )}
      </header>
      {!c && <Loading what="the counts" />}
      {c && (
        <div className="cards">
          <section className="card" aria-labelledby="ov-entities-by-type-and-language">
            <h2 id="ov-entities-by-type-and-language">Entities by type and language</h2>
            <table className="counts">
              <thead>
                <tr>
                  <th scope="col">Type</th>
                  <th scope="col">All</th>
                  <th scope="col" title="mentioned in an English document">EN docs</th>
                  <th scope="col" title="mentioned in a Chinese document">ZH docs</th>
                </tr>
              </thead>
              <tbody>
                {TYPE_ORDER.map((t) => (
                  <tr key={t}>
                    <td>
                      <span className="swatch" style={{ background: TYPE_STYLE[t].color }} /> {TYPE_STYLE[t].label}
                    </td>
                    <td className="num">{entityCount(t)}</td>
                    <td className="num">{byLang(t, "En")}</td>
                    <td className="num">{byLang(t, "Zh")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="card" aria-labelledby="ov-claims-by-relation-type">
            <h2 id="ov-claims-by-relation-type">Claims by relation type</h2>
            <table className="counts">
              <tbody>
                {[...c.stats.relations]
                  .sort((a, b) => b.count - a.count)
                  .map((r) => (
                    <tr key={r.name}>
                      <td>
                        <span className="reltype">{r.name}</span>
                      </td>
                      <td className="num">{r.count}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </section>
        </div>
      )}
      {tables.fetching && !tables.data && <Loading what="the tables" />}
      {tables.data && (
        <div className="cards">
          <section className="card wide" aria-labelledby="ov-most-supported-claims">
            <h2 id="ov-most-supported-claims">Most supported claims</h2>
            <p className="muted small">By number of documents, then evidence, among the claims of the 20 newest documents.</p>
            <ClaimsTable claims={claims} />
          </section>
          <section className="card" aria-labelledby="ov-therapies-by-target">
            <h2 id="ov-therapies-by-target">Therapies by target</h2>
            <dl className="grouped">
              {tables.data.targets.edges
                .filter((e) => e.node.therapies.length)
                .map(({ node }) => (
                  <div key={node.id}>
                    <dt>
                      <Link href={entityHref(node.id)}>{node.name}</Link>
                    </dt>
                    <dd>
                      {node.therapies.map((t, i) => (
                        <span key={t.node.id}>
                          {i > 0 && ", "}
                          <Link href={entityHref(t.node.id)}>{t.node.name}</Link>
                        </span>
                      ))}
                    </dd>
                  </div>
                ))}
            </dl>
          </section>
          <section className="card" aria-labelledby="ov-trials-by-disease">
            <h2 id="ov-trials-by-disease">Trials by disease</h2>
            <dl className="grouped">
              {tables.data.diseases.edges
                .filter((e) => e.node.studiedIn.length)
                .map(({ node }) => (
                  <div key={node.id}>
                    <dt>
                      <Link href={entityHref(node.id)}>{node.name}</Link>
                      {node.nameZh && <span className="zh"> {node.nameZh}</span>}
                    </dt>
                    <dd>
                      <ul className="trial-list">
                        {node.studiedIn.map((t) => (
                          <li key={t.node.id}>
                            <EntityLink entity={t.node} badge={false} />
                          </li>
                        ))}
                      </ul>
                    </dd>
                  </div>
                ))}
            </dl>
          </section>
        </div>
      )}
    </div>
  );
}


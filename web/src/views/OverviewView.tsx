import { useEffect, useMemo } from "react";
import { useQuery } from "urql";
import { Confidence, EntityLink, ErrorMessage, Loading } from "../components/common";
import type { EntityType } from "../gql/graphql";
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
    const seen = new Map<string, NonNullable<typeof tables.data>["documents"]["edges"][number]["node"]["claims"][number]>();
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
          <section className="card">
            <h2>Entities by type and language</h2>
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
          <section className="card">
            <h2>Claims by relation type</h2>
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
          <section className="card wide">
            <h2>Most supported claims</h2>
            <p className="muted small">By number of documents, then evidence, among the claims of the 20 newest documents.</p>
            <table className="claims">
              <thead>
                <tr>
                  <th scope="col">Subject</th>
                  <th scope="col">Relation</th>
                  <th scope="col">Object</th>
                  <th scope="col">Docs</th>
                  <th scope="col">Evidence</th>
                  <th scope="col">Confidence</th>
                </tr>
              </thead>
              <tbody>
                {claims.map((cl) => (
                  <tr key={cl.id}>
                    <td>
                      <EntityLink entity={cl.subject} />
                    </td>
                    <td>
                      <span className="reltype">{cl.type}</span>
                    </td>
                    <td>
                      <EntityLink entity={cl.object} />
                    </td>
                    <td className="num">{cl.documentCount}</td>
                    <td className="num">{cl.evidenceCount}</td>
                    <td>
                      <Confidence value={cl.confidence} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="card">
            <h2>Therapies by target</h2>
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
          <section className="card">
            <h2>Trials by disease</h2>
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
                      {node.studiedIn.map((t, i) => (
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
        </div>
      )}
    </div>
  );
}


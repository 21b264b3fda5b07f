import { useEffect } from "react";
import { useQuery } from "urql";
import { ErrorMessage, Loading, TypeBadge } from "../components/common";
import { groupHits } from "../components/SearchBox";
import { TYPE_STYLE } from "../model";
import { SearchQuery } from "../queries";
import { Link, entityHref } from "../router";

export function SearchView({ text }: { text: string }) {
  const [result] = useQuery({ query: SearchQuery, variables: { text, first: 50 }, pause: !text });
  useEffect(() => {
    document.title = `Search: ${text} · cellkg`;
  }, [text]);
  if (!text) return <p className="muted">Type in the search box above.</p>;
  if (result.error) return <ErrorMessage error={result.error} />;
  if (result.fetching || !result.data) return <Loading what="results" />;
  const groups = groupHits(result.data.search.map((h) => h.entity));
  return (
    <div className="search-page" data-testid="search-page">
      <header className="page-head">
        <h1>Results for “{text}”</h1>
        <span className="muted">{result.data.search.length} entities</span>
      </header>
      {groups.length === 0 && <p className="notice">No entity matches “{text}”.</p>}
      {groups.map(([type, hits]) => (
        <section key={type} className="result-group">
          <h2 style={{ borderLeftColor: TYPE_STYLE[type].color }}>
            {TYPE_STYLE[type].label} <span className="count">{hits.length}</span>
          </h2>
          <ul>
            {hits.map((h) => (
              <li key={h.id}>
                <TypeBadge type={h.type} /> <Link href={entityHref(h.id)}>{h.name}</Link>
                {h.nameZh && h.nameZh !== h.name && <span className="zh"> {h.nameZh}</span>}
                <span className="muted small"> {h.aliases.filter((a) => a !== h.name && a !== h.nameZh).slice(0, 6).join(" · ")}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

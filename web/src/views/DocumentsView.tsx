import { useEffect } from "react";
import { useQuery } from "urql";
import { ErrorMessage, Loading } from "../components/common";
import { DocumentsQuery } from "../queries";
import { Link, documentHref, navigate } from "../router";

export function DocumentsView({ params }: { params: URLSearchParams }) {
  const after = params.get("after");
  const lang = params.get("language");
  const language = lang === "EN" || lang === "ZH" ? lang : null;
  const [result] = useQuery({ query: DocumentsQuery, variables: { first: 25, after, language } });
  useEffect(() => {
    document.title = "Documents · cellkg";
  }, []);
  if (result.error) return <ErrorMessage error={result.error} />;
  if (!result.data) return <Loading what="documents" />;
  const { edges, pageInfo, totalCount } = result.data.documents;
  return (
    <div className="documents-page">
      <header className="page-head">
        <h1>Documents</h1>
        <span className="muted">{totalCount} in all, newest first</span>
        <label>
          Language{" "}
          <select
            value={language ?? ""}
            onChange={(e) => navigate(e.target.value ? `/documents?language=${e.target.value}` : "/documents")}
          >
            <option value="">any</option>
            <option value="EN">English</option>
            <option value="ZH">Chinese</option>
          </select>
        </label>
      </header>
      <table className="claims">
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Published</th>
            <th scope="col">Language</th>
            <th scope="col">Characters</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {edges.map(({ node }) => (
            <tr key={node.id}>
              <td>
                <Link href={documentHref(node.id)}>{node.title || node.name}</Link>
              </td>
              <td>
                {node.publishedAt}
                {node.journal && <div className="muted small">{node.journal}</div>}
              </td>
              <td>{node.language}</td>
              <td className="num">
                {node.chars}
                <div className="muted small">{node.mediaType}</div>
              </td>
              <td>
                <code className="small">{node.source}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {pageInfo.hasNextPage && pageInfo.endCursor && (
        <p>
          <Link className="button secondary" href={`/documents?after=${encodeURIComponent(pageInfo.endCursor)}${language ? `&language=${language}` : ""}`}>
            Next page
          </Link>
        </p>
      )}
    </div>
  );
}

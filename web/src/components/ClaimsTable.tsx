import type { ClaimFieldsFragment } from "../gql/graphql";
import { Confidence, EntityLink } from "./common";

/** Claims as a table: who, what relation, whom, and how well supported (negated ones marked). */
export function ClaimsTable({ claims }: { claims: ClaimFieldsFragment[] }) {
  return (
    <table className="claims">
      <thead>
        <tr>
          <th scope="col">Subject</th>
          <th scope="col">Relation</th>
          <th scope="col">Object</th>
          <th scope="col">Confidence</th>
          <th scope="col" title="documents stating it">Docs</th>
          <th scope="col" title="pieces of evidence">Evidence</th>
        </tr>
      </thead>
      <tbody>
        {claims.map((c) => (
          <tr key={c.id} className={c.negated ? "negated" : undefined}>
            <td>
              <EntityLink entity={c.subject} />
            </td>
            <td>
              <span className="reltype">{c.type}</span>
              {c.negated && <span className="flag flag-negated">negated</span>}
            </td>
            <td>
              <EntityLink entity={c.object} />
            </td>
            <td>
              <Confidence value={c.confidence} />
            </td>
            <td className="num">{c.documentCount}</td>
            <td className="num">{c.evidenceCount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

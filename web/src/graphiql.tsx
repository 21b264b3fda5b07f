// GraphiQL served by the API itself (GET /graphql), every asset local: works offline.
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "graphiql/style.css";
import { readKeyHeaders } from "./readKey";

// the read key the explorer was given in this tab, if the API asks for one
const fetcher = createGraphiQLFetcher({ url: window.location.pathname || "/graphql", headers: readKeyHeaders() });
const DEFAULT_QUERY = `# cellkg GraphQL API: try a search in English or Chinese.
{
  search(text: "CD19", first: 5) {
    score
    entity { id name nameZh type }
  }
  stats { documents evidence }
}
`;

createRoot(document.getElementById("graphiql")!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} />
  </StrictMode>,
);

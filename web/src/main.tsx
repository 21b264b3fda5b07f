import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Client, Provider, cacheExchange, fetchExchange } from "urql";
import { App } from "./App";
import { fetchWithReadKey } from "./readKey";
import "./app.css";

// The only way the explorer talks to the API: GraphQL at /graphql on the same origin (with the read key
// when the API asks for one).
const client = new Client({
  url: "/graphql",
  fetch: fetchWithReadKey,
  exchanges: [cacheExchange, fetchExchange],
  requestPolicy: "cache-first",
  preferGetMethod: false,
});

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Provider value={client}>
      <App />
    </Provider>
  </StrictMode>,
);

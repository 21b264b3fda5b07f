import { lazy, Suspense, useEffect, useRef } from "react";
import { ErrorBoundary, ErrorMessage } from "./components/common";
import { ReadKeyPrompt } from "./components/ReadKeyPrompt";
import { SearchBox } from "./components/SearchBox";
import { Link, entityHref, navigate, useRoute } from "./router";
import { DocumentView } from "./views/DocumentView";
import { DocumentsView } from "./views/DocumentsView";
import { EntityView } from "./views/EntityView";
import { OverviewView } from "./views/OverviewView";
import { PathsView } from "./views/PathsView";
import { SearchView } from "./views/SearchView";

const GraphView = lazy(() => import("./views/GraphView").then((m) => ({ default: m.GraphView })));

function View({ path, params }: { path: string; params: URLSearchParams }) {
  const [, section, ...rest] = path.split("/");
  let arg = rest.join("/");
  try {
    arg = decodeURIComponent(arg);
  } catch {
    return <ErrorMessage title="Not found" error={`The address ${path} is malformed.`} />;
  }
  if (path === "/" || path === "") return <OverviewView />;
  if (section === "entity" && arg) return <EntityView key={arg} id={arg} />;
  if (section === "graph" && arg)
    return (
      <Suspense fallback={<p className="loading">Loading the graph view…</p>}>
        <GraphView key={arg} id={arg} params={params} />
      </Suspense>
    );
  if (section === "document" && arg) return <DocumentView key={arg} id={arg} />;
  if (section === "documents") return <DocumentsView params={params} />;
  if (section === "paths") return <PathsView params={params} />;
  if (section === "search") return <SearchView text={params.get("q") ?? ""} />;
  return <ErrorMessage title="Not found" error={`There is no page at ${path}.`} />;
}

const NAV = [
  ["/", "Overview"],
  ["/documents", "Documents"],
  ["/paths", "Paths"],
] as const;

export function App() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // on navigation: scroll to top and move focus to the new view (announced by screen readers)
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (!window.location.hash) window.scrollTo(0, 0); // an anchor (#s<start>) is scrolled to by its view
    main.current?.focus({ preventScroll: true });
  }, [route.path]);
  const section = `/${route.path.split("/")[1] ?? ""}`;
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link href="/" className="brand">
          cellkg <span>explorer</span>
        </Link>
        <SearchBox
          label="Search entities"
          onPick={(e) => navigate(entityHref(e.id))}
          onSubmit={(text) => navigate(`/search?q=${encodeURIComponent(text)}`)}
          testId="search"
        />
        <nav aria-label="Main">
          {NAV.map(([href, label]) => (
            <Link key={href} href={href} aria-current={section === href ? "page" : undefined}>
              {label}
            </Link>
          ))}
          <a href="/graphql">GraphiQL</a>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <ReadKeyPrompt />
        <ErrorBoundary resetKey={route.path}>
          <View path={route.path} params={route.params} />
        </ErrorBoundary>
      </main>
    </>
  );
}

// A small history-API router: every view has its own URL and the back button works.
import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from "react";

export interface Route {
  path: string;
  params: URLSearchParams;
}

function current(): Route {
  return { path: window.location.pathname, params: new URLSearchParams(window.location.search) };
}

export function navigate(to: string, replace = false): void {
  if (replace) window.history.replaceState(null, "", to);
  else window.history.pushState(null, "", to);
  window.dispatchEvent(new Event("cellkg:navigate"));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const update = () => setRoute(current());
    window.addEventListener("popstate", update);
    window.addEventListener("cellkg:navigate", update);
    return () => {
      window.removeEventListener("popstate", update);
      window.removeEventListener("cellkg:navigate", update);
    };
  }, []);
  return route;
}

export const entityHref = (id: string) => `/entity/${encodeURIComponent(id)}`;
export const graphHref = (id: string) => `/graph/${encodeURIComponent(id)}`;
export const documentHref = (id: string) => `/document/${encodeURIComponent(id)}`;

/** An <a> that navigates inside the app (modifier-clicks still open a new tab). */
export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handle} {...rest} />;
}

import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useQuery } from "urql";
import type { EntityType, SearchQuery as SearchResult } from "../gql/graphql";
import { TYPE_ORDER, TYPE_STYLE, type Brief } from "../model";
import { SearchQuery } from "../queries";
import { TypeBadge } from "./common";

type Hit = SearchResult["search"][number]["entity"];

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(t);
  }, [value, ms]);
  return debounced;
}

/** Hits grouped by type in a fixed order, keeping the search's ranking inside each group. */
export function groupHits(hits: Hit[]): [EntityType, Hit[]][] {
  const groups = new Map<EntityType, Hit[]>();
  for (const hit of hits) groups.set(hit.type, [...(groups.get(hit.type) ?? []), hit]);
  return TYPE_ORDER.filter((t) => groups.has(t)).map((t) => [t, groups.get(t)!]);
}

/** The matching alias, when the hit was found by one rather than its name. */
function matchedAlias(hit: Hit, text: string): string | null {
  const q = text.trim().toLowerCase();
  if (!q || hit.name.toLowerCase().includes(q)) return null;
  return hit.aliases.find((a) => a.toLowerCase().includes(q) && a !== hit.nameZh) ?? null;
}

/** A typeahead across every entity type, English and Chinese (a combobox with a grouped listbox). */
export function SearchBox({
  onPick,
  onSubmit,
  label,
  placeholder = "Search therapies, targets, diseases, trials, people… (English or 中文)",
  initial = "",
  testId,
}: {
  onPick: (entity: Brief) => void;
  onSubmit?: (text: string) => void;
  label: string;
  placeholder?: string;
  initial?: string;
  testId?: string;
}) {
  const [text, setText] = useState(initial);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1); // no option highlighted: Enter searches the text
  const debounced = useDebounced(text.trim(), 150);
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [result] = useQuery({ query: SearchQuery, variables: { text: debounced, first: 20 }, pause: !debounced });
  const groups = useMemo(() => groupHits(result.data?.search.map((h) => h.entity) ?? []), [result.data]);
  const flat = groups.flatMap(([, hits]) => hits);
  useEffect(() => setActive(-1), [debounced]);
  useEffect(() => setText(initial), [initial]);

  const showList = open && !!debounced && text.trim() === debounced;
  const pick = (hit: Hit) => {
    setOpen(false);
    setText("");
    onPick(hit);
  };
  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, flat.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (showList && flat[active]) pick(flat[active]);
      else if (text.trim() && onSubmit) {
        setOpen(false);
        onSubmit(text.trim());
      }
    } else if (event.key === "Escape" && showList) {
      event.preventDefault(); // the first Escape closes the list, the next clears the box
      setOpen(false);
    }
  };
  let index = -1;
  return (
    <div className="searchbox" data-testid={testId}>
      <input
        ref={inputRef}
        type="search"
        role="combobox"
        aria-label={label}
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && flat[active] ? `${listId}-${active}` : undefined}
        placeholder={placeholder}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
        autoComplete="off"
        spellCheck={false}
      />
      {showList && (
        <div className="suggestions" id={listId} role="listbox" aria-label={`${label} suggestions`}>
          {result.error && <div className="suggest-note">Search failed: {result.error.message}</div>}
          {!result.fetching && !result.error && flat.length === 0 && (
            <div className="suggest-note">No entity matches “{debounced}”.</div>
          )}
          {groups.map(([type, hits]) => (
            <div key={type} role="group" aria-label={TYPE_STYLE[type].label} className="suggest-group">
              <div className="suggest-heading" style={{ borderLeftColor: TYPE_STYLE[type].color }}>
                {TYPE_STYLE[type].label}
              </div>
              {hits.map((hit) => {
                index += 1;
                const i = index;
                const alias = matchedAlias(hit, debounced);
                return (
                  <div
                    key={hit.id}
                    id={`${listId}-${i}`}
                    role="option"
                    aria-selected={i === active}
                    className={`suggestion${i === active ? " active" : ""}`}
                    onMouseDown={(e) => e.preventDefault()}
                    onMouseEnter={() => setActive(i)}
                    onClick={() => pick(hit)}
                  >
                    <TypeBadge type={hit.type} />
                    <span className="name">{hit.name}</span>
                    {hit.nameZh && hit.nameZh !== hit.name && <span className="zh">{hit.nameZh}</span>}
                    {alias && <span className="alias">“{alias}”</span>}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

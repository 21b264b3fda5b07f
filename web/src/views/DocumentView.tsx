import { useEffect, useMemo, useState, type ReactNode } from "react";
import { useQuery } from "urql";
import { ClaimsTable } from "../components/ClaimsTable";
import { EntityLink, ErrorMessage, Loading, XrefList } from "../components/common";
import { EvidenceItem, type MentionHit } from "../components/Evidence";
import type { DocumentQuery as DocumentResult } from "../gql/graphql";
import { TYPE_ORDER, TYPE_STYLE } from "../model";
import { DocumentQuery } from "../queries";
import { Link, entityHref } from "../router";

type Doc = NonNullable<DocumentResult["document"]>;
type Span = { start: number; end: number };

/** Every mention span of the document, in text order; of overlapping ones the first and longest is kept. */
function mentionHits(doc: Doc): MentionHit[] {
  const all = doc.mentions
    .flatMap((m) => m.spans.map((s) => ({ start: s.start, end: s.end, entity: m.entity })))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: MentionHit[] = [];
  for (const hit of all) if (!kept.length || hit.start >= kept[kept.length - 1].end) kept.push(hit);
  return kept;
}

/** A structured record (a registry or bibliographic entry) rather than prose: its media type tells. */
const RECORD_KIND: Record<string, string> = {
  "application/json": "ClinicalTrials.gov record",
  "application/xml": "PubMed / PMC record",
};

/** The evidence span the address points at (#s<start>: an evidence link, "show in the text"), scrolled to. */
function useFocus(doc: Doc | null | undefined): Span | null {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const update = () => setHash(window.location.hash);
    window.addEventListener("hashchange", update);
    return () => window.removeEventListener("hashchange", update);
  }, []);
  const start = /^#s(\d+)$/.exec(hash)?.[1];
  const ev = start === undefined ? undefined : doc?.evidence.find((e) => e.span.start === Number(start));
  useEffect(() => {
    if (ev) document.querySelector(".doc-text mark.focus")?.scrollIntoView({ block: "center" });
  }, [ev]);
  return ev ? ev.span : null;
}

/** Text between two offsets, with the part inside the focused evidence span marked. */
function focused(text: string, from: number, to: number, focus: Span | null, key: string): ReactNode {
  if (!focus || focus.end <= from || focus.start >= to) return text.slice(from, to);
  const a = Math.max(from, focus.start);
  const b = Math.min(to, focus.end);
  return (
    <span key={key}>
      {text.slice(from, a)}
      <mark className="focus">{text.slice(a, b)}</mark>
      {text.slice(b, to)}
    </span>
  );
}

/** The whole text, every mention a link coloured by its entity type, the focused evidence span marked. */
function HighlightedText({ text, hits, focus }: { text: string; hits: MentionHit[]; focus: Span | null }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const h of hits) {
    if (h.start > at) parts.push(focused(text, at, h.start, focus, `t${at}`));
    const style = TYPE_STYLE[h.entity.type];
    parts.push(
      <Link
        key={`m${h.start}`}
        href={entityHref(h.entity.id)}
        className="mention"
        style={{ background: `${style.color}55`, borderBottomColor: style.border }}
        title={`${style.label}: ${h.entity.name}`}
        data-type={h.entity.type}
      >
        {focused(text, h.start, h.end, focus, `f${h.start}`)}
      </Link>,
    );
    at = h.end;
  }
  parts.push(focused(text, at, text.length, focus, `t${at}`));
  return <>{parts}</>;
}

function Facts({ doc }: { doc: Doc }) {
  const web = /^https?:\/\//.test(doc.source);
  return (
    <dl className="doc-facts" data-testid="doc-facts">
      <dt>Source</dt>
      <dd>
        {web ? (
          <a href={doc.source} target="_blank" rel="noreferrer noopener">
            {doc.source}
          </a>
        ) : (
          <code>{doc.source}</code>
        )}
      </dd>
      {doc.journal && (
        <>
          <dt>Journal</dt>
          <dd>{doc.journal}</dd>
        </>
      )}
      {doc.publishedAt && (
        <>
          <dt>Published</dt>
          <dd>
            <time dateTime={doc.publishedAt}>{doc.publishedAt}</time>
          </dd>
        </>
      )}
      {doc.version && (
        <>
          <dt>Record version</dt>
          <dd>{doc.version}</dd>
        </>
      )}
      {doc.xrefs.length > 0 && (
        <>
          <dt>Identifiers</dt>
          <dd>
            <XrefList xrefs={doc.xrefs} />
          </dd>
        </>
      )}
      <dt>Language</dt>
      <dd>{doc.language ?? "unknown"}</dd>
      <dt>Size</dt>
      <dd>
        {doc.chars ?? "?"} characters <span className="muted">({doc.mediaType ?? "unknown type"})</span>
      </dd>
      <dt>Ingested</dt>
      <dd>
        {doc.ingestedAt ?? "?"} <span className="muted">by extractor {doc.extractorVersion ?? "?"}</span>
      </dd>
      <dt>Id</dt>
      <dd>
        <code>{doc.id}</code>
      </dd>
    </dl>
  );
}

export function DocumentView({ id }: { id: string }) {
  const [result] = useQuery({ query: DocumentQuery, variables: { id } });
  const doc = result.data?.document;
  const hits = useMemo(() => (doc ? mentionHits(doc) : []), [doc]);
  const focus = useFocus(doc);
  useEffect(() => {
    document.title = doc ? `${doc.title || doc.name} · cellkg` : "Document · cellkg";
  }, [doc]);
  if (result.error) return <ErrorMessage error={result.error} />;
  if (result.fetching && !doc) return <Loading what="the document" />;
  if (!doc) return <ErrorMessage error={`No document has the id “${id}”.`} />;

  const presentTypes = TYPE_ORDER.filter((t) => doc.mentions.some((m) => m.entity.type === t));
  const claims = [...doc.claims].sort((a, b) => Number(a.negated) - Number(b.negated) || b.confidence - a.confidence);
  const kind = doc.mediaType ? RECORD_KIND[doc.mediaType] : undefined;
  const lang = doc.language === "ZH" ? "zh" : "en";
  return (
    <article className="document-page" data-testid="document-page">
      <header className="page-head">
        <span className="type-badge doc">{kind ?? "Document"}</span>
        <h1 lang={lang}>{doc.title || doc.name}</h1>
      </header>
      <Facts doc={doc} />
      <section aria-labelledby="doc-text-heading">
        <h2 id="doc-text-heading">
          Text{" "}
          <span className="muted small">
            ({hits.length} mentions of {doc.mentions.length} entities
            {doc.mentions.length === 100 ? ", the first 100 the API returns" : ""})
          </span>
        </h2>
        <div className="legend" aria-label="Mention colours">
          {presentTypes.map((t) => (
            <span key={t} className="legend-item">
              <span className="swatch" style={{ background: TYPE_STYLE[t].color, borderColor: TYPE_STYLE[t].border }} />
              {TYPE_STYLE[t].label}
            </span>
          ))}
          {focus && (
            <span className="legend-item">
              <mark className="focus">the evidence you came from</mark>
            </span>
          )}
        </div>
        {doc.text == null ? (
          <p className="notice">The API returned no text for this document.</p>
        ) : (
          <div className={`doc-text${kind ? " record" : ""}`} lang={lang} data-testid="doc-text">
            <HighlightedText text={doc.text} hits={hits} focus={focus} />
          </div>
        )}
      </section>
      <section aria-labelledby="doc-claims-heading">
        <h2 id="doc-claims-heading">
          Claims <span className="count">{claims.length}</span>
        </h2>
        <ClaimsTable claims={claims} />
      </section>
      <section aria-labelledby="doc-evidence-heading">
        <h2 id="doc-evidence-heading">
          Evidence <span className="count">{doc.evidence.length}</span>
        </h2>
        <ul className="evidence-list">
          {doc.evidence.map((ev) => (
            <li key={ev.id} className="evidence-with-claim">
              <div className="claim-line">
                {ev.subject && <EntityLink entity={{ ...ev.subject, nameZh: null }} badge={false} />}{" "}
                <span className="reltype">{ev.relationType}</span>{" "}
                {ev.object && <EntityLink entity={{ ...ev.object, nameZh: null }} badge={false} />}{" "}
                <a href={`#s${ev.span.start}`} className="small">
                  show in the text
                </a>
              </div>
              <ul>
                <EvidenceItem ev={ev} mentions={hits} />
              </ul>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}

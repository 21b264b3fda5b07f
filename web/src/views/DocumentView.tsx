import { useEffect, useMemo } from "react";
import { useQuery } from "urql";
import { Confidence, EntityLink, ErrorMessage, Loading } from "../components/common";
import { EvidenceItem } from "../components/Evidence";
import type { DocumentQuery as DocumentResult, EntityType } from "../gql/graphql";
import { TYPE_ORDER, TYPE_STYLE } from "../model";
import { DocumentQuery } from "../queries";
import { Link, entityHref } from "../router";

type Doc = NonNullable<DocumentResult["document"]>;

interface Segment {
  start: number;
  end: number;
  text: string;
}
interface Hit {
  start: number;
  end: number;
  entityId: string;
  name: string;
  type: EntityType;
}

/**
 * The API returns no document text, only its evidence sentences at their character spans;
 * the page lays those out in text order and marks the gaps it cannot show.
 */
function segments(doc: Doc): Segment[] {
  const seen = new Map<number, Segment>();
  for (const ev of doc.evidence) {
    const prev = seen.get(ev.span.start);
    if (!prev || prev.end < ev.span.end) seen.set(ev.span.start, { ...ev.span, text: ev.sentence });
  }
  const sorted = [...seen.values()].sort((a, b) => a.start - b.start);
  return sorted.filter((s, i) => !sorted.slice(0, i).some((p) => p.start <= s.start && p.end >= s.end));
}

function mentionHits(doc: Doc): Hit[] {
  return doc.mentions
    .flatMap((m) => m.spans.map((s) => ({ ...s, entityId: m.entity.id, name: m.entity.name, type: m.entity.type })))
    .sort((a, b) => a.start - b.start || b.end - a.end);
}

function SegmentText({ seg, hits }: { seg: Segment; hits: Hit[] }) {
  const parts = [];
  let at = seg.start;
  for (const h of hits) {
    if (h.start < at || h.end > seg.end || h.start < seg.start) continue;
    if (h.start > at) parts.push(seg.text.slice(at - seg.start, h.start - seg.start));
    const style = TYPE_STYLE[h.type];
    parts.push(
      <Link
        key={h.start}
        href={entityHref(h.entityId)}
        className="mention"
        style={{ background: `${style.color}40`, borderBottomColor: style.border }}
        title={`${style.label}: ${h.name}`}
        data-type={h.type}
      >
        {seg.text.slice(h.start - seg.start, h.end - seg.start)}
      </Link>,
    );
    at = h.end;
  }
  parts.push(seg.text.slice(at - seg.start));
  return <>{parts}</>;
}

export function DocumentView({ id }: { id: string }) {
  const [result] = useQuery({ query: DocumentQuery, variables: { id } });
  const doc = result.data?.document;
  const segs = useMemo(() => (doc ? segments(doc) : []), [doc]);
  const hits = useMemo(() => (doc ? mentionHits(doc) : []), [doc]);
  useEffect(() => {
    document.title = doc ? `${doc.title || doc.name} · cellkg` : "Document · cellkg";
  }, [doc]);
  useEffect(() => {
    if (!doc || !window.location.hash) return;
    document.getElementById(window.location.hash.slice(1))?.scrollIntoView({ block: "center" });
  }, [doc]);
  if (result.error) return <ErrorMessage error={result.error} />;
  if (result.fetching && !doc) return <Loading what="the document" />;
  if (!doc) return <ErrorMessage error={`No document has the id “${id}”.`} />;

  const presentTypes = TYPE_ORDER.filter((t) => doc.mentions.some((m) => m.entity.type === t));
  const shown = segs.reduce((n, s) => n + (s.end - s.start), 0);
  const claims = [...doc.claims].sort((a, b) => Number(a.negated) - Number(b.negated) || b.confidence - a.confidence);
  return (
    <article className="document-page" data-testid="document-page">
      <header className="page-head">
        <span className="type-badge doc">Document</span>
        <h1 lang={doc.language === "ZH" ? "zh" : "en"}>{doc.title || doc.name}</h1>
      </header>
      <dl className="doc-facts">
        <dt>Source</dt>
        <dd>
          <code>{doc.source}</code>
        </dd>
        <dt>Language</dt>
        <dd>{doc.language ?? "unknown"}</dd>
        <dt>Size</dt>
        <dd>{doc.chars ?? "?"} characters</dd>
        <dt>Ingested</dt>
        <dd>{doc.ingestedAt ?? "?"}</dd>
        <dt>Extractor</dt>
        <dd>{doc.extractorVersion ?? "?"}</dd>
        <dt>Id</dt>
        <dd>
          <code>{doc.id}</code>
        </dd>
      </dl>
      <section aria-label="Text">
        <h2>
          Text <span className="muted small">(the sentences that carry evidence: {shown} of {doc.chars ?? "?"} characters)</span>
        </h2>
        <div className="legend" aria-label="Mention colours">
          {presentTypes.map((t) => (
            <span key={t} className="legend-item">
              <span className="swatch" style={{ background: TYPE_STYLE[t].color }} />
              {TYPE_STYLE[t].label}
            </span>
          ))}
        </div>
        <div className="doc-text" lang={doc.language === "ZH" ? "zh" : "en"} data-testid="doc-text">
          {segs.length === 0 && <p className="muted">This document asserts no evidence.</p>}
          {segs.map((seg, i) => {
            const gap = seg.start - (i === 0 ? 0 : segs[i - 1].end);
            return (
              <span key={seg.start}>
                {gap > 2 && <span className="gap" title={`${gap} characters not returned by the API`}> [… {gap} chars …] </span>}
                <span id={`s${seg.start}`} className="doc-sentence">
                  <SegmentText seg={seg} hits={hits} />
                </span>{" "}
              </span>
            );
          })}
        </div>
      </section>
      <section aria-label="Claims">
        <h2>
          Claims <span className="count">{claims.length}</span>
        </h2>
        <table className="claims">
          <thead>
            <tr>
              <th scope="col">Subject</th>
              <th scope="col">Relation</th>
              <th scope="col">Object</th>
              <th scope="col">Confidence</th>
              <th scope="col">Docs</th>
              <th scope="col">Evidence</th>
            </tr>
          </thead>
          <tbody>
            {claims.map((c) => (
              <tr key={c.id} className={c.negated ? "negated" : ""}>
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
                <td>{c.documentCount}</td>
                <td>{c.evidenceCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-label="Evidence">
        <h2>
          Evidence <span className="count">{doc.evidence.length}</span>
        </h2>
        <ul className="evidence-list">
          {doc.evidence.map((ev) => (
            <li key={ev.id} className="evidence-with-claim">
              <div className="claim-line">
                {ev.subject && <EntityLink entity={{ ...ev.subject, nameZh: null }} badge={false} />}{" "}
                <span className="reltype">{ev.relationType}</span>{" "}
                {ev.object && <EntityLink entity={{ ...ev.object, nameZh: null }} badge={false} />}
              </div>
              <ul>
                <EvidenceItem ev={ev} showDocument={false} />
              </ul>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}

import type { EvidenceFieldsFragment } from "../gql/graphql";
import { TYPE_STYLE, type Brief } from "../model";
import { Link, documentHref } from "../router";

/** Where the document names an entity (offsets into the document's text). */
export interface MentionHit {
  start: number;
  end: number;
  entity: Brief;
}

interface Mark {
  start: number;
  end: number;
  role: "subject" | "object";
  color: string;
}

/**
 * Where the subject and object are named in the sentence. The API gives the sentence's span in the document
 * but not the two entities' spans within it: with the document's mention spans at hand (the document page)
 * those inside the sentence are used, otherwise the entities' names and aliases (longest first).
 */
function marks(ev: EvidenceFieldsFragment, mentions?: MentionHit[]): Mark[] {
  const found: Mark[] = [];
  const add = (start: number, end: number, role: Mark["role"], entity: { type: Brief["type"] }) => {
    if (!found.some((m) => start < m.end && end > m.start)) found.push({ start, end, role, color: TYPE_STYLE[entity.type].color });
  };
  const lower = ev.sentence.toLowerCase();
  for (const role of ["subject", "object"] as const) {
    const entity = ev[role];
    if (!entity) continue;
    if (mentions) {
      for (const m of mentions)
        if (m.entity.id === entity.id && m.start >= ev.span.start && m.end <= ev.span.end)
          add(m.start - ev.span.start, m.end - ev.span.start, role, entity);
      continue;
    }
    const forms = [...new Set([entity.name, ...entity.aliases])].filter((f) => f.length > 1).sort((a, b) => b.length - a.length);
    for (const form of forms) {
      let at = lower.indexOf(form.toLowerCase());
      while (at >= 0) {
        add(at, at + form.length, role, entity);
        at = lower.indexOf(form.toLowerCase(), at + form.length);
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

export function EvidenceSentence({ ev, mentions }: { ev: EvidenceFieldsFragment; mentions?: MentionHit[] }) {
  const parts = [];
  let at = 0;
  for (const m of marks(ev, mentions)) {
    if (m.start > at) parts.push(ev.sentence.slice(at, m.start));
    parts.push(
      <mark key={m.start} className={`span ${m.role}`} style={{ borderBottomColor: m.color }} title={ev[m.role]?.name}>
        {ev.sentence.slice(m.start, m.end)}
      </mark>,
    );
    at = m.end;
  }
  parts.push(ev.sentence.slice(at));
  return <span className="sentence">{parts}</span>;
}

/**
 * One piece of evidence: its sentence with the stated entities marked, negated and hedged flags, and its
 * document (off on the document page, which passes that document's mention spans instead).
 */
export function EvidenceItem({ ev, mentions }: { ev: EvidenceFieldsFragment; mentions?: MentionHit[] }) {
  return (
    <li className={`evidence${ev.negated ? " negated" : ""}${ev.hedged ? " hedged" : ""}`} data-testid="evidence">
      <blockquote lang={ev.language === "ZH" ? "zh" : "en"}>
        <EvidenceSentence ev={ev} mentions={mentions} />
      </blockquote>
      <div className="evidence-meta">
        {ev.negated && <span className="flag flag-negated">negated</span>}
        {ev.hedged && <span className="flag flag-hedged">hedged</span>}
        <span title="confidence of this piece of evidence">conf {ev.confidence.toFixed(2)}</span>
        {ev.field ? (
          <span title="the record's field that states it">
            field <code>{ev.field}</code>
          </span>
        ) : (
          <span title="extraction rule">{ev.rule}</span>
        )}
        <span title="character span of the sentence in the document">
          chars {ev.span.start}–{ev.span.end}
        </span>
        {!mentions && (
          <Link href={`${documentHref(ev.document.id)}#s${ev.span.start}`} className="doc-link">
            {ev.document.title || ev.document.name}
          </Link>
        )}
      </div>
    </li>
  );
}

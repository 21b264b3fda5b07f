import type { EvidenceFieldsFragment } from "../gql/graphql";
import { TYPE_STYLE } from "../model";
import { Link, documentHref } from "../router";

interface Mark {
  start: number;
  end: number;
  role: "subject" | "object";
  color: string;
}

/** Where the subject and object are named in the sentence (longest surface form first). */
function marks(ev: EvidenceFieldsFragment): Mark[] {
  const found: Mark[] = [];
  const lower = ev.sentence.toLowerCase();
  for (const role of ["subject", "object"] as const) {
    const entity = ev[role];
    if (!entity) continue;
    const forms = [...new Set([entity.name, ...entity.aliases])].filter((f) => f.length > 1).sort((a, b) => b.length - a.length);
    for (const form of forms) {
      let at = lower.indexOf(form.toLowerCase());
      while (at >= 0) {
        const end = at + form.length;
        if (!found.some((m) => at < m.end && end > m.start))
          found.push({ start: at, end, role, color: TYPE_STYLE[entity.type].color });
        at = lower.indexOf(form.toLowerCase(), end);
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

export function EvidenceSentence({ ev }: { ev: EvidenceFieldsFragment }) {
  const parts = [];
  let at = 0;
  for (const m of marks(ev)) {
    if (m.start > at) parts.push(ev.sentence.slice(at, m.start));
    parts.push(
      <mark key={m.start} className={`span ${m.role}`} style={{ borderBottomColor: m.color }} title={m.role}>
        {ev.sentence.slice(m.start, m.end)}
      </mark>,
    );
    at = m.end;
  }
  parts.push(ev.sentence.slice(at));
  return <span className="sentence">{parts}</span>;
}

export function EvidenceItem({ ev, showDocument = true }: { ev: EvidenceFieldsFragment; showDocument?: boolean }) {
  return (
    <li className={`evidence${ev.negated ? " negated" : ""}${ev.hedged ? " hedged" : ""}`} data-testid="evidence">
      <blockquote lang={ev.language === "ZH" ? "zh" : "en"}>
        <EvidenceSentence ev={ev} />
      </blockquote>
      <div className="evidence-meta">
        {ev.negated && <span className="flag flag-negated">negated</span>}
        {ev.hedged && <span className="flag flag-hedged">hedged</span>}
        <span title="confidence of this piece of evidence">conf {ev.confidence.toFixed(2)}</span>
        <span title="extraction rule">{ev.rule}</span>
        <span title="character span of the sentence in the document">
          chars {ev.span.start}–{ev.span.end}
        </span>
        {showDocument && (
          <Link href={`${documentHref(ev.document.id)}#s${ev.span.start}`} className="doc-link">
            {ev.document.title || ev.document.name}
          </Link>
        )}
      </div>
    </li>
  );
}

"""Write cypher/browser/guide.html, the Neo4j Browser guide, from the query library.

Run ``.venv/bin/python scripts/make_guide.py`` after adding or changing a .cypher file; a test
fails while the guide on disk differs from what this renders, so the two never drift. It writes
into the installed ``cellkg.cypher`` package: the repository's cypher/ in the editable install.

Browser 5.x guide format: ``<slide>`` elements; a click on the play icon of a
``<pre class="runnable">`` runs its text, a click on the text copies it to the editor. Each
query slide has two: ``:params {...}`` with the example values, then the query itself (one
runnable holding both would run as a multi-statement script, whose frame hides the graph).
"""

from __future__ import annotations

import json
import sys
from html import escape

from cellkg.graph.queries import QUERY_DIR, NamedQuery, list_queries

GUIDE_PATH = QUERY_DIR / "browser" / "guide.html"

INTRO = """<slide class="row-fluid">
  <div class="col-sm-3">
    <h3>cellkg</h3>
    <p class="lead">A provenance-first knowledge graph of cell-therapy research, from English and Chinese sources.</p>
  </div>
  <div class="col-sm-9">
    <p>Entities carry the label <code>:Entity</code> and one of
      <code>:Therapy</code> <code>:Target</code> <code>:Disease</code> <code>:Institution</code>
      <code>:Researcher</code> <code>:Trial</code>; each has a canonical English <code>name</code>,
      every surface form in <code>aliases</code> and its Chinese name in <code>name_zh</code>, and its
      registry identifiers in <code>xrefs</code> (CURIEs such as <code>HGNC:1633</code>); a trial from a
      registry record also has <code>phases</code>, <code>status</code>, <code>start_date</code>,
      <code>completion_date</code>, <code>enrollment</code>, <code>countries</code> and <code>study_type</code>.</p>
    <p>Find an entity by identifier through its <code>(:Xref {curie})</code> node:</p>
    <pre class="runnable">MATCH (:Xref {curie: 'HGNC:1633'})&lt;-[:HAS_XREF]-(e) RETURN e</pre>
    <p>Diseases are linked to their broader diseases by <code>IS_A</code> (from the MONDO hierarchy, reference
      data recorded in an <code>(:Ontology)</code> node, not a document's claim).</p>
    <p>Claims are relationships between entities:
      <code>AFFILIATED_WITH</code> <code>DEVELOPS</code> <code>TARGETS</code> <code>TREATS</code>
      <code>TESTED_IN</code> <code>CONDUCTED_AT</code> <code>STUDIES</code> <code>COLLABORATES_WITH</code>,
      each with <code>confidence</code>, <code>evidence_count</code>, <code>document_count</code> and
      <code>negated</code>.</p>
    <p>Provenance: <code>(:Document)-[:ASSERTS]-&gt;(:Evidence {relation_key})</code> holds the exact
      sentence behind a claim (and, for a structured record, the <code>field</code> stating it); documents carry
      <code>pmid</code>, <code>doi</code>, <code>journal</code>, <code>published_at</code> when their source gives them;
      <code>(:Document)-[:MENTIONS]-&gt;(:Entity)</code> where a document names an entity.
      Documents and evidence are drawn small and grey.</p>
    <pre class="runnable">CALL db.schema.visualization()</pre>
    <p>The next slides run the analyst query library (<code>cypher/*.cypher</code>, also
      <code>cellkg query NAME</code>): on each, click the play icon of <code>:params</code> to set the
      example parameters, then the play icon of the query; click a text to edit it first.</p>
  </div>
</slide>"""


def _cypher_map(params: dict[str, object]) -> str:
    """Example values as a Cypher map literal (JSON scalars and lists are valid Cypher)."""
    return "{" + ", ".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in params.items()) + "}"


def _runnables(query: NamedQuery) -> str:
    """One click sets the example parameters, one click runs the query (edit either first)."""
    query_pre = f'<pre class="runnable">{escape(query.body)}</pre>'
    if not query.params:
        return query_pre
    return f'<pre class="runnable">:params {escape(_cypher_map(query.params))}</pre>\n    {query_pre}'


def _definitions(rows: list[tuple[str, str]]) -> str:
    items = "".join(f"<li><code>{escape(term)}</code> {escape(text)}</li>" for term, text in rows)
    return f"<ul>{items}</ul>" if items else "<p>none</p>"


def _slide(query: NamedQuery) -> str:
    params = [(f"${p.name} = {json.dumps(p.example, ensure_ascii=False)}", p.description) for p in query.parameters]
    return f"""<slide class="row-fluid">
  <div class="col-sm-3">
    <h3>{escape(query.name)}</h3>
    <p class="lead">{escape(query.question)}</p>
  </div>
  <div class="col-sm-9">
    <p>Parameters:</p>{_definitions(params)}
    {_runnables(query)}
    <p>Columns:</p>{_definitions(list(query.columns))}
  </div>
</slide>"""


def render_guide(queries: list[NamedQuery]) -> str:
    slides = "\n".join([INTRO, *(_slide(q) for q in queries)])
    return f'<article class="guide">\n<carousel class="deck container-fluid">\n{slides}\n</carousel>\n</article>\n'


def main() -> int:
    GUIDE_PATH.write_text(render_guide(list_queries()), encoding="utf-8")
    print(f"wrote {GUIDE_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

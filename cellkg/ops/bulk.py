"""First loads of very large corpora: extraction output → CSV → ``neo4j-admin database import full``.

Builds the graph graph/loader.py would build (same labels, keys, properties, MENTIONS and
ASSERTS edges, noisy-OR aggregates on relations), ten to a hundred times faster, but only into
an empty database with the server stopped. Rows come from graph.batch.build_batch, one document
at a time, so what the loader drops the import drops too. Documents, mentions and evidence are
streamed to disk; only entities and relation aggregates (one row per distinct key) stay in memory.
Constraints and indexes are applied after the import, when the server is up again.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from cellkg.core.errors import CellKGError, InputError
from cellkg.core.model import ExtractionResult
from cellkg.core.settings import Settings
from cellkg.graph.batch import GraphBatch, build_batch
from cellkg.graph.db import driver_session
from cellkg.graph.ddl import apply_schema
from cellkg.graph.facts import newest_first, recency
from cellkg.graph.version import bump_version
from cellkg.ingest.reference import load_disease_hierarchy
from cellkg.ops.neo4j_server import Neo4jServer, neo4j_admin, neo4j_conf
from cellkg.ops.provision import provision

_CJK = re.compile(r"[\u3400-\u9fff]")
ARRAY_DELIMITER = "\x1f"  # never inside an alias or a sentence, unlike the default ';'
DOCUMENT_COLUMNS = (
    "doc_id:ID(Document)",
    "name",
    "source",
    "title",
    "lang",
    "chars:long",
    "text",
    "xrefs:string[]",
    "pmid",
    "pmcid",
    "doi",
    "published_at",
    "journal",
    "version",
    "media_type",
    "encoding",
    "extractor_version",
    "ingested_at",
)
EVIDENCE_COLUMNS = (
    "key:ID(Evidence)",
    "relation_key",
    "relation_type",
    "subject_key",
    "object_key",
    "doc_id",
    "sentence",
    "char_start:long",
    "char_end:long",
    "rule",
    "rule_version",
    "confidence:double",
    "negated:boolean",
    "hedged:boolean",
    "lang",
    "source",
    "extracted_at",
    "field",
)
ENTITY_COLUMNS = (
    "key:ID(Entity)",
    "name",
    "type",
    "aliases:string[]",
    "name_zh",
    "search_text",
    "aliases_lower",
    "xrefs:string[]",
    "attributes:string[]",
)
MENTION_COLUMNS = (
    ":START_ID(Document)",
    ":END_ID(Entity)",
    "count:long",
    "starts:long[]",
    "ends:long[]",
    "aliases:string[]",
    "xrefs:string[]",
    "attributes:string[]",
)
FILES = {  # file stem -> (import option, header)
    "documents": ("--nodes=Document=", DOCUMENT_COLUMNS),
    "evidence": ("--nodes=Evidence=", EVIDENCE_COLUMNS),
    "mentions": ("--relationships=MENTIONS=", MENTION_COLUMNS),
    "asserts": ("--relationships=ASSERTS=", (":START_ID(Document)", ":END_ID(Evidence)")),
    "xrefs": ("--nodes=Xref=", ("curie:ID(Xref)", "prefix")),
    "has_xref": ("--relationships=HAS_XREF=", (":START_ID(Entity)", ":END_ID(Xref)")),
    "relations": (
        "--relationships=",
        (
            ":START_ID(Entity)",
            ":END_ID(Entity)",
            ":TYPE",
            "key",
            "confidence:double",
            "evidence_count:long",
            "document_count:long",
            "negated_count:long",
            "negated:boolean",
        ),
    ),
}


def _cell(value: object) -> str:
    """One CSV field: null stays empty (no property), strings quoted RFC-4180 style, lists joined."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        value = ARRAY_DELIMITER.join(str(v) for v in value)
    return '"' + str(value).replace('"', '""') + '"'


def _property_types(values: list[tuple[str, object]]) -> dict[str, str]:
    """Attribute name -> its import type suffix, from the values given it (sorted by name)."""
    types: dict[str, set[type]] = {}
    for name, value in values:
        types.setdefault(name, set()).add(type(value))
    suffix = {frozenset({int}): ":long", frozenset({list}): ":string[]"}
    return {name: suffix.get(frozenset(types[name]), "") for name in sorted(types)}


class CsvSet:
    """The import files of one corpus; entities and relation aggregates are written at close()."""

    def __init__(self, out: Path) -> None:
        self.out = out
        out.mkdir(parents=True, exist_ok=True)
        self.handles = {stem: (out / f"{stem}.csv").open("w", encoding="utf-8", newline="") for stem in FILES}
        self.counts = dict.fromkeys(FILES, 0)
        self.entities: dict[str, dict] = {}
        self.attributed: list[tuple[tuple, dict]] = []  # mentions stating attributes: their columns vary
        self.relations: dict[str, list] = {}  # key -> [type, source, target, count, docs, negated, product, last doc]

    def write(self, stem: str, values: Iterable[object]) -> None:
        self.handles[stem].write(",".join(map(_cell, values)) + "\n")
        self.counts[stem] += 1

    def add_batch(self, batch: GraphBatch) -> None:
        recency_of = {}
        for doc in batch.documents:
            self.write("documents", (doc["props"][c.split(":")[0]] for c in DOCUMENT_COLUMNS))
            recency_of[doc["doc_id"]] = recency(doc["props"]["version"], doc["props"]["published_at"], doc["doc_id"])
        for rows in batch.entities.values():
            for row in rows:
                self._merge_entity(row)
        for m in {(m["doc_id"], m["key"]): m for m in batch.mentions}.values():  # MERGE + SET: the last row wins
            values = (m["doc_id"], m["key"], m["count"], m["starts"], m["ends"], m["aliases"], m["xrefs"])
            if m["values"]:
                self.attributed.append(((*values, m["attributes"]), m["values"]))
            else:
                self.write("mentions", (*values, None))
            known = self.entities[m["key"]]
            known["xrefs"].update(m["xrefs"] or ())
            if m["values"]:
                known["stated"].append((recency_of[m["doc_id"]], m["values"]))
        for rel_type, rows in batch.relations.items():
            for row in rows:
                self.relations.setdefault(row["key"], [rel_type, row["source"], row["target"], 0, 0, 0, 1.0, None])
        for ev in {ev["key"]: ev for ev in batch.evidence}.values():  # MERGE: one node per key
            self.write("evidence", (ev["props"][c.split(":")[0]] for c in EVIDENCE_COLUMNS))
            self.write("asserts", (ev["doc_id"], ev["key"]))
            self._count_evidence(ev["props"])

    def _merge_entity(self, row: dict) -> None:
        """As MERGE_ENTITIES: first name and type win; new aliases append (identifiers and attributes
        come from the mentions, as graph.statements ADD_XREFS and REFRESH_ATTRIBUTES take them)."""
        known = self.entities.setdefault(row["key"], {**row, "aliases": [], "xrefs": set(), "stated": []})
        known["aliases"] += [a for a in row["aliases"] if a not in known["aliases"]]
        chinese = [a for a in known["aliases"] if _CJK.search(a)]
        known["name_zh"] = min(chinese) if chinese else None  # as the loader: the smallest Chinese alias

    def _count_evidence(self, ev: dict) -> None:
        """As REFRESH_RELATIONS: counts, distinct documents, noisy-OR of non-negated confidence."""
        agg = self.relations[ev["relation_key"]]
        agg[3] += 1
        agg[4] += agg[7] != ev["doc_id"]  # one document's evidence arrives together
        agg[7] = ev["doc_id"]
        if ev["negated"]:
            agg[5] += 1
        else:
            agg[6] *= 1.0 - ev["confidence"]

    def close(self) -> None:
        combined = {key: newest_first(e["stated"]) for key, e in self.entities.items()}
        types = _property_types([v for values in combined.values() for v in values.items()])
        with (self.out / "entities.csv").open("w", encoding="utf-8", newline="") as handle:
            for e in self.entities.values():
                search_text = "".join(f" | {a}" for a in e["aliases"])  # as statements._SEARCH_TEXT
                aliases_lower = "\x00" + "".join(f"{a.lower()}\x00" for a in e["aliases"])  # as _ALIASES_LOWER
                attributes = combined[e["key"]]
                values = [
                    e["key"],
                    e["name"],
                    e["type"],
                    e["aliases"],
                    e["name_zh"],
                    search_text,
                    aliases_lower,
                    sorted(e["xrefs"]) or None,
                    sorted(attributes) or None,
                    *(attributes.get(a) for a in types),
                    ["Entity", e["type"]],
                ]
                handle.write(",".join(map(_cell, values)) + "\n")
                for curie in sorted(e["xrefs"]):
                    self.write("has_xref", (e["key"], curie))
        self._header("entities", (*ENTITY_COLUMNS, *(a + t for a, t in types.items()), ":LABEL"))
        for curie in sorted({c for e in self.entities.values() for c in e["xrefs"]}):
            self.write("xrefs", (curie, curie.split(":")[0]))  # as ADD_XREFS
        self._write_attributed()
        for key, (rel_type, source, target, count, docs, negated, product, _) in self.relations.items():
            if source not in self.entities or target not in self.entities:
                continue  # the loader's MATCH finds no end node either: its evidence stays, the edge does not
            self.write(
                "relations", (source, target, rel_type, key, 1.0 - product, count, docs, negated, negated == count)
            )
        for stem, handle in self.handles.items():
            handle.close()
            self._header(stem, FILES[stem][1])

    def _write_attributed(self) -> None:
        """The mentions stating attributes: each attribute a typed column of its own."""
        types = _property_types([v for _, values in self.attributed for v in values.items()])
        with (self.out / "attributed.csv").open("w", encoding="utf-8", newline="") as handle:
            for columns, values in self.attributed:
                handle.write(",".join(map(_cell, (*columns, *(values.get(a) for a in types)))) + "\n")
        self._header("attributed", (*MENTION_COLUMNS, *(a + t for a, t in types.items())))

    def _header(self, stem: str, columns: Iterable[str]) -> None:
        (self.out / f"{stem}_header.csv").write_text(",".join(columns) + "\n", encoding="utf-8")

    def import_arguments(self) -> list[str]:
        files = {
            "entities": "--nodes=",
            "attributed": "--relationships=MENTIONS=",
            **{stem: option for stem, (option, _) in FILES.items()},
        }
        return [f"{option}{self.out / stem}_header.csv,{self.out / stem}.csv" for stem, option in files.items()]


@dataclass
class BulkReport:
    documents: int = 0
    entities: int = 0
    mentions: int = 0
    relations: int = 0
    evidence: int = 0
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> documents
    dropped: dict[str, int] = field(default_factory=dict)  # reason -> candidates, as the loader counts them
    seconds_csv: float = 0.0
    seconds_import: float = 0.0


def _results(items: Iterable[ExtractionResult | Path | str], settings: Settings, report: BulkReport):
    """ExtractionResults as given; paths read and extracted, unreadable ones counted and skipped."""
    from cellkg.ingest.stream import read_and_extract_all

    for item in items:
        if isinstance(item, ExtractionResult):
            yield item
            continue
        try:
            yield from read_and_extract_all(Path(item), settings.max_document_bytes)
        except InputError as exc:
            report.skipped[exc.reason] = report.skipped.get(exc.reason, 0) + 1


def write_csv(results: Iterable[ExtractionResult], out: Path, report: BulkReport) -> CsvSet:
    """Stream ``results`` into import CSVs under ``out``; a repeated doc_id or source is skipped."""
    csvs, doc_ids, sources = CsvSet(out), set(), set()
    for result in results:
        doc = result.document
        if doc.doc_id in doc_ids or doc.source in sources:
            report.skipped["duplicate document or source"] = report.skipped.get("duplicate document or source", 0) + 1
            continue
        doc_ids.add(doc.doc_id)
        sources.add(doc.source)
        batch = build_batch([result])
        csvs.add_batch(batch)
        for reason, count in batch.dropped.items():
            report.dropped[reason] = report.dropped.get(reason, 0) + count
    csvs.close()
    report.documents, report.mentions, report.evidence = (
        csvs.counts["documents"],
        csvs.counts["mentions"],
        csvs.counts["evidence"],
    )
    report.entities, report.relations = len(csvs.entities), len(csvs.relations)
    return csvs


def run_import(csvs: CsvSet, settings: Settings) -> str:
    """``neo4j-admin database import full`` into the configured database (server must be stopped)."""
    runtime, home = provision(settings, log=lambda *_: None), settings.neo4j_home
    (home / "conf").mkdir(parents=True, exist_ok=True)
    (home / "conf" / "neo4j.conf").write_text(neo4j_conf(settings), encoding="utf-8")
    result = neo4j_admin(
        settings,
        runtime,
        "database",
        "import",
        "full",
        "--overwrite-destination=true",
        settings.neo4j_database,
        "--multiline-fields=true",
        "--array-delimiter=U+001F",
        f"--report-file={csvs.out / 'import.report'}",
        *csvs.import_arguments(),
    )
    if result.returncode != 0:
        raise CellKGError(
            f"neo4j-admin import failed (exit {result.returncode}):\n{(result.stdout + result.stderr)[-3000:]}",
            hint=f"see {csvs.out / 'import.report'}; the CSV files are kept in {csvs.out}",
        )
    return result.stdout


def bulk_import(
    items: Iterable[ExtractionResult | Path | str],
    settings: Settings,
    *,
    csv_dir: Path | None = None,
    with_hierarchy: bool = True,
) -> BulkReport:
    """Replace the database with ``items`` (results or document paths): stop, import, start, schema,
    and the disease hierarchy (unless ``with_hierarchy`` is false).

    Meant for the first load of a large corpus (``cellkg ingest --bulk``); later documents go
    through the transactional loader, which keeps the graph this builds.
    """
    report, server = BulkReport(), Neo4jServer(settings, log=lambda *_: None)
    started = time.perf_counter()
    csvs = write_csv(_results(items, settings, report), csv_dir or settings.state_dir / "bulk-import", report)
    report.seconds_csv = time.perf_counter() - started
    server.stop()
    run_import(csvs, settings)
    server.start()
    with driver_session(settings) as driver:
        apply_schema(driver, settings.neo4j_database)
        if with_hierarchy:
            load_disease_hierarchy(driver, settings.neo4j_database)
        with driver.session(database=settings.neo4j_database) as session:  # a new graph: a new version
            session.execute_write(bump_version)
    report.seconds_import = time.perf_counter() - started - report.seconds_csv
    return report

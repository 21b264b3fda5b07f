"""``cellkg extract``, ``ingest``, ``remove`` and ``eval``: documents in and out of the graph."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from cellkg.cli.console import console, out, progress
from cellkg.core.errors import InputError
from cellkg.core.settings import get_settings


def _document_paths(paths: list[Path]) -> list[Path]:
    from cellkg import extract

    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise InputError(f"no such file or folder: {', '.join(missing)}", reason="missing", hint="check the path")
    found = list(extract.iter_document_paths(paths))
    if not found:
        raise InputError(
            "no .txt, .md, .html, .pdf, .json, .jsonl or .xml files found",
            reason="no_input",
            hint="pass files or folders of documents or records",
        )
    return found


def cmd_extract(args: argparse.Namespace) -> int:
    from cellkg import extract

    paths = _document_paths(args.paths)
    args.out.mkdir(parents=True, exist_ok=True)
    written, skipped = 0, []
    with progress() as bar:
        task = bar.add_task("extracting", total=len(paths))
        for path in paths:
            try:
                for result in extract.extract_path(path, max_bytes=get_settings().max_document_bytes):
                    target = args.out / f"{result.document.name}.json"
                    target.write_text(
                        json.dumps(extract.to_format_json(result), ensure_ascii=False, indent=1), encoding="utf-8"
                    )
                    written += 1
            except InputError as exc:
                skipped.append((str(path), exc.reason, exc.message))
            bar.advance(task)
    console.print(f"wrote {written} file(s) to {args.out}; skipped {len(skipped)}")
    for where, reason, message in skipped:
        console.print(f"  skipped {where} [{reason}]: {message}", highlight=False)
    return 0 if written or not skipped else InputError.exit_code


def cmd_ingest(args: argparse.Namespace) -> int:
    from cellkg.graph.db import driver_session
    from cellkg.graph.ddl import apply_schema
    from cellkg.ingest.reference import load_disease_hierarchy
    from cellkg.ingest.stream import ingest_paths

    settings = get_settings()
    paths = _document_paths(args.paths)
    with driver_session(settings) as driver, progress() as bar:
        apply_schema(driver, settings.neo4j_database)
        load_disease_hierarchy(driver, settings.neo4j_database)  # once per version: a no-op after the first
        task = bar.add_task("ingesting", total=len(paths))
        summary = ingest_paths(
            driver,
            paths,
            group_size=args.batch or settings.load_batch_docs,
            max_bytes=settings.max_document_bytes,
            database=settings.neo4j_database,
            on_document=lambda _: bar.advance(task),
        )
    report = summary.report
    console.print(
        f"documents: {report.documents_loaded} loaded, {report.documents_unchanged} unchanged, "
        f"{len(report.documents_replaced)} replaced older versions, "
        f"{len(report.documents_outdated)} older than the stored version, {summary.skipped_count} skipped\n"
        f"written: {report.entities} entities, {report.mentions} mentions, {report.relations} relations, "
        f"{report.evidence} evidence"
    )
    for reason, count in sorted(report.dropped.items()):
        console.print(f"  dropped {count}: {reason}")
    for reason, items in sorted(summary.skipped.items()):
        console.print(f"  skipped [{reason}] {len(items)}:", highlight=False)
        for item in items[:20]:
            console.print(f"    {item}", highlight=False)
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    from cellkg.core.errors import NotFound
    from cellkg.graph import statements as cy
    from cellkg.graph.db import driver_session
    from cellkg.graph.loader import Loader

    settings = get_settings()
    with driver_session(settings) as driver:
        loader = Loader(driver, settings.neo4j_database)
        for ref in args.refs:
            records, _, _ = driver.execute_query(cy.FIND_DOCUMENTS, ref=str(ref), database_=settings.neo4j_database)
            if not records:
                raise NotFound(
                    f"no document with id, source or name {ref!r}",
                    hint="list them with 'cellkg query recently_ingested_documents'",
                )
            for record in records:
                loader.remove(record["doc_id"])
                console.print(f"removed {record['doc_id']} ({record['source']})")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from cellkg.evaluate import report_lines, score_folders

    scores = score_folders(args.gold_dir, args.pred_dir)
    if args.json:
        out.print_json(data=scores.as_dict())
    else:
        for line in report_lines(scores):
            out.print(line, highlight=False, markup=False, soft_wrap=True)
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="extract entities and relations to one JSON per document (no database)")
    p.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="PATH",
        help="files or folders of documents (.txt, .md, .html, .pdf) or records (.json, .jsonl, .xml)",
    )
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for <name>.json files")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("ingest", help="extract documents and load them into Neo4j")
    p.add_argument(
        "paths", nargs="+", type=Path, metavar="PATH", help="files or folders of documents or structured records"
    )
    p.add_argument("--batch", type=int, default=0, metavar="N", help="documents per transaction (default 50)")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("remove", help="retract documents and exactly what only they supported")
    p.add_argument("refs", nargs="+", metavar="DOC", help="document id, source path or name")
    p.set_defaults(func=cmd_remove)

    p = sub.add_parser("eval", help="score extracted JSON against gold annotations (FORMAT.md)")
    p.add_argument("gold_dir", type=Path, metavar="GOLD_DIR", help="folder of <doc_id>.gold.json files")
    p.add_argument("pred_dir", type=Path, metavar="PRED_DIR", help="folder of <doc_id>.json files (cellkg extract)")
    p.add_argument("--json", action="store_true", help="the full result as JSON")
    p.set_defaults(func=cmd_eval)

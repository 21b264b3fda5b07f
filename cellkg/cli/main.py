"""The ``cellkg`` command line: neo4j, ingest, extract, remove, stats, query, serve."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from cellkg import __version__
from cellkg.core.errors import CellKGError, InputError
from cellkg.core.settings import get_settings

console = Console(stderr=True)
out = Console()


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    )


def _document_paths(paths: list[Path]) -> list[Path]:
    from cellkg import extract

    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise InputError(f"no such file or folder: {', '.join(missing)}", reason="missing", hint="check the path")
    found = list(extract.iter_document_paths(paths))
    if not found:
        raise InputError(
            "no .txt, .md, .html or .pdf files found", reason="no_input", hint="pass files or folders of documents"
        )
    return found


def cmd_neo4j(args: argparse.Namespace) -> int:
    from cellkg.ops.neo4j_server import Neo4jServer

    server = Neo4jServer(get_settings(), log=console.print)
    if args.action == "start":
        status = server.start()
        from cellkg.graph.db import driver_session
        from cellkg.graph.ddl import apply_schema

        with driver_session(get_settings()) as driver:
            apply_schema(driver, get_settings().neo4j_database)
        console.print(
            f"Neo4j {status.version} running (pid {status.pid})\n  Bolt:    {status.bolt_uri}\n"
            f"  Browser: {status.browser_url}\n  user:    {get_settings().neo4j_user}\n"
            f"  password: in {get_settings().password_file}"
        )
    elif args.action == "stop":
        server.stop()
        console.print("Neo4j stopped")
    elif args.action == "status":
        status = server.status()
        console.print(
            f"Neo4j {status.version}: {'running, pid ' + str(status.pid) if status.running else 'stopped'}"
            f" ({status.bolt_uri}, {status.browser_url})"
        )
        return 0 if status.running else 1
    elif args.action == "password":
        out.print(get_settings().password(), highlight=False)
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    from cellkg import extract

    paths = _document_paths(args.paths)
    args.out.mkdir(parents=True, exist_ok=True)
    written, skipped = 0, []
    with _progress() as progress:
        task = progress.add_task("extracting", total=len(paths))
        for path in paths:
            try:
                result = extract.extract_document(
                    extract.read_document(path, max_bytes=get_settings().max_document_bytes)
                )
                target = args.out / f"{result.document.name}.json"
                target.write_text(
                    json.dumps(extract.to_format_json(result), ensure_ascii=False, indent=1), encoding="utf-8"
                )
                written += 1
            except InputError as exc:
                skipped.append((str(path), exc.reason, exc.message))
            progress.advance(task)
    console.print(f"wrote {written} file(s) to {args.out}; skipped {len(skipped)}")
    for path, reason, message in skipped:
        console.print(f"  skipped {path} [{reason}]: {message}", highlight=False)
    return 0 if written or not skipped else InputError.exit_code


def cmd_ingest(args: argparse.Namespace) -> int:
    from cellkg.graph.db import driver_session
    from cellkg.graph.ddl import apply_schema
    from cellkg.ingest.stream import ingest_paths

    settings = get_settings()
    paths = _document_paths(args.paths)
    with driver_session(settings) as driver, _progress() as progress:
        apply_schema(driver, settings.neo4j_database)
        task = progress.add_task("ingesting", total=len(paths))
        summary = ingest_paths(
            driver,
            paths,
            group_size=args.batch or settings.load_batch_docs,
            max_bytes=settings.max_document_bytes,
            database=settings.neo4j_database,
            on_document=lambda _: progress.advance(task),
        )
    report = summary.report
    console.print(
        f"documents: {report.documents_loaded} loaded, {report.documents_unchanged} unchanged, "
        f"{len(report.documents_replaced)} replaced older versions, {summary.skipped_count} skipped\n"
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
                    hint="list documents with 'cellkg stats --documents'",
                )
            for record in records:
                loader.remove(record["doc_id"])
                console.print(f"removed {record['doc_id']} ({record['source']})")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from cellkg.graph import statements as cy
    from cellkg.graph.db import driver_session

    settings = get_settings()
    with driver_session(settings) as driver:
        records, _, _ = driver.execute_query(cy.GRAPH_COUNTS, database_=settings.neo4j_database)
    if args.json:
        out.print_json(data=[dict(r) for r in records])
        return 0
    table = Table("kind", "name", "count")
    for r in records:
        table.add_row(r["kind"], r["name"], str(r["count"]))
    out.print(table)
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    from cellkg.cli.render import format_rows
    from cellkg.graph import queries as library

    if args.list or not args.name:
        table = Table("name", "question")
        for query in library.list_queries():
            table.add_row(query.name, query.question)
        out.print(table)
        return 0
    from cellkg.graph.db import driver_session

    params = library.parse_params(args.param or [])
    settings = get_settings()
    with driver_session(settings) as driver:
        columns, rows = library.run_query(driver, args.name, params, database=settings.neo4j_database)
    out.print(format_rows(columns, rows, args.format), highlight=False, soft_wrap=True, markup=False, emoji=False)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from cellkg.ops import api_server as process

    settings = get_settings()
    if args.stop:
        process.stop_api(settings)
        console.print("API stopped")
    elif args.detach:
        url = process.start_api_detached(settings)
        console.print(f"GraphQL API: {url}")
    else:
        process.serve_foreground(settings)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cellkg", description="A knowledge graph of cell-therapy research, with provenance."
    )
    parser.add_argument("--version", action="version", version=f"cellkg {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("neo4j", help="provision, start, stop the project's Neo4j server")
    p.add_argument("action", choices=["start", "stop", "status", "password"])
    p.set_defaults(func=cmd_neo4j)

    p = sub.add_parser("extract", help="extract entities and relations to one JSON per document (no database)")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="files or folders of .txt, .md, .html, .pdf")
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for <name>.json files")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("ingest", help="extract documents and load them into Neo4j")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="files or folders of .txt, .md, .html, .pdf")
    p.add_argument("--batch", type=int, default=0, metavar="N", help="documents per transaction (default 50)")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("remove", help="retract documents and exactly what only they supported")
    p.add_argument("refs", nargs="+", metavar="DOC", help="document id, source path or name")
    p.set_defaults(func=cmd_remove)

    p = sub.add_parser("stats", help="count entities, relations, documents and evidence")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("query", help="run a named query from the analyst library in cypher/")
    p.add_argument("name", nargs="?", help="query name (see --list)")
    p.add_argument("--list", action="store_true", help="list the queries and the questions they answer")
    p.add_argument("--param", action="append", metavar="KEY=VALUE", help="query parameter (repeatable)")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.set_defaults(func=cmd_query)

    p = sub.add_parser("serve", help="serve the GraphQL API")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--detach", action="store_true", help="run in the background and return")
    group.add_argument("--stop", action="store_true", help="stop a detached API")
    p.set_defaults(func=cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except CellKGError as exc:
        console.print(f"[bold red]error[/] [{exc.code}] {exc.message}", highlight=False)
        if exc.hint:
            console.print(f"  hint: {exc.hint}", highlight=False)
        return exc.exit_code
    except KeyboardInterrupt:
        console.print("interrupted")
        return 130


if __name__ == "__main__":
    sys.exit(main())

"""``cellkg export``, ``backup`` and ``restore``: getting the graph out, and back."""

from __future__ import annotations

import argparse
from pathlib import Path

from cellkg.cli.console import console
from cellkg.core.settings import get_settings


def cmd_export(args: argparse.Namespace) -> int:
    from cellkg.graph import export, formats, queries
    from cellkg.graph.db import driver_session

    settings = get_settings()
    with driver_session(settings) as driver:
        if args.query:
            params = queries.parse_params(args.param or [])
            graph = export.read_query_subgraph(driver, args.query, params, database=settings.neo4j_database)
        else:
            graph = export.read_graph(driver, database=settings.neo4j_database)
    written = formats.write(graph, args.format, args.out)
    console.print(f"exported {len(graph.nodes)} nodes and {len(graph.edges)} relationships to {len(written)} file(s):")
    for path in written:
        console.print(f"  {path}", highlight=False)
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from cellkg.ops.backup import backup

    path = backup(get_settings(), args.file, log=console.print)
    console.print(f"backup written to {path} ({path.stat().st_size:,} bytes)")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from cellkg.ops.backup import restore

    restore(get_settings(), args.file, force=args.force, log=console.print)
    console.print(f"restored the graph from {args.file}")
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="write the graph (or one query's subgraph) with provenance to files")
    p.add_argument("out", type=Path, metavar="OUT", help="a file (graphml, jsonl) or a folder (csv)")
    p.add_argument("--format", choices=["graphml", "jsonl", "csv"], default="jsonl")
    p.add_argument("--query", metavar="NAME", help="export only what this library query returns (cellkg query --list)")
    p.add_argument("--param", action="append", metavar="KEY=VALUE", help="parameter of --query (repeatable)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("backup", help="dump the project's Neo4j database to a file (neo4j-admin database dump)")
    p.add_argument("file", type=Path, metavar="FILE", help="the .dump file to write")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="replace the project's Neo4j database with a dump (neo4j-admin database load)")
    p.add_argument("file", type=Path, metavar="FILE", help="a .dump file written by 'cellkg backup'")
    p.add_argument("--force", action="store_true", help="replace a graph that is not empty")
    p.set_defaults(func=cmd_restore)

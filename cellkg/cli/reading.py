"""``cellkg stats`` and ``cellkg query``: reading the graph from the command line."""

from __future__ import annotations

import argparse

from rich.table import Table

from cellkg.cli.console import out
from cellkg.core.settings import get_settings


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


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("stats", help="count entities, relations, documents and evidence")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("query", help="run a named query from the analyst library in cypher/")
    p.add_argument("name", nargs="?", help="query name (see --list)")
    p.add_argument("--list", action="store_true", help="list the queries and the questions they answer")
    p.add_argument("--param", action="append", metavar="KEY=VALUE", help="query parameter (repeatable)")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.set_defaults(func=cmd_query)

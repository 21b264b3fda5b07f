"""``cellkg neo4j`` and ``cellkg serve``: the project's Neo4j server and the GraphQL API."""

from __future__ import annotations

import argparse

from cellkg.cli.console import console, out
from cellkg.core.settings import get_settings


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
            f"Neo4j {status.version} running (pid {status.pid})\n  Bolt:     {status.bolt_uri}\n"
            f"  Browser:  {status.browser_url}\n"
            f"  user:     {get_settings().neo4j_user} (password: cellkg neo4j password)"
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


def cmd_serve(args: argparse.Namespace) -> int:
    from cellkg.ops import api_server as process

    settings = get_settings()
    if args.open_reads:
        settings = settings.with_overrides(open_reads=True)
    if args.stop:
        process.stop_api(settings)
        console.print("API stopped")
    elif args.detach:
        url = process.start_api_detached(settings, workers=args.workers)
        console.print(f"Explorer:  {url.removesuffix('graphql')}\nGraphQL:   {url}  (GraphiQL in a browser)")
    else:
        process.serve_foreground(settings, workers=args.workers)
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("neo4j", help="provision, start, stop the project's Neo4j server")
    p.add_argument("action", choices=["start", "stop", "status", "password"])
    p.set_defaults(func=cmd_neo4j)

    p = sub.add_parser(
        "serve",
        help="serve the GraphQL API",
        description=(
            "Serve the GraphQL API and the web explorer on CELLKG_API_HOST:CELLKG_API_PORT (127.0.0.1:8000). "
            "Reads need no key unless CELLKG_READ_KEY is set (16+ characters): then every GraphQL request must "
            "send 'Authorization: Bearer <key>' or 'X-API-Key: <key>' (the mutation key, CELLKG_API_KEY, also "
            "grants reads), /healthz, /readyz and the explorer's files stay open, and the explorer asks for the "
            "key. On an address other than loopback (0.0.0.0, a LAN address) the API refuses to start without "
            "a read key unless reads open to anyone are asked for with --open-reads or CELLKG_OPEN_READS=true."
        ),
    )
    group = p.add_mutually_exclusive_group()
    group.add_argument("--detach", action="store_true", help="run in the background and return")
    group.add_argument("--stop", action="store_true", help="stop a detached API")
    p.add_argument(
        "--workers",
        type=int,
        default=1,
        help="server processes on the one port (e.g. the machine's cores; each has its own connections and cache)",
    )
    p.add_argument(
        "--open-reads",
        action="store_true",
        help="serve reads without a key on an address other than loopback (the same as CELLKG_OPEN_READS=true)",
    )
    p.set_defaults(func=cmd_serve)

"""Back up and restore the project's Neo4j database with ``neo4j-admin database dump`` / ``load``.

Community Edition dumps and loads offline only, so both stop the server, run neo4j-admin, and start
it again if it was running. A restore replaces the whole database: it refuses a graph that holds
anything unless forced, and the dump is checked before the server is stopped.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from cellkg.core.errors import CellKGError, ConfigError, InputError
from cellkg.core.settings import Settings
from cellkg.graph.db import driver_session
from cellkg.graph.ddl import apply_schema
from cellkg.ops.neo4j_server import Neo4jServer, neo4j_admin
from cellkg.ops.provision import provision

DUMP_MAGIC = b"DZV1"  # the first bytes of every neo4j-admin dump (its archive format marker)


class BackupError(CellKGError):
    code = "CKG320"
    exit_code = 5


def _own_server(settings: Settings, log: Callable[[str], None]) -> Neo4jServer:
    if settings.neo4j_uri:
        raise ConfigError(
            "backup and restore work on the project's own Neo4j, not on CELLKG_NEO4J_URI",
            hint="use neo4j-admin on that server, or unset CELLKG_NEO4J_URI",
        )
    return Neo4jServer(settings, log=log)


def _admin(settings: Settings, *args: str) -> None:
    result = neo4j_admin(settings, provision(settings, log=lambda *_: None), *args)
    if result.returncode != 0:
        raise BackupError(f"neo4j-admin {' '.join(args[:2])} failed:\n{(result.stdout + result.stderr)[-2000:]}")


def backup(settings: Settings, target: Path, *, log: Callable[[str], None] = print) -> Path:
    """Write the database to ``target`` (a .dump file); the server is back in its former state after."""
    server = _own_server(settings, log)
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    was_running = server.pid() is not None
    server.stop()
    try:
        with tempfile.TemporaryDirectory(dir=target.parent, prefix=".cellkg-dump-") as tmp:
            _admin(settings, "database", "dump", settings.neo4j_database, f"--to-path={tmp}")
            shutil.move(Path(tmp) / f"{settings.neo4j_database}.dump", target)
    finally:
        if was_running:
            server.start()
    return target


def graph_size(settings: Settings) -> int:
    with driver_session(settings) as driver:
        records, _, _ = driver.execute_query("MATCH (n) RETURN count(n) AS n", database_=settings.neo4j_database)
    return int(records[0]["n"])


def restore(settings: Settings, source: Path, *, force: bool = False, log: Callable[[str], None] = print) -> None:
    """Replace the database with the dump ``source``; refuses a non-empty graph unless ``force``."""
    if not source.is_file():
        raise InputError(f"{source}: no such dump file", reason="missing", hint="pass the file 'cellkg backup' wrote")
    with source.open("rb") as handle:
        if handle.read(len(DUMP_MAGIC)) != DUMP_MAGIC:
            raise InputError(f"{source}: not a neo4j-admin dump", reason="format", hint="pass a 'cellkg backup' file")
    server = _own_server(settings, log)
    server.start()
    nodes = graph_size(settings)
    if nodes and not force:
        raise BackupError(
            f"the graph is not empty ({nodes} nodes): a restore would replace it",
            hint="back it up first with 'cellkg backup FILE', then restore with --force",
        )
    server.stop()
    try:
        with tempfile.TemporaryDirectory(prefix="cellkg-load-") as tmp:
            shutil.copyfile(source, Path(tmp) / f"{settings.neo4j_database}.dump")
            _admin(
                settings, "database", "load", settings.neo4j_database, f"--from-path={tmp}", "--overwrite-destination"
            )
    finally:
        server.start()
    with driver_session(settings) as driver:
        apply_schema(driver, settings.neo4j_database)

"""Private Neo4j servers and ingester processes for tests that kill, stop or import into a server
(doing that to the session server would hurt every other test)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from neo4j import Driver

from cellkg.core.settings import Settings, load_settings
from cellkg.graph.db import open_driver
from cellkg.graph.ddl import apply_schema
from cellkg.ops.neo4j_server import Neo4jServer
from tests.support.paths import REPO_ROOT


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def private_settings(state_dir: Path) -> Settings:
    return load_settings().with_overrides(
        state_dir=state_dir,
        bolt_port=free_port(),
        http_port=free_port(),
        neo4j_uri="",
        neo4j_password="",
        neo4j_heap="512m",
        neo4j_pagecache="128m",
    )


@contextmanager
def private_server(state_dir: Path, *, start: bool = True) -> Iterator[Neo4jServer]:
    """A Neo4j of the test's own, killed at the end (its data is thrown away: no clean shutdown needed)."""
    server = Neo4jServer(private_settings(state_dir), log=lambda *_: None)
    if start:
        server.start()
    try:
        yield server
    finally:
        server.kill()


@contextmanager
def schema_driver(server: Neo4jServer) -> Iterator[Driver]:
    driver = open_driver(server.settings)
    apply_schema(driver)
    try:
        yield driver
    finally:
        driver.close()


def start_ingester(server: Neo4jServer, order_seed: int, *, docs: int, seed: int, group: int) -> subprocess.Popen:
    """``python -m benchmarks.synth --load`` against ``server``: synthetic documents through the
    real Loader in a process of its own, which a test may kill."""
    s = server.settings
    env = {
        **os.environ,
        "CELLKG_STATE_DIR": str(s.state_dir),
        "CELLKG_BOLT_PORT": str(s.bolt_port),
        "CELLKG_HTTP_PORT": str(s.http_port),
        "CELLKG_NEO4J_URI": "",
        "CELLKG_NEO4J_PASSWORD": "",
    }
    options = {"--docs": docs, "--seed": seed, "--group": group, "--order-seed": order_seed}
    cmd = [sys.executable, "-m", "benchmarks.synth", "--load", *(str(x) for pair in options.items() for x in pair)]
    # benchmarks/ is a folder of the repository, not of the package: run from the repository root
    return subprocess.Popen(cmd, env=env, cwd=REPO_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

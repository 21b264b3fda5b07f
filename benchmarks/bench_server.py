"""The benchmarks' own Neo4j: state in .cellkg/bench-scale, Bolt 47687, HTTP 47474 (override with
CELLKG_BENCH_BOLT_PORT / CELLKG_BENCH_HTTP_PORT), never the user's or the tests' data."""

from __future__ import annotations

import os
import resource
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from neo4j import Driver

from cellkg.core.settings import Settings, load_settings
from cellkg.graph.db import open_driver
from cellkg.graph.ddl import apply_schema
from cellkg.ops.neo4j_server import Neo4jServer

REPO_ROOT = Path(__file__).resolve().parents[1]


def bench_settings() -> Settings:
    return load_settings().with_overrides(
        state_dir=REPO_ROOT / ".cellkg" / "bench-scale",
        neo4j_uri="",
        neo4j_password="",
        bolt_port=int(os.environ.get("CELLKG_BENCH_BOLT_PORT", "47687")),
        http_port=int(os.environ.get("CELLKG_BENCH_HTTP_PORT", "47474")),
        neo4j_heap="2g",
        neo4j_pagecache="1g",
    )


@contextmanager
def bench_driver(settings: Settings | None = None) -> Iterator[Driver]:
    """A started bench server with the schema applied; left running for the next benchmark."""
    settings = settings or bench_settings()
    Neo4jServer(settings, log=print).start()
    driver = open_driver(settings)
    apply_schema(driver)
    try:
        yield driver
    finally:
        driver.close()


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


class Clock:
    def __enter__(self) -> Clock:
        self.start = time.perf_counter()
        return self

    def __exit__(self, *_) -> None:
        self.seconds = time.perf_counter() - self.start

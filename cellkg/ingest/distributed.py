"""Extraction beyond one machine: document paths → dask.bag → ExtractionResults → one loader.

Extraction is CPU-bound and independent per document, so it spreads over Dask workers; loading
stays in the calling process (one writer, groups of documents per transaction, as graph.ingest
does), which keeps Neo4j free of write-write deadlocks whatever the number of workers. Results
come back a wave of partitions at a time, so memory holds at most ``wave`` partitions.

Locally ``scheduler="processes"`` uses a process pool on this machine; on a cluster, create a
``dask.distributed.Client("tcp://scheduler:8786")`` first and pass ``scheduler=None`` (the client
becomes the default). Workers need cellkg installed and read the paths themselves: use a shared
file system or object-store URLs that every worker can open.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import dask
import dask.bag as db
from neo4j import Driver

from cellkg.core.errors import InputError
from cellkg.core.model import ExtractionResult
from cellkg.graph.loader import Loader
from cellkg.ingest.stream import IngestSummary

Outcome = tuple[str, list[ExtractionResult], str, str]  # (path, its records' results, skip reason, message)


def extract_one(path: str, max_bytes: int) -> Outcome:
    """Runs on a worker: a result, or the reason the document was skipped (never an exception)."""
    from cellkg.ingest.stream import read_and_extract_all  # imported on the worker, where extraction happens

    try:
        return path, read_and_extract_all(Path(path), max_bytes), "", ""
    except InputError as exc:
        return path, [], exc.reason, exc.message


def distributed_extract(
    paths: Iterable[Path | str],
    *,
    max_bytes: int = 20_000_000,
    partition_size: int = 64,
    wave: int = 8,
    scheduler: str | None = "processes",
) -> Iterator[Outcome]:
    """Every document's outcome, in input order, extracted on Dask ``wave`` partitions at a time."""
    from cellkg import extract

    names = [str(p) for p in extract.iter_document_paths(map(Path, paths))]
    if not names:
        return
    bag = db.from_sequence(names, partition_size=partition_size).map(extract_one, max_bytes)
    partitions = bag.to_delayed()
    for start in range(0, len(partitions), wave):
        for outcomes in dask.compute(*partitions[start : start + wave], scheduler=scheduler):
            yield from outcomes


def distributed_ingest(
    driver: Driver,
    paths: Iterable[Path | str],
    *,
    group_size: int = 50,
    database: str = "neo4j",
    max_bytes: int = 20_000_000,
    scheduler: str | None = "processes",
) -> IngestSummary:
    """graph.ingest.ingest_paths with extraction on Dask: same groups, same transactions, same graph."""
    loader, summary, group = Loader(driver, database), IngestSummary(), []
    for path, results, reason, message in distributed_extract(paths, max_bytes=max_bytes, scheduler=scheduler):
        if reason:
            summary.skipped[reason].append(f"{path}: {message}")
            continue
        group.extend(results)
        if len(group) >= group_size:
            summary.report.add(loader.load(group))
            group = []
    if group:
        summary.report.add(loader.load(group))
    return summary

"""Files → extraction → graph, streamed in groups so memory stays flat on large corpora.

Unreadable files are skipped with their reason (never abort the run); each group of
documents is one all-or-nothing transaction.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from neo4j import Driver

import extract
from cellkg.errors import InputError
from cellkg.model import ExtractionResult
from graph.loader import Loader, LoadReport


@dataclass
class IngestSummary:
    report: LoadReport = field(default_factory=LoadReport)
    skipped: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # reason -> paths

    @property
    def skipped_count(self) -> int:
        return sum(len(paths) for paths in self.skipped.values())


def read_and_extract(path: Path, max_bytes: int) -> ExtractionResult:
    return extract.extract_document(extract.read_document(path, max_bytes=max_bytes))


def ingest_paths(driver: Driver, paths: Iterable[Path], *, group_size: int = 50, max_bytes: int = 20_000_000,
                 database: str = "neo4j", on_document: Callable[[Path], None] | None = None) -> IngestSummary:
    loader = Loader(driver, database)
    summary = IngestSummary()
    group: list[ExtractionResult] = []
    for path in extract.iter_document_paths(paths):
        try:
            group.append(read_and_extract(path, max_bytes))
        except InputError as exc:
            summary.skipped[exc.reason].append(f"{path}: {exc.message}")
        if on_document:
            on_document(path)
        if len(group) >= group_size:
            summary.report.add(loader.load(group))
            group = []
    if group:
        summary.report.add(loader.load(group))
    return summary

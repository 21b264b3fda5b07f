"""Files → extraction → graph, streamed in groups so memory stays flat on large corpora.

Unreadable files are skipped with their reason (never abort the run); each group of
documents is one all-or-nothing transaction. When Neo4j goes away mid-load (a restart, a
dropped connection, a commit whose outcome is unknown) the group is tried again: the loader
skips documents that did commit, so a retry never duplicates anything.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from neo4j import Driver
from neo4j.exceptions import IncompleteCommit, ServiceUnavailable, SessionExpired

from cellkg import extract
from cellkg.core.errors import InputError, Neo4jUnavailable
from cellkg.core.model import ExtractionResult
from cellkg.graph.loader import Loader, LoadReport


@dataclass
class IngestSummary:
    report: LoadReport = field(default_factory=LoadReport)
    skipped: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # reason -> paths

    @property
    def skipped_count(self) -> int:
        return sum(len(paths) for paths in self.skipped.values())


RETRY_WAIT_S = (1, 2, 4, 8, 15, 30, 30, 30)  # about two minutes: long enough for a server restart


def load_with_retry(
    loader: Loader, group: list[ExtractionResult], waits: tuple[float, ...] = RETRY_WAIT_S
) -> LoadReport:
    for wait in (*waits, None):
        try:
            return loader.load(group)
        except (ServiceUnavailable, SessionExpired, IncompleteCommit) as exc:
            if wait is None:
                raise Neo4jUnavailable(
                    f"Neo4j stayed unreachable while loading ({exc})",
                    hint="start it again and re-run the same ingest: loaded documents are skipped",
                ) from exc
            time.sleep(wait)
    raise AssertionError("the loop returns or raises")


def read_and_extract_all(path: Path, max_bytes: int) -> list[ExtractionResult]:
    """Every document of a file: one text document, or each record of a structured file (a ClinicalTrials.gov
    page, a PubmedArticleSet); a file with a bad record raises InputError and yields none."""
    return extract.extract_path(path, max_bytes=max_bytes)


def ingest_text(
    loader: Loader, text: str, *, name: str, source: str, waits: tuple[float, ...] = RETRY_WAIT_S
) -> tuple[str, LoadReport]:
    """A text given directly (the API's mutation): the same extraction and load as a file, structured records
    included; returns the (first) document's id."""
    results = extract.extract_any_text(text, name=name, source=source)
    return results[0].document.doc_id, load_with_retry(loader, results, waits)


def ingest_paths(
    driver: Driver,
    paths: Iterable[Path],
    *,
    group_size: int = 50,
    max_bytes: int = 20_000_000,
    database: str = "neo4j",
    on_document: Callable[[Path], None] | None = None,
) -> IngestSummary:
    loader = Loader(driver, database)
    summary = IngestSummary()
    group: list[ExtractionResult] = []
    for path in extract.iter_document_paths(paths):
        try:
            group.extend(read_and_extract_all(path, max_bytes))
        except InputError as exc:
            summary.skipped[exc.reason].append(f"{path}: {exc.message}")
        if on_document:
            on_document(path)
        if len(group) >= group_size:
            summary.report.add(load_with_retry(loader, group))
            group = []
    if group:
        summary.report.add(load_with_retry(loader, group))
    return summary

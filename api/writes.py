"""The write side behind the mutations: extract a text, load it, or retract a document.

graph.loader.Loader is synchronous, so writes run in a worker thread on their own sync driver,
opened on the first mutation (servers without an API key never open it).
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Iterator

from anyio import to_thread
from neo4j import Driver
from neo4j.exceptions import ServiceUnavailable, SessionExpired

from cellkg.errors import CellKGError
from cellkg.settings import Settings
from api.errors import GraphUnavailable, UserError
from graph.db import open_driver
from graph.loader import LoadReport, Loader


class GraphWriter:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._driver: Driver | None = None
        self._lock = threading.Lock()

    def _loader(self) -> Loader:
        with self._lock:
            if self._driver is None:
                try:
                    self._driver = open_driver(self.settings)
                except CellKGError as exc:
                    raise GraphUnavailable(f"the graph database is unavailable: {exc.message}") from exc
        return Loader(self._driver, self.settings.neo4j_database)

    def close(self) -> None:
        if self._driver is not None:
            self._driver.close()
            self._driver = None

    async def ingest(self, text: str, name: str, source: str) -> tuple[str, LoadReport]:
        if len(text.encode("utf-8")) > self.settings.max_document_bytes:
            raise UserError(f"the text is larger than {self.settings.max_document_bytes} bytes")
        return await to_thread.run_sync(self._ingest, text, name, source)

    async def remove(self, doc_id: str) -> None:
        await to_thread.run_sync(self._remove, doc_id)

    def _ingest(self, text: str, name: str, source: str) -> tuple[str, LoadReport]:
        try:
            from extract import extract_text
        except ImportError as exc:
            raise UserError("extraction is not available in this installation") from exc
        try:
            result = extract_text(text, name=name, source=source)
        except CellKGError as exc:  # e.g. InputError: empty or unreadable text
            raise UserError(exc.message) from exc
        with _unavailable_as_user_error():
            return result.document.doc_id, self._loader().load([result])

    def _remove(self, doc_id: str) -> None:
        with _unavailable_as_user_error():
            self._loader().remove(doc_id)


@contextmanager
def _unavailable_as_user_error() -> Iterator[None]:
    try:
        yield
    except (ServiceUnavailable, SessionExpired) as exc:
        raise GraphUnavailable("the graph database is unavailable; try again shortly") from exc

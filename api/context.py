"""Per-request context: settings, the shared reader and writer, fresh DataLoaders, the write check."""

from __future__ import annotations

import hmac

from strawberry.fastapi import BaseContext

from cellkg.api.errors import MutationsDisabled, UserError
from cellkg.api.graph_store import GraphStore
from cellkg.api.loaders import Loaders
from cellkg.api.writes import GraphWriter
from cellkg.core.settings import Settings

API_KEY_HEADER = "X-API-Key"


class RequestContext(BaseContext):
    def __init__(self, settings: Settings, store: GraphStore, writer: GraphWriter) -> None:
        super().__init__()
        self.settings = settings
        self.store = store
        self.writer = writer
        self.loaders = Loaders(store)  # per request: batches and caches only within one operation

    def require_write_access(self) -> None:
        """Mutations need a configured key and the same key in the X-API-Key header."""
        if not self.settings.api_key:
            raise MutationsDisabled("mutations are disabled: the server was started without CELLKG_API_KEY")
        given = self.request.headers.get(API_KEY_HEADER, "") if self.request else ""
        if not hmac.compare_digest(given.encode("utf-8"), self.settings.api_key.encode("utf-8")):
            raise UserError(f"mutations need a valid {API_KEY_HEADER} header")

"""Per-request DataLoaders: every nested field's lookups batched into one UNWIND statement.

A loader exists per (statement, extra parameters) — for relation fields that is (relation
type, direction, first, minConfidence, includeNegated) — and is keyed by the owner's key
(entity key, document id or relation key). All lookups made while resolving one level of a
response are sent together, so the number of round trips depends on the shape of the query,
not on the size of its pages.
"""

from __future__ import annotations

from typing import Any

from strawberry.dataloader import DataLoader

from cellkg.api.graph_store import GraphStore


class Loaders:
    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self._loaders: dict[tuple, DataLoader] = {}

    async def load(self, statement: str, key: str, **params: Any) -> Any:
        """The ``value`` column the statement returns for ``key`` (None when it returns no row)."""
        spec = (statement, tuple(sorted(params.items())))
        loader = self._loaders.get(spec)
        if loader is None:
            loader = self._loaders[spec] = DataLoader(load_fn=self._batch(statement, params))
        return await loader.load(key)

    def _batch(self, statement: str, params: dict[str, Any]):
        async def load_all(keys: list[str]) -> list[Any]:
            rows = await self.store.rows(statement, keys=list(keys), **params)
            found = {row["k"]: row["value"] for row in rows}
            return [found.get(key) for key in keys]

        return load_all

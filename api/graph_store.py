"""The API's one way to Neo4j: an async driver, opened lazily, every read with a timeout.

Each call of :meth:`GraphStore.rows` is one round trip (one auto-commit read transaction with
``settings.api_query_timeout_s``). Neo4j being down, a wrong password or a timed-out query
become :class:`GraphUnavailable` / :class:`UserError` with a message a client can act on.
"""

from __future__ import annotations

import logging

from neo4j import AsyncDriver, AsyncGraphDatabase, Query, RoutingControl
from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable, SessionExpired

from cellkg.api import cypher as cy
from cellkg.api.errors import GraphUnavailable, UserError
from cellkg.core.errors import ConfigError
from cellkg.core.settings import Settings

log = logging.getLogger("cellkg.api")
READ_RETRY_S = 1.0  # retry transient failures briefly; a client waiting on a down database should hear soon


class GraphStore:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._driver: AsyncDriver | None = None

    @property
    def driver(self) -> AsyncDriver:
        if self._driver is None:
            try:
                auth = (self.settings.neo4j_user, self.settings.password())
            except ConfigError as exc:
                raise GraphUnavailable(f"the graph database is not configured: {exc.message}") from exc
            self._driver = AsyncGraphDatabase.driver(
                self.settings.bolt_uri,
                auth=auth,
                max_connection_lifetime=600,
                max_transaction_retry_time=READ_RETRY_S,
                connection_acquisition_timeout=self.settings.api_query_timeout_s,
                notifications_min_severity="OFF",  # as graph.db.open_driver: no advice notices on an empty graph
            )
        return self._driver

    async def close(self) -> None:
        if self._driver is not None:
            await self._driver.close()
            self._driver = None

    async def rows(self, statement: str, **params: object) -> list[dict]:
        """Run one read statement; its records as dicts."""
        query = Query(statement, timeout=self.settings.api_query_timeout_s)
        try:
            records, _, _ = await self.driver.execute_query(
                query, params, routing_=RoutingControl.READ, database_=self.settings.neo4j_database
            )
        except (ServiceUnavailable, SessionExpired, AuthError) as exc:
            log.warning("Neo4j unavailable: %s", exc)
            raise GraphUnavailable("the graph database is unavailable; try again shortly") from exc
        except Neo4jError as exc:
            if "TransactionTimedOut" in (exc.code or ""):
                raise UserError(
                    f"the query took longer than {self.settings.api_query_timeout_s} s; "
                    "ask for less (smaller pages, fewer nested fields)"
                ) from exc
            raise
        # api.cypher returns maps and plain values, never nodes: a record's items need no conversion,
        # and Record.data()'s recursive walk costs ~1 ms on a large nested answer
        return [dict(record.items()) for record in records]

    async def ready(self) -> str | None:
        """None when Neo4j answers a query, else the reason it does not."""
        try:
            await self.rows(cy.PING)
            return None
        except UserError as exc:
            return str(exc)
        except Exception as exc:  # any other failure is also "not ready"; say what it was
            return f"{type(exc).__name__}: {exc}"

"""The Neo4j driver, opened from settings with errors a user can act on."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from neo4j import Driver, GraphDatabase
from neo4j.exceptions import AuthError, ServiceUnavailable

from cellkg.core.errors import Neo4jUnavailable
from cellkg.core.settings import Settings


def open_driver(settings: Settings, *, verify: bool = True) -> Driver:
    driver = GraphDatabase.driver(
        settings.bolt_uri,
        auth=(settings.neo4j_user, settings.password()),
        max_connection_lifetime=600,
        connection_acquisition_timeout=30,
        max_transaction_retry_time=30,
        # On an empty graph the server warns about every property key our statements name before the
        # first load ("property key does not exist"): advice for query authors, noise for a user.
        notifications_min_severity="OFF",
    )
    if verify:
        try:
            driver.verify_connectivity()
        except AuthError as exc:
            driver.close()
            raise Neo4jUnavailable(
                f"Neo4j at {settings.bolt_uri} rejected the credentials ({exc.message})",
                hint="check CELLKG_NEO4J_PASSWORD or the password file",
            ) from exc
        except (ServiceUnavailable, OSError) as exc:
            driver.close()
            raise Neo4jUnavailable(
                f"Neo4j is not reachable at {settings.bolt_uri}",
                hint="start it with 'cellkg neo4j start' (or 'make up')",
            ) from exc
    return driver


@contextmanager
def driver_session(settings: Settings) -> Iterator[Driver]:
    driver = open_driver(settings)
    try:
        yield driver
    finally:
        driver.close()


def wipe_graph(driver: Driver, database: str = "neo4j") -> None:
    """Delete every node and relationship, keeping the schema. Relationships go first and in batches:
    a hub entity's DETACH DELETE alone can exceed the transaction memory limit on a large graph.
    CALL … IN TRANSACTIONS needs an auto-commit transaction, hence session.run."""
    with driver.session(database=database) as session:
        session.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS").consume()
        session.run("MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()

"""The graph's version: one node whose ``loaded_at`` changes with every committed load or retraction.

Readers that keep answers (the API's response cache) key them by this value and read it again per
request: an answer kept under a version is only ever served while the graph still has that version.
Each bump moves ``loaded_at`` strictly forward (at least one nanosecond past the previous value, even
when two transactions start in the same millisecond), so no two states share a version. A graph
without the node (wiped, or bulk-imported before its first bump) has no version: nothing is kept.
The value is named like the other load timestamps, which graph comparisons leave out.
"""

from __future__ import annotations

from neo4j import ManagedTransaction

VERSION_KEY = "graph"

# the last statement of a writing transaction: the node's lock is then held only until the commit
BUMP_VERSION = """
MERGE (v:GraphVersion {key: $key})
SET v.loaded_at = CASE
  WHEN v.loaded_at >= datetime.transaction() THEN v.loaded_at + duration({nanoseconds: 1})
  ELSE datetime.transaction() END
"""

READ_VERSION = "MATCH (v:GraphVersion {key: $key}) RETURN toString(v.loaded_at) AS version"

VERSION_CONSTRAINT = "CREATE CONSTRAINT graph_version_key IF NOT EXISTS FOR (v:GraphVersion) REQUIRE v.key IS UNIQUE"


def bump_version(tx: ManagedTransaction) -> None:
    tx.run(BUMP_VERSION, key=VERSION_KEY).consume()

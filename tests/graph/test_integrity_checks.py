"""The graph checks of tests/support/invariants.py catch each kind of damage, and the canonical
dump does not depend on load order (otherwise the fault tests could pass on a broken graph)."""

from __future__ import annotations

from cellkg.core.schema import RELATION_TYPES
from cellkg.graph.db import wipe_graph
from cellkg.graph.loader import Loader
from tests.support.factories import registry_results
from tests.support.invariants import canonical_dump, expected_shape, integrity_problems, synthetic_results

DAMAGE = {
    "drop one ASSERTS": "MATCH (:Document)-[a:ASSERTS]->() WITH a LIMIT 1 DELETE a",
    "drop one MENTIONS": "MATCH (:Document)-[m:MENTIONS]->() WITH m LIMIT 1 DELETE m",
    "orphan a relation": "MATCH (ev:Evidence) WITH ev.relation_key AS k LIMIT 1 "
    "MATCH (e:Evidence {relation_key: k}) DETACH DELETE e",
    # the type comes from the schema's closed set, never from input
    "stale evidence_count": f"MATCH ()-[r:{RELATION_TYPES[4]}]->() WITH r LIMIT 1 "
    "SET r.evidence_count = r.evidence_count + 1",
}


def test_checks_find_each_kind_of_damage(clean_graph):
    results = synthetic_results(12, seed=1)
    Loader(clean_graph).load(results)
    expected, clean = expected_shape(results), canonical_dump(clean_graph)
    assert integrity_problems(clean_graph, expected) == []
    for name, damage in DAMAGE.items():
        wipe_graph(clean_graph)
        Loader(clean_graph).load(results)
        clean_graph.execute_query(damage)
        assert integrity_problems(clean_graph, expected), f"{name} went unnoticed"
        assert canonical_dump(clean_graph) != clean, f"{name} left the dump unchanged"


def test_dump_ignores_load_order(clean_graph):
    results = synthetic_results(30, seed=2)
    for group in results[::-1]:
        Loader(clean_graph).load([group])
    reversed_dump = canonical_dump(clean_graph)
    wipe_graph(clean_graph)
    Loader(clean_graph).load(results)
    assert canonical_dump(clean_graph) == reversed_dump


IDENTIFIER_DAMAGE = {
    "drop one HAS_XREF": "MATCH (:Entity)-[h:HAS_XREF]->() WITH h LIMIT 1 DELETE h",
    "list an identifier without its edge": "MATCH (e:Target) WITH e LIMIT 1 SET e.xrefs = e.xrefs + ['HGNC:1']",
    "leave an identifier nobody uses": "CREATE (:Xref {curie: 'HGNC:1', prefix: 'HGNC'})",
}


def test_checks_find_identifier_damage(clean_graph):
    results = registry_results()
    Loader(clean_graph).load(results)
    expected, clean = expected_shape(results), canonical_dump(clean_graph)
    assert integrity_problems(clean_graph, expected) == []
    for name, damage in IDENTIFIER_DAMAGE.items():
        wipe_graph(clean_graph)
        Loader(clean_graph).load(results)
        clean_graph.execute_query(damage)
        assert integrity_problems(clean_graph, expected), f"{name} went unnoticed"
        assert canonical_dump(clean_graph) != clean, f"{name} left the dump unchanged"

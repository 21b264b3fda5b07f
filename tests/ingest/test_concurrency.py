"""Four ingester processes loading the same corpus at once build the graph one ingester builds.

Each ingester takes the documents in its own order, so they race on the same entities and
relations (MERGE on constrained keys, noisy-OR refreshes): any duplicate, lost alias, stale
aggregate or deadlock that escapes the managed-transaction retries shows up as a difference
in the canonical dump or an integrity problem.
"""

from __future__ import annotations

import pytest

from benchmarks.synth import load_corpus
from cellkg.graph.db import wipe_graph
from tests.support.invariants import canonical_dump, expected_shape, integrity_problems, synthetic_results
from tests.support.servers import start_ingester

INGESTERS = 4


def race(neo4j_server, docs: int, seed: int, group: int) -> None:
    ingesters = [
        start_ingester(neo4j_server, order_seed=i, docs=docs, seed=seed, group=group) for i in range(INGESTERS)
    ]
    for ingester in ingesters:
        _, errors = ingester.communicate(timeout=240)
        assert ingester.returncode == 0, errors.decode(errors="replace")[-3000:]


def check_race(neo4j_server, driver, docs: int, seed: int, group: int) -> None:
    load_corpus(neo4j_server.settings, docs, seed, group=group)
    reference = canonical_dump(driver)
    wipe_graph(driver)
    race(neo4j_server, docs, seed, group)
    assert integrity_problems(driver, expected_shape(synthetic_results(docs, seed))) == []
    assert canonical_dump(driver) == reference


def test_four_ingesters_build_the_graph_one_builds(neo4j_server, clean_graph):
    check_race(neo4j_server, clean_graph, docs=160, seed=21, group=5)


@pytest.mark.slow
@pytest.mark.usefixtures("slow_selected")
@pytest.mark.parametrize("seed", [22, 23, 24])
def test_four_ingesters_many(neo4j_server, clean_graph, seed):
    check_race(neo4j_server, clean_graph, docs=600, seed=seed, group=20)

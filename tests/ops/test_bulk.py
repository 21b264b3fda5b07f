"""The bulk path (CSV + neo4j-admin import) builds the graph the transactional loader builds.

The loader writes into the session server; the import goes into a fresh private instance (it
needs the server stopped), as a first load of a new installation would. Compared: counts per
label and per relationship type, and every node and edge with its properties (timestamps aside).
"""

from __future__ import annotations

import csv

from cellkg.graph.loader import Loader
from cellkg.ingest.reference import load_disease_hierarchy
from cellkg.ops.bulk import BulkReport, bulk_import, write_csv
from tests.support.factories import registry_results
from tests.support.invariants import canonical_dump, synthetic_results
from tests.support.servers import private_server, schema_driver

COUNTS = """
CALL () { MATCH (n) UNWIND labels(n) AS name RETURN name, count(*) AS count
  UNION ALL MATCH ()-[r]->() RETURN type(r) AS name, count(*) AS count }
RETURN name, sum(count) AS count ORDER BY name
"""
CONSTRAINTS = "SHOW CONSTRAINTS YIELD name RETURN count(*) AS n"


def snapshot(driver) -> tuple[list, dict]:
    counts = [tuple(r.values()) for r in driver.execute_query(COUNTS).records]
    return counts, canonical_dump(driver)


def test_bulk_import_builds_the_loaders_graph(clean_graph, tmp_path_factory):
    results = synthetic_results(150, seed=31) + registry_results()  # records: identifiers, attributes, metadata
    for start in range(0, len(results), 25):
        Loader(clean_graph).load(results[start : start + 25])
    load_disease_hierarchy(clean_graph)
    loaded = snapshot(clean_graph)
    with private_server(tmp_path_factory.mktemp("bulk"), start=False) as server:
        report = bulk_import(results, server.settings, csv_dir=tmp_path_factory.mktemp("csv"))
        with schema_driver(server) as driver:
            imported = snapshot(driver)
            constraints = driver.execute_query(CONSTRAINTS).records[0]["n"]
    assert (report.documents, report.skipped) == (len(results), {}) and report.relations > 0
    assert imported[0] == loaded[0]
    assert imported[1]["nodes"] == loaded[1]["nodes"]
    assert imported[1]["edges"] == loaded[1]["edges"]
    assert constraints >= 17  # the schema was applied after the import


def test_bulk_import_skips_repeated_documents(tmp_path):
    results = synthetic_results(5, seed=32)
    report = BulkReport()
    write_csv(results + results[:2], tmp_path, report)
    assert report.documents == 5 and report.skipped == {"duplicate document or source": 2}
    with (tmp_path / "documents.csv").open(encoding="utf-8", newline="") as rows:  # texts span lines
        assert len(list(csv.reader(rows))) == 5

"""`cellkg query` end to end: a real subprocess against the test server, and the three formats."""

from __future__ import annotations

import csv
import io
import json

import pytest

from cellkg.cli.render import format_rows
from cellkg.graph import queries
from cellkg.graph.db import wipe_graph
from cellkg.ingest.stream import ingest_paths
from tests.support.cli import run_cellkg
from tests.support.paths import EXAMPLES


@pytest.fixture(scope="module")
def example_graph(driver):
    wipe_graph(driver)
    ingest_paths(driver, [EXAMPLES])
    return driver


def test_list_shows_every_query_with_its_question(settings):
    result = run_cellkg(settings, "query", "--list")
    assert result.returncode == 0, result.stderr
    for query in queries.list_queries():
        assert query.name in result.stdout
    assert "Which therapies target an antigen" in result.stdout


def test_query_prints_json_rows(example_graph, settings):
    result = run_cellkg(settings, "query", "therapies_targeting_antigen", "--param", "target=bcma", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert {r["therapy"] for r in rows} >= {"Carvykti", "eque-cel"}
    assert all(r["target"] == "BCMA" for r in rows)


def test_query_prints_csv_with_chinese_names(example_graph, settings):
    result = run_cellkg(settings, "query", "entity_profile", "--param", "name=周剑峰", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {(r["entity"], r["relation"], r["other"]) for r in rows} >= {
        ("Zhou Jianfeng", "AFFILIATED_WITH", "Tongji Hospital")
    }


def test_missing_parameter_exits_with_a_hint(settings):
    result = run_cellkg(settings, "query", "therapies_targeting_antigen")
    assert result.returncode == queries.QueryError.exit_code
    assert "missing parameter" in result.stderr and "--param target=" in result.stderr


def test_unknown_query_exits_not_found(settings):
    result = run_cellkg(settings, "query", "what_is_the_answer")
    assert result.returncode == 6 and "cellkg query --list" in result.stderr


def test_formats_render_paths_nodes_and_lists(example_graph):
    columns, rows = queries.run_query(
        example_graph, "shortest_path_between_entities", {"from": "Katy Rezvani", "to": "Kymriah"}
    )
    table = format_rows(columns, rows, "table")
    assert table.splitlines()[1].split() == ["┃", "path", "┃", "hops", "┃", "names", "┃", "relations", "┃"]
    parsed = json.loads(format_rows(columns, rows, "json"))
    assert parsed[0]["names"][0] == "Katy Rezvani"
    assert parsed[0]["path"]["nodes"][0]["name"] == "Katy Rezvani"
    assert "search_text" not in parsed[0]["path"]["nodes"][0]
    header, first = format_rows(columns, rows, "csv").splitlines()[:2]
    assert header == "path,hops,names,relations" and first.startswith("Katy Rezvani -[:")
    with pytest.raises(queries.QueryError, match="unknown format"):
        format_rows(columns, rows, "xml")

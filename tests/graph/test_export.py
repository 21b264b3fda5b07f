"""Export: the whole graph or one query's subgraph, as GraphML, JSON lines and CSV, provenance included."""

from __future__ import annotations

import csv
import json

import networkx as nx
import pytest

from cellkg.graph import export, formats
from cellkg.graph.loader import Loader
from tests.support.factories import BCMA, BCMA_CART, LI_HUA, MYELOMA, TSINGHUA, make_result

EN = make_result(
    "Li Hua of Tsinghua University develops BCMA CAR-T, which targets BCMA in multiple myeloma.",
    "export/en.txt",
    [(LI_HUA, "AFFILIATED_WITH", TSINGHUA), (BCMA_CART, "TARGETS", BCMA), (BCMA_CART, "TREATS", MYELOMA)],
)
ZH = make_result(
    "清华大学研发的BCMA CAR-T细胞靶向BCMA。", "export/zh.txt", [(TSINGHUA, "DEVELOPS", BCMA_CART)], lang="zh"
)


@pytest.fixture
def loaded(clean_graph):
    Loader(clean_graph).load([EN, ZH])
    return clean_graph


def test_the_whole_graph_comes_out_with_its_provenance(loaded):
    graph = export.read_graph(loaded)
    kinds = sorted(formats._kind(node["labels"]) for node in graph.nodes.values())
    assert kinds.count("Document") == 2 and kinds.count("Evidence") == 4
    assert {BCMA.key, BCMA_CART.key, MYELOMA.key, TSINGHUA.key, LI_HUA.key} <= set(graph.nodes)
    assert (BCMA_CART.key, "TARGETS", BCMA.key) in graph.edges
    assert graph.edges[(BCMA_CART.key, "TARGETS", BCMA.key)]["evidence_count"] == 1
    evidence = [n["properties"] for n in graph.nodes.values() if "Evidence" in n["labels"]]
    targets = next(e for e in evidence if e["relation_type"] == "TARGETS")
    assert targets["doc_id"] == EN.document.doc_id and targets["sentence"] == EN.document.text
    assert (EN.document.doc_id, "ASSERTS", targets["key"]) in graph.edges
    assert all("search_text" not in n["properties"] for n in graph.nodes.values())


def test_graphml_opens_in_networkx_with_every_node_and_edge(loaded, tmp_path):
    graph = export.read_graph(loaded)
    (path,) = formats.write(graph, "graphml", tmp_path / "graph.graphml")
    read = nx.read_graphml(path)
    assert read.number_of_nodes() == len(graph.nodes) and read.number_of_edges() == len(graph.edges)
    assert read.nodes[BCMA_CART.key]["label"] == "Therapy"
    assert json.loads(read.nodes[BCMA_CART.key]["aliases"]) == ["BCMA CAR-T", "BCMA CAR-T细胞"]


def test_jsonl_holds_one_line_per_node_and_edge(loaded, tmp_path):
    graph = export.read_graph(loaded)
    (path,) = formats.write(graph, "jsonl", tmp_path / "graph.jsonl")
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert sum(row["kind"] == "node" for row in lines) == len(graph.nodes)
    assert sum(row["kind"] == "edge" for row in lines) == len(graph.edges)
    tsinghua = next(row for row in lines if row.get("id") == TSINGHUA.key)
    assert "清华大学" in tsinghua["properties"]["aliases"]


def test_csv_writes_a_file_per_label_and_relationship_type(loaded, tmp_path):
    written = formats.write(export.read_graph(loaded), "csv", tmp_path / "csv")
    names = {path.stem for path in written}
    assert {"nodes_Therapy", "nodes_Document", "nodes_Evidence", "edges_TARGETS", "edges_ASSERTS"} <= names
    with (tmp_path / "csv" / "edges_TARGETS.csv").open(encoding="utf-8") as handle:
        (row,) = list(csv.DictReader(handle))
    assert (row["source"], row["target"]) == (BCMA_CART.key, BCMA.key)


def test_a_query_subgraph_carries_the_evidence_of_its_relationships(loaded):
    graph = export.read_query_subgraph(loaded, "neighbourhood_of_entity", {"name": "BCMA CAR-T"})
    assert BCMA_CART.key in graph.nodes and BCMA.key in graph.nodes
    assert LI_HUA.key not in graph.nodes  # two hops away
    assert (BCMA_CART.key, "TARGETS", BCMA.key) in graph.edges
    sentences = {n["properties"]["sentence"] for n in graph.nodes.values() if "Evidence" in n["labels"]}
    assert EN.document.text in sentences


def test_an_unknown_format_is_refused_with_the_choices(tmp_path):
    with pytest.raises(Exception, match="graphml, jsonl, csv"):
        formats.write(export.Subgraph(), "xlsx", tmp_path / "x")

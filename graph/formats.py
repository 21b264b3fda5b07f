"""Write a Subgraph as GraphML (Gephi, Cytoscape desktop), JSON lines, or CSV per label and type (pandas).

Lists (aliases, mention spans) are kept as lists in JSON lines; GraphML and CSV cells hold scalars,
so there a list becomes its JSON text (``["CAR-T", "CAR T"]``), which ``json.loads`` reads back.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path

import networkx as nx

from cellkg.core.errors import InputError
from cellkg.core.schema import DOCUMENT_LABEL, ENTITY_TYPES, EVIDENCE_LABEL
from cellkg.graph.export import Subgraph

FORMATS = ("graphml", "jsonl", "csv")


def write(graph: Subgraph, fmt: str, out: Path) -> list[Path]:
    """Write ``graph`` to ``out`` (a file for graphml/jsonl, a folder for csv); returns the files written."""
    writers = {"graphml": write_graphml, "jsonl": write_jsonl, "csv": write_csv}
    if fmt not in writers:
        raise InputError(f"unknown export format {fmt!r}", reason="format", hint=f"choose one of {', '.join(FORMATS)}")
    return writers[fmt](graph, out)


def _scalar(value: object) -> str | int | float | bool:
    if isinstance(value, str | int | float | bool):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)


def _kind(labels: list[str]) -> str:
    """The one label that says what a node is: an entity type, Document or Evidence."""
    return next((label for label in labels if label in (*ENTITY_TYPES, DOCUMENT_LABEL, EVIDENCE_LABEL)), labels[0])


def write_graphml(graph: Subgraph, out: Path) -> list[Path]:
    g = nx.MultiDiGraph()
    for node_id, node in graph.nodes.items():
        props = {k: _scalar(v) for k, v in node["properties"].items()}
        g.add_node(node_id, label=_kind(node["labels"]), labels=":".join(node["labels"]), **props)
    for (source, rel_type, target), props in graph.edges.items():
        attributes = {"type": rel_type, **{k: _scalar(v) for k, v in props.items()}}
        g.add_edges_from([(source, target, rel_type, attributes)])  # a dict, as edges carry a `key` property
    out.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(g, out, encoding="utf-8")
    return [out]


def write_jsonl(graph: Subgraph, out: Path) -> list[Path]:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        for node_id, node in graph.nodes.items():
            handle.write(json.dumps({"kind": "node", "id": node_id, **node}, ensure_ascii=False, default=str) + "\n")
        for (source, rel_type, target), props in graph.edges.items():
            row = {"kind": "edge", "source": source, "type": rel_type, "target": target, "properties": props}
            handle.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    return [out]


def write_csv(graph: Subgraph, out: Path) -> list[Path]:
    """``nodes_<Label>.csv`` (id and properties) and ``edges_<TYPE>.csv`` (source, target and properties)."""
    tables: dict[str, list[dict]] = defaultdict(list)
    for node_id, node in graph.nodes.items():
        tables[f"nodes_{_kind(node['labels'])}"].append({"id": node_id, **node["properties"]})
    for (source, rel_type, target), props in graph.edges.items():
        tables[f"edges_{rel_type}"].append({"source": source, "target": target, **props})
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rows in sorted(tables.items()):
        columns = list(dict.fromkeys(column for row in rows for column in row))
        path = out / f"{name}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns)
            writer.writeheader()
            writer.writerows({k: _scalar(v) for k, v in row.items()} for row in rows)
        written.append(path)
    return written

"""Query results as text: a table for people, CSV for spreadsheets, JSON for programs."""

from __future__ import annotations

import csv
import io
import json
import shutil

from neo4j.graph import Node, Relationship
from neo4j.graph import Path as GraphPath
from rich.console import Console
from rich.table import Table
from rich.text import Text

from cellkg.graph.queries import QueryError


def _plain(value):
    """A JSON-ready copy of a result value (nodes and relationships become their properties)."""
    if isinstance(value, Node):
        props = {k: _plain(v) for k, v in value.items() if k != "search_text"}
        return {"labels": sorted(value.labels), **props}
    if isinstance(value, Relationship):
        return {"type": value.type, **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, GraphPath):
        return {"nodes": [_plain(n) for n in value.nodes], "relationships": [_plain(r) for r in value.relationships]}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)  # temporal and spatial values


def _node_label(node: Node) -> str:
    return str(node.get("name") or node.get("doc_id") or node.get("key") or node.element_id)


def _path_text(path: GraphPath) -> str:
    text, current = _node_label(path.start_node), path.start_node
    for rel in path.relationships:
        start, end = rel.nodes  # a path's relationships always carry both ends
        assert start is not None and end is not None
        forward = start.element_id == current.element_id
        current = end if forward else start
        arrow = f" -[:{rel.type}]-> " if forward else f" <-[:{rel.type}]- "
        text += arrow + _node_label(current)
    return text


def _text(value) -> str:
    """One cell of a table or CSV row."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".")
    if isinstance(value, Node):
        return _node_label(value)
    if isinstance(value, Relationship):
        return value.type
    if isinstance(value, GraphPath):
        return _path_text(value)
    if isinstance(value, (list, tuple)):
        return "; ".join(_text(v) for v in value)
    return str(value)


def _table(columns: list[str], rows: list[list]) -> str:
    table = Table(*columns, show_lines=False)
    for row in rows:
        table.add_row(*(Text(_text(v)) for v in row))
    buffer = io.StringIO()
    console = Console(file=buffer, width=max(100, shutil.get_terminal_size().columns), color_system=None)
    console.print(table)
    return buffer.getvalue().rstrip("\n")


def _csv(columns: list[str], rows: list[list]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([_text(v) for v in row] for row in rows)
    return buffer.getvalue().rstrip("\n")


def _json(columns: list[str], rows: list[list]) -> str:
    return json.dumps([dict(zip(columns, map(_plain, row), strict=True)) for row in rows], ensure_ascii=False, indent=2)


FORMATS = {"table": _table, "csv": _csv, "json": _json}


def format_rows(columns: list[str], rows: list[list], fmt: str = "table") -> str:
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}", hint=f"choose one of {', '.join(FORMATS)}")
    return FORMATS[fmt](columns, rows)

"""The analysts' query library: one ``cypher/<question>.cypher`` file per question, run read-only.

Each file opens with a ``//`` comment header that this module parses, so the CLI, the Browser
guide and the tests all read the same description::

    // Question: Which therapies target an antigen?
    // Parameters:
    //   $target = "CD19"     name or alias of the target, any case
    //   $limit ?= 25         `?=` marks an optional parameter and gives its default
    // Columns:
    //   therapy              canonical name of the therapy

Example values are JSON literals, so they keep their type (string, number, boolean, list, null).
"""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from neo4j import READ_ACCESS, Driver
from neo4j.exceptions import ClientError
from neo4j.graph import Node, Path as GraphPath, Relationship
from rich.console import Console
from rich.table import Table
from rich.text import Text

from cellkg.errors import CellKGError, NotFound

REPO_ROOT = Path(__file__).resolve().parents[1]
QUERY_DIR = REPO_ROOT / "cypher"

_SECTION = re.compile(r"^(Question|Parameters|Columns):\s*(.*)$")
_PARAMETER = re.compile(r"^\$(\w+)\s*(\??=)\s*(.*)$")
_USED_PARAMETER = re.compile(r"\$(\w+)")


class QueryError(CellKGError):
    """A library query cannot run: a parameter is missing, unknown or of the wrong type."""

    code = "CKG410"
    exit_code = 2


@dataclass(frozen=True)
class Parameter:
    name: str
    example: object
    required: bool  # False: the example is also the default
    description: str


@dataclass(frozen=True)
class NamedQuery:
    name: str
    question: str
    parameters: tuple[Parameter, ...]
    columns: tuple[tuple[str, str], ...]  # (column, what it means)
    body: str  # the Cypher after the header
    path: Path

    @property
    def params(self) -> dict[str, object]:
        """Parameter name -> example value (runs the query as its header describes)."""
        return {p.name: p.example for p in self.parameters}

    def bind(self, given: dict[str, object]) -> dict[str, object]:
        """The parameters to send: defaults filled in; missing or unknown names refused."""
        declared = {p.name for p in self.parameters}
        unknown = sorted(set(given) - declared)
        missing = [p.name for p in self.parameters if p.required and p.name not in given]
        if unknown or missing:
            problem = f"unknown parameter(s) {unknown}" if unknown else f"missing parameter(s) {missing}"
            usage = " ".join(f"--param {p.name}={json.dumps(p.example, ensure_ascii=False)}" for p in self.parameters)
            raise QueryError(f"query {self.name!r}: {problem}", hint=f"e.g. cellkg query {self.name} {usage}")
        return {**{p.name: p.example for p in self.parameters if not p.required}, **given}


def _split_header(text: str) -> tuple[list[str], str]:
    lines = text.splitlines()
    count = next((i for i, line in enumerate(lines) if not line.startswith("//")), len(lines))
    return [line[2:].strip() for line in lines[:count]], "\n".join(lines[count:]).strip()


def _sections(header: list[str], path: Path) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = None
    for line in header:
        match = _SECTION.match(line)
        if match:
            current = sections.setdefault(match[1], [])
            line = match[2]
        if current is None:
            raise QueryError(f"{path.name}: the header must start with 'Question:'")
        if line:
            current.append(line)
    return sections


def _parameter(line: str, path: Path) -> Parameter:
    match = _PARAMETER.match(line)
    if not match:
        raise QueryError(f"{path.name}: cannot read parameter line {line!r}", hint='write: $name = "example"  what it is')
    try:
        example, end = json.JSONDecoder().raw_decode(match[3])
    except json.JSONDecodeError:
        raise QueryError(f"{path.name}: the example of ${match[1]} is not a JSON value") from None
    return Parameter(match[1], example, match[2] == "=", match[3][end:].strip())


def parse_query(path: Path) -> NamedQuery:
    header, body = _split_header(path.read_text(encoding="utf-8"))
    sections = _sections(header, path)
    parameters = tuple(_parameter(line, path) for line in sections.get("Parameters", []) if line != "none")
    declared, used = {p.name for p in parameters}, set(_USED_PARAMETER.findall(body))
    if declared != used:
        raise QueryError(f"{path.name}: header declares {sorted(declared)} but the query uses {sorted(used)}")
    columns = tuple(tuple((line.split(None, 1) + [""])[:2]) for line in sections.get("Columns", []))
    return NamedQuery(path.stem, " ".join(sections.get("Question", [])), parameters, columns, body, path)


def list_queries() -> list[NamedQuery]:
    return [parse_query(path) for path in sorted(QUERY_DIR.glob("*.cypher"))]


def get_query(name: str) -> NamedQuery:
    path = QUERY_DIR / f"{name}.cypher"
    if "/" in name or not path.is_file():
        raise NotFound(f"no query named {name!r} in {QUERY_DIR}", hint="list them with 'cellkg query --list'")
    return parse_query(path)


def _value(raw: str) -> object:
    """JSON when it parses (3, 0.5, true, null, ["a","b"], "quoted"), else the text itself."""
    if raw.lower() in ("true", "false"):
        return raw.lower() == "true"
    try:
        return json.loads(raw, parse_constant=lambda name: raw)  # NaN / Infinity stay text
    except json.JSONDecodeError:
        return raw


def parse_params(pairs: list[str]) -> dict[str, object]:
    params = {}
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        if not sep or not key.strip():
            raise QueryError(f"parameter {pair!r} is not KEY=VALUE", hint="e.g. --param target=CD19 --param limit=5")
        params[key.strip()] = _value(raw)
    return params


def run_query(driver: Driver, name: str, params: dict[str, object], *, database: str = "neo4j") -> tuple[list[str], list[list]]:
    """Run a library query in a read transaction; returns (column names, rows of values)."""
    query = get_query(name)
    bound = query.bind(params)

    def read(tx):
        result = tx.run(query.body, bound)
        return list(result.keys()), [record.values() for record in result]

    with driver.session(database=database, default_access_mode=READ_ACCESS) as session:
        try:
            return session.execute_read(read)
        except ClientError as exc:
            raise QueryError(f"Neo4j refused query {name!r} with {bound}: {exc.message}",
                             hint="check the parameter types in the query's header (cellkg query --list)") from exc


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
        forward = rel.start_node.element_id == current.element_id
        current = rel.end_node if forward else rel.start_node
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
    console = Console(file=io.StringIO(), width=max(100, shutil.get_terminal_size().columns), color_system=None)
    console.print(table)
    return console.file.getvalue().rstrip("\n")


def _csv(columns: list[str], rows: list[list]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([_text(v) for v in row] for row in rows)
    return buffer.getvalue().rstrip("\n")


def _json(columns: list[str], rows: list[list]) -> str:
    return json.dumps([dict(zip(columns, map(_plain, row))) for row in rows], ensure_ascii=False, indent=2)


FORMATS = {"table": _table, "csv": _csv, "json": _json}


def format_rows(columns: list[str], rows: list[list], fmt: str = "table") -> str:
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}", hint=f"choose one of {', '.join(FORMATS)}")
    return FORMATS[fmt](columns, rows)

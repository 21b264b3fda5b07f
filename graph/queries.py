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

import json
import re
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable

from neo4j import READ_ACCESS, Driver
from neo4j.exceptions import ClientError

from cellkg.core.errors import CellKGError, NotFound

QUERY_DIR: Traversable = files("cellkg.cypher")  # the top-level cypher/ folder, shipped as package data

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
    path: Traversable

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


def _sections(header: list[str], path: Traversable) -> dict[str, list[str]]:
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


def _parameter(line: str, path: Traversable) -> Parameter:
    match = _PARAMETER.match(line)
    if not match:
        raise QueryError(
            f"{path.name}: cannot read parameter line {line!r}", hint='write: $name = "example"  what it is'
        )
    try:
        example, end = json.JSONDecoder().raw_decode(match[3])
    except json.JSONDecodeError:
        raise QueryError(f"{path.name}: the example of ${match[1]} is not a JSON value") from None
    return Parameter(match[1], example, match[2] == "=", match[3][end:].strip())


def _column(line: str) -> tuple[str, str]:
    name, _, meaning = line.partition(" ")
    return name, meaning.strip()


def parse_query(path: Traversable) -> NamedQuery:
    header, body = _split_header(path.read_text(encoding="utf-8"))
    sections = _sections(header, path)
    parameters = tuple(_parameter(line, path) for line in sections.get("Parameters", []) if line != "none")
    declared, used = {p.name for p in parameters}, set(_USED_PARAMETER.findall(body))
    if declared != used:
        raise QueryError(f"{path.name}: header declares {sorted(declared)} but the query uses {sorted(used)}")
    columns = tuple(_column(line) for line in sections.get("Columns", []))
    return NamedQuery(
        path.name.removesuffix(".cypher"), " ".join(sections.get("Question", [])), parameters, columns, body, path
    )


def list_queries() -> list[NamedQuery]:
    return [
        parse_query(path) for path in sorted(QUERY_DIR.iterdir(), key=lambda p: p.name) if path.name.endswith(".cypher")
    ]


def get_query(name: str) -> NamedQuery:
    path = QUERY_DIR / f"{name}.cypher"
    if "/" in name or not path.is_file():
        raise NotFound(f"no query named {name!r} in the query library", hint="list them with 'cellkg query --list'")
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


def run_query(
    driver: Driver, name: str, params: dict[str, object], *, database: str = "neo4j"
) -> tuple[list[str], list[list]]:
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
            raise QueryError(
                f"Neo4j refused query {name!r} with {bound}: {exc.message}",
                hint="check the parameter types in the query's header (cellkg query --list)",
            ) from exc

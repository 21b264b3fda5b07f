"""GraphQL fuzzing: random operations grown from the API's own schema never get a 500.

A small grammar-based fuzzer (schemathesis is not installed): it walks the API's schema.graphql with
graphql-core, picks a root field, fills arguments with values of the right type most of the
time and hostile ones otherwise (huge or negative numbers, wrong types, odd Unicode, Cypher
fragments, entity keys that exist), selects random sub-fields down to a depth, and sometimes
breaks the syntax. Every response must be a 200 (or 400/413/422/429 for refused operations)
with a JSON body; no traceback may leak.
"""

from __future__ import annotations

import random

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLUnionType,
    build_schema,
    get_named_type,
)
from starlette.testclient import TestClient

from cellkg.api.app import create_app
from cellkg.api.export_schema import SDL_PATH
from cellkg.graph.loader import Loader
from tests.support.invariants import synthetic_results

SCHEMA = build_schema(SDL_PATH.read_text(encoding="utf-8"))
HOSTILE = [
    "",
    "' OR 1=1 //",
    "}) MATCH (n) DETACH DELETE n //",
    "\u0000",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "张明辉" * 200,
    "\\",
    "%s%n",
    "Target:cd19",
    "Institution:tsinghuauniversity",
    2**63,
    -1,
    0,
    1e308,
    True,
    None,
    [],
    {},
]
ALLOWED = {200, 400, 413, 422, 429}


class Enum(str):
    """An enum value: written bare, not quoted."""


def literal(value) -> str:
    if isinstance(value, Enum):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\x00", "\\u0000") + '"'
    if isinstance(value, list):
        return "[" + ", ".join(map(literal, value)) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {literal(v)}" for k, v in value.items()) + "}"
    return repr(value)


class Fuzzer:
    def __init__(self, rng: random.Random, keys: list[str]) -> None:
        self.rng, self.keys = rng, keys

    def value(self, gql_type, depth: int = 0):
        if self.rng.random() < 0.12:
            return self.rng.choice(HOSTILE)
        if isinstance(gql_type, GraphQLNonNull):
            return self.value(gql_type.of_type, depth)
        if isinstance(gql_type, GraphQLList):
            return [self.value(gql_type.of_type, depth + 1) for _ in range(self.rng.randrange(3))]
        if isinstance(gql_type, GraphQLEnumType):
            return Enum(self.rng.choice(list(gql_type.values)))
        if isinstance(gql_type, GraphQLInputObjectType):
            fields = list(gql_type.fields.items()) if depth < 3 else []
            return {n: self.value(f.type, depth + 1) for n, f in self.rng.sample(fields, min(len(fields), 2))}
        return self.scalar(gql_type)

    def scalar(self, scalar: GraphQLScalarType):
        name = scalar.name
        if name == "Int":
            return self.rng.choice([0, 1, 5, 20, 100, 1000, -5])
        if name == "Float":
            return self.rng.choice([0.0, 0.5, 0.99, 1.5])
        if name == "Boolean":
            return self.rng.random() < 0.5
        return self.rng.choice(self.keys + ["CAR-T", "CD19", "清华", "lymphoma", "zz"])

    def selection(self, named, depth: int) -> str:
        """Sub-fields of an object or interface (unions get __typename only), composites cut at depth 4."""
        fields = list(getattr(named, "fields", {}).items())
        picked = self.rng.sample(fields, min(len(fields), self.rng.randrange(1, 4)))
        parts = [self.field(n, f, depth + 1) for n, f in picked if depth < 4 or not is_composite(f.type)]
        return "{ __typename " + " ".join(parts) + " }"

    def field(self, name: str, field, depth: int) -> str:
        args = [f"{a}: {literal(self.value(arg.type))}" for a, arg in field.args.items() if self.rng.random() < 0.7]
        head = name + (f"({', '.join(args)})" if args else "")
        return head + (" " + self.selection(get_named_type(field.type), depth) if is_composite(field.type) else "")

    def operation(self) -> str:
        name, field = self.rng.choice(list(SCHEMA.query_type.fields.items()))
        query = "query { " + self.field(name, field, 0) + " }"
        if self.rng.random() < 0.1:  # broken syntax
            cut = self.rng.randrange(len(query))
            query = query[:cut] + self.rng.choice(["{", "}", "(", "$", "...", '"', "@skip"]) + query[cut:]
        return query


def is_composite(gql_type) -> bool:
    return isinstance(get_named_type(gql_type), (GraphQLObjectType, GraphQLInterfaceType, GraphQLUnionType))


@pytest.fixture(scope="module")
def client(settings, driver):
    results = synthetic_results(30, seed=61)
    Loader(driver).load(results)
    keys = sorted({e.key for r in results for e in r.entities})
    with TestClient(create_app(settings)) as test_client:
        yield test_client, keys


def fuzz(client, cases: int, seed: int) -> None:
    test_client, keys = client
    fuzzer = Fuzzer(random.Random(seed), keys)
    for _ in range(cases):
        query = fuzzer.operation()
        response = test_client.post("/graphql", json={"query": query})
        assert response.status_code in ALLOWED, f"{response.status_code} for {query}\n{response.text[:500]}"
        body = response.json()
        assert "Traceback" not in response.text, query
        assert "data" in body or "errors" in body or "detail" in body, query


def test_random_operations_get_no_500(client):
    fuzz(client, cases=300, seed=1)


@pytest.mark.slow
@pytest.mark.usefixtures("slow_selected")
def test_random_operations_many(client):
    fuzz(client, cases=5000, seed=2)

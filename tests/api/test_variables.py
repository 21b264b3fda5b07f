"""Variables and @include/@skip reach the look-ahead planner the way literals do (graphql-core 3.2 and 3.3)."""

from __future__ import annotations

from tests.support.api import CD19, CT19, data

NESTED = """query($n: Int!, $deep: Boolean!) {
  target(id: "Target:cd19") {
    therapies(first: 5) { node { name } evidence(first: $n) @include(if: $deep) { sentence } }
  }
}"""


def test_a_variable_sizes_a_nested_list_like_a_literal(client, graph):
    with_variable = data(client, NESTED, {"n": 1, "deep": True})
    literal = data(client, NESTED.replace("$n: Int!, ", "").replace("$n", "1"), {"deep": True})
    assert with_variable == literal
    (edge,) = with_variable["target"]["therapies"]
    assert edge["node"]["name"] == CT19.name and len(edge["evidence"]) == 1
    assert CD19.name in edge["evidence"][0]["sentence"]


def test_include_and_skip_take_their_condition_from_variables(client, graph):
    (edge,) = data(client, NESTED, {"n": 3, "deep": False})["target"]["therapies"]
    assert edge == {"node": {"name": CT19.name}}

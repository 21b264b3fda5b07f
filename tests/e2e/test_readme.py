"""README.md and docs/api.md stay true: their GraphQL examples are valid against the served schema, the
README's commands exist."""

from __future__ import annotations

import re

import pytest
from graphql import build_schema, parse, validate

from cellkg.api.export_schema import SDL_PATH
from cellkg.cli.main import build_parser
from tests.support.paths import REPO_ROOT

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
API_GUIDE = (REPO_ROOT / "docs" / "api.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("text", [README, API_GUIDE], ids=["README.md", "docs/api.md"])
def test_graphql_examples_validate_against_the_sdl(text):
    schema = build_schema(SDL_PATH.read_text(encoding="utf-8"))
    examples = re.findall(r"```graphql\n(.*?)```", text, re.S)
    assert examples
    for example in examples:
        assert validate(schema, parse(example)) == []


def test_every_cli_command_in_the_readme_exists():
    commands = set(build_parser()._subparsers._group_actions[0].choices)
    usage_lines = r"^cellkg (\w+) [^\n]*\S {3,}\S"  # "cellkg CMD ARGS   description" in the command table
    mentioned = set(re.findall(usage_lines, README, re.M))
    assert mentioned and mentioned <= commands


def test_the_two_setup_commands_are_make_targets():
    makefile = (REPO_ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("up", "down", "test"):
        assert re.search(rf"^{target}:", makefile, re.M)
    assert "make up" in README and "make test" in README

"""The word tables against the code: every id of triggers.tsv and vocabulary.tsv is asked for by the extractor
(or stands inside another row as ``{id}``), and each id is read from one table only."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from cellkg.extract.lexicon.words import TABLES, words

LEXICON = Path(__file__).resolve().parents[2] / "extract" / "lexicon"


def _rows(table: str) -> list[list[str]]:
    lines = (LEXICON / table).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def _strings_in_code() -> set[str]:
    return {
        node.value
        for path in LEXICON.parent.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }


def test_every_word_id_is_used():
    rows = [row for table in TABLES for row in _rows(table)]
    referenced = {ref for row in rows for ref in re.findall(r"\{([a-z_]+)\}", row[3])}
    assert {row[0] for row in rows} - _strings_in_code() - referenced == set()


def test_an_id_lives_in_one_table():
    ids = [{(row[0], row[2]) for row in _rows(table)} for table in TABLES]
    assert set.intersection(*ids) == set()


def test_vocabulary_rows_join_in_file_order():
    assert words("progenitor", "zh") == "NK祖细胞"
    assert words("modality", "any").startswith("CAR-T细胞|CAR-NK细胞|")

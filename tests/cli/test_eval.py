"""`cellkg eval` as a user runs it: per-type rows, the ceiling, the summary line; JSON; a clear error."""

from __future__ import annotations

import json

from tests.support.cli import run_cellkg
from tests.support.gold import SUMMARY, write_example


def test_prints_rows_by_type_and_ends_with_the_summary(tmp_path):
    write_example(tmp_path / "gold", tmp_path / "pred")
    result = run_cellkg(None, "eval", str(tmp_path / "gold"), str(tmp_path / "pred"), timeout=60)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "entities by type:" and "relations by type:" in lines
    assert "  Target             P=0.000 R=0.000 F1=0.000  (tp=0 fp=1 fn=0)" in lines
    assert any(line.startswith("relation ceiling=0.750: 3 of 4 gold relations") for line in lines)
    assert lines[-1] == SUMMARY


def test_json_has_the_shared_scorers_keys_and_the_ceiling(tmp_path):
    write_example(tmp_path / "gold", tmp_path / "pred")
    result = run_cellkg(None, "eval", str(tmp_path / "gold"), str(tmp_path / "pred"), "--json", timeout=60)
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert scores["documents"] == 2 and set(scores["per_document"]) == {"a", "b"}
    assert scores["relation"]["overall"] == {
        "tp": 2,
        "fp": 1,
        "fn": 2,
        "precision": 0.6667,
        "recall": 0.5,
        "f1": 0.5714,
    }
    assert scores["relation_ceiling"] == {"reachable": 3, "gold": 4, "share": 0.75}


def test_a_folder_without_gold_files_says_so(tmp_path):
    result = run_cellkg(None, "eval", str(tmp_path), str(tmp_path), timeout=60)
    assert result.returncode == 3
    assert "no *.gold.json files" in result.stderr and "hint" in result.stderr

"""The cellkg command line end to end, as a user runs it, against the test Neo4j."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.support.cli import run_cellkg
from tests.support.paths import EXAMPLES


def run_cli(settings, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = run_cellkg(settings, *args)
    if check and result.returncode != 0:
        raise AssertionError(f"cellkg {' '.join(args)} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
    return result


def graph_stats(settings) -> dict[str, int]:
    rows = json.loads(run_cli(settings, "stats", "--json").stdout)
    return {row["name"]: row["count"] for row in rows}


def test_ingest_stats_reingest_and_remove(settings, clean_graph, tmp_path):
    first = run_cli(settings, "ingest", str(EXAMPLES))
    assert "loaded" in first.stderr and "skipped" in first.stderr
    stats = graph_stats(settings)
    assert stats["Document"] == len(list(EXAMPLES.iterdir())) and stats.get("Therapy", 0) > 0
    again = run_cli(settings, "ingest", str(EXAMPLES))
    assert f"0 loaded, {stats['Document']} unchanged" in again.stderr
    assert graph_stats(settings) == stats
    victim = sorted(EXAMPLES.iterdir())[0]
    removed = run_cli(settings, "remove", str(victim))
    assert "removed" in removed.stderr
    assert graph_stats(settings)["Document"] == stats["Document"] - 1


def test_bad_files_are_skipped_with_their_reason(settings, clean_graph, tmp_path):
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "good.txt").write_text(
        "Professor Li Hua of Tsinghua University develops CD19 CAR-T cells for lymphoma."
    )
    result = run_cli(settings, "ingest", str(tmp_path))
    assert "1 loaded" in result.stderr and "2 skipped" in result.stderr
    assert "binary.txt" in result.stderr and "empty.txt" in result.stderr


def test_removing_an_unknown_document_says_what_to_do(settings, clean_graph):
    result = run_cli(settings, "remove", "no-such-document", check=False)
    assert result.returncode == 6
    assert "no document" in result.stderr and "hint" in result.stderr


def test_extract_writes_format_json_without_a_database(tmp_path):
    out = tmp_path / "out"
    result = run_cellkg(None, "extract", str(EXAMPLES), "--out", str(out), CELLKG_BOLT_PORT="1")  # no database
    assert result.returncode == 0, result.stderr
    files = sorted(out.glob("*.json"))
    assert len(files) == len(list(EXAMPLES.iterdir()))
    for file in files:
        doc = json.loads(file.read_text())
        assert {"doc_id", "lang", "source", "entities", "relations"} <= set(doc)
        source = Path(doc["source"])
        if source.suffix in (".txt", ".md"):  # HTML evidence is a substring of the extracted text instead
            text = source.read_text(encoding="utf-8")
            assert all(relation["evidence"] in text for relation in doc["relations"])


def test_neo4j_down_gives_a_clear_error(settings, tmp_path):
    env_settings = settings.with_overrides(bolt_port=1)
    result = run_cli(env_settings, "stats", check=False)
    assert result.returncode == 4
    assert "not reachable" in result.stderr and "cellkg neo4j start" in result.stderr


@pytest.mark.parametrize("args", [["--help"], ["ingest", "--help"], ["query", "--help"]])
def test_help_text(args):
    result = run_cellkg(None, *args, timeout=60)
    assert result.returncode == 0 and "usage: cellkg" in result.stdout

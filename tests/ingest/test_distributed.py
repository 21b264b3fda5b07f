"""Extraction on Dask (local process pool) gives what one process gives, and loads the same graph."""

from __future__ import annotations

import json
import shutil

from benchmarks.synth import write_corpus
from cellkg import extract
from cellkg.graph.db import wipe_graph
from cellkg.ingest.distributed import distributed_extract, distributed_ingest
from cellkg.ingest.stream import ingest_paths, read_and_extract_all
from tests.support.invariants import canonical_dump
from tests.support.paths import REPO_ROOT


def comparable(result) -> str:
    return json.dumps(extract.to_format_json(result), ensure_ascii=False, sort_keys=True)


def corpus(tmp_path):
    write_corpus(tmp_path, 60, seed=41, gold=False)
    (tmp_path / "docs" / "0000" / "empty.txt").write_text("  \n", encoding="utf-8")
    shutil.copy(__file__, tmp_path / "docs" / "0000" / "not_a_document.py")
    # a page of ClinicalTrials.gov records: one file, many documents
    shutil.copy(REPO_ROOT / "tests" / "data" / "records" / "ctgov" / "tcr_t_page.json", tmp_path / "docs" / "0000")
    return tmp_path / "docs"


def test_dask_extraction_equals_single_process(tmp_path):
    docs = corpus(tmp_path)
    paths = list(extract.iter_document_paths([docs]))
    single = [comparable(r) for p in paths if p.name != "empty.txt" for r in read_and_extract_all(p, 20_000_000)]
    outcomes = list(distributed_extract([docs], partition_size=16, wave=3))
    assert [o[0] for o in outcomes] == [str(p) for p in paths]  # input order kept, nothing lost
    assert [comparable(r) for o in outcomes for r in o[1]] == single
    assert [(o[2], o[0].endswith("empty.txt")) for o in outcomes if not o[1]] == [("empty", True)]


def test_dask_ingest_builds_the_single_process_graph(tmp_path, clean_graph):
    docs = corpus(tmp_path)
    single = ingest_paths(clean_graph, [docs], group_size=20)
    reference = canonical_dump(clean_graph)
    wipe_graph(clean_graph)
    spread = distributed_ingest(clean_graph, [docs], group_size=20)
    assert canonical_dump(clean_graph) == reference
    assert spread.report.documents_loaded == single.report.documents_loaded == 62  # 60 texts + a page of 2 records
    assert dict(spread.skipped).keys() == dict(single.skipped).keys() == {"empty"}

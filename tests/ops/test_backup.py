"""Backup and restore through neo4j-admin: identical graph after backup, wipe and restore; no silent overwrite."""

from __future__ import annotations

import pytest

from cellkg.core.errors import InputError
from cellkg.graph.db import wipe_graph
from cellkg.graph.loader import Loader
from cellkg.ops.backup import BackupError, backup, graph_size, restore
from tests.support.factories import BCMA, BCMA_CART, MYELOMA, make_result
from tests.support.invariants import canonical_dump

DOC = make_result(
    "BCMA CAR-T targets BCMA in multiple myeloma.",
    "backup/doc.txt",
    [(BCMA_CART, "TARGETS", BCMA), (BCMA_CART, "TREATS", MYELOMA)],
)


def test_backup_wipe_restore_gives_the_identical_graph(settings, clean_graph, tmp_path):
    Loader(clean_graph).load([DOC])
    before = canonical_dump(clean_graph)
    dump = backup(settings, tmp_path / "graph.dump", log=lambda *_: None)
    assert dump.stat().st_size > 0
    assert canonical_dump(clean_graph) == before  # the server is back and unchanged after a backup

    wipe_graph(clean_graph)
    restore(settings, dump, log=lambda *_: None)
    assert canonical_dump(clean_graph) == before


def test_restore_refuses_a_graph_that_is_not_empty_without_force(settings, clean_graph, tmp_path):
    Loader(clean_graph).load([DOC])
    dump = backup(settings, tmp_path / "graph.dump", log=lambda *_: None)
    before = canonical_dump(clean_graph)
    with pytest.raises(BackupError, match="not empty") as refused:
        restore(settings, dump, log=lambda *_: None)
    assert "--force" in (refused.value.hint or "")
    assert canonical_dump(clean_graph) == before and graph_size(settings) > 0


def test_restore_refuses_a_file_that_is_not_a_dump_before_touching_the_server(settings, clean_graph, tmp_path):
    bogus = tmp_path / "notes.dump"
    bogus.write_text("not a dump", encoding="utf-8")
    with pytest.raises(InputError, match="not a neo4j-admin dump"):
        restore(settings, bogus, force=True, log=lambda *_: None)
    with pytest.raises(InputError, match="no such dump file"):
        restore(settings, tmp_path / "missing.dump", force=True, log=lambda *_: None)

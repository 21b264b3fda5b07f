"""Constraints and indexes generated from the schema exist, and search finds both languages."""

from __future__ import annotations

from cellkg.core.schema import ENTITY_TYPES, RELATION_TYPES
from cellkg.graph.ddl import FULLTEXT_INDEX, apply_schema
from cellkg.graph.loader import Loader
from tests.support.factories import BCMA, BCMA_CART, LI_HUA, MYELOMA, TSINGHUA, make_result


def test_constraints_cover_every_key(driver):
    apply_schema(driver)  # idempotent: a second application changes nothing
    records, _, _ = driver.execute_query("SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type RETURN *")
    unique = {(r["labelsOrTypes"][0], r["properties"][0]) for r in records if "UNIQUENESS" in r["type"]}
    assert {("Entity", "key"), ("Document", "doc_id"), ("Evidence", "key")} <= unique
    assert {(label, "key") for label in ENTITY_TYPES} <= unique
    assert {(rel, "key") for rel in RELATION_TYPES} <= unique


def test_fulltext_index_finds_english_and_chinese_names(clean_graph):
    text = "清华大学李华团队研发的BCMA CAR-T细胞靶向BCMA，用于治疗多发性骨髓瘤。Tsinghua University"
    Loader(clean_graph).load(
        [
            make_result(
                text,
                "zh.txt",
                [(BCMA_CART, "TARGETS", BCMA), (BCMA_CART, "TREATS", MYELOMA), (LI_HUA, "AFFILIATED_WITH", TSINGHUA)],
                lang="zh",
            )
        ]
    )

    def search(term: str) -> list[str]:
        records, _, _ = clean_graph.execute_query(
            f"CALL db.index.fulltext.queryNodes('{FULLTEXT_INDEX}', $q) YIELD node RETURN node.name AS name", q=term
        )
        return [r["name"] for r in records]

    assert "Tsinghua University" in search("tsinghua")
    assert "Tsinghua University" in search("清华")
    assert "multiple myeloma" in search("骨髓瘤")
    assert "Li Hua" in search("李华")

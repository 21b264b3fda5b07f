"""A ChiCTR registration page (constructed in the registry's page structure; SOURCES.md)."""

from __future__ import annotations

from cellkg import extract
from tests.extract.sources.records import RECORDS, assert_provenance, entity, relations

PAGE = RECORDS / "chictr" / "ChiCTR2400000001.html"


def test_registration_fields_in_both_languages():
    [result] = extract.extract_path(PAGE)
    assert_provenance(result)
    document = result.document
    assert document.name == "ChiCTR2400000001"
    assert document.xrefs == ("CHICTR:ChiCTR2400000001",)
    assert (document.published_at, document.version) == ("2024-02-15", "2024-05-20")
    trial = entity(result, "Trial:chictr2400000001")  # the key the text extractor gives the registration number
    assert dict(trial.attributes) == {
        "phases": ("I期 Phase 1",),
        "status": "Recruiting",
        "start_date": "2024-03-01",
        "completion_date": "2026-12-31",
        "countries": ("China",),
    }
    assert "BCMA CAR-T细胞治疗复发难治性多发性骨髓瘤的I期临床研究" in trial.aliases
    hospital = "Institution:pekinguniversitypeopleshospital"
    assert {"北京大学人民医院", "Peking University People's Hospital"} <= set(entity(result, hospital).aliases)
    assert relations(result, "TESTED_IN") == {("Therapy:bcmacart", "Trial:chictr2400000001")}
    assert ("Therapy:bcmacart", "Target:tnfrsf17") in relations(result, "TARGETS")
    assert ("Trial:chictr2400000001", "Disease:multiplemyeloma") in relations(result, "STUDIES")
    assert ("Trial:chictr2400000001", "Institution:hebeiyandaludaopeihospital") in relations(result, "CONDUCTED_AT")
    assert (hospital, "Therapy:bcmacart") in relations(result, "DEVELOPS")
    leader = entity(result, "Researcher:wangxiaodong")
    assert leader.name == "Wang Xiaodong" and "王晓东" in leader.aliases
    assert relations(result, "AFFILIATED_WITH") == {("Researcher:wangxiaodong", hospital)}

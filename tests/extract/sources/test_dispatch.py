"""Dispatch by suffix and content, the folder walk, the FORMAT.md output, and bad records refused whole."""

from __future__ import annotations

import json

import pytest

from cellkg import extract
from cellkg.core.errors import InputError
from cellkg.extract.sources.sniff import sniff
from tests.extract.sources.records import RECORDS

STUDY = RECORDS / "ctgov" / "NCT06898385.json"


def test_sniffing():
    assert sniff(b'{"protocolSection": {}}', "") == "ctgov"
    assert sniff(b"<?xml version='1.0'?><PubmedArticleSet>", ".xml") == "pubmed"
    assert sniff(b"<pmc-articleset><article>", ".xml") == "pmc"
    assert sniff("<td>注册号：</td><td>ChiCTR2400000001</td>".encode(), ".html") == "chictr"
    assert sniff(b"<html><body>A news story about ChiCTR</body></html>", ".html") is None
    assert sniff(b"CAR-T news", ".txt") is None


def test_folder_walk_includes_records_and_text_documents_still_read(tmp_path):
    (tmp_path / "news.txt").write_text("Fate Therapeutics develops FT596.", encoding="utf-8")
    (tmp_path / "study.json").write_text(STUDY.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"ignored")
    paths = list(extract.iter_document_paths([tmp_path]))
    assert [p.name for p in paths] == ["news.txt", "study.json"]
    results = [r for p in paths for r in extract.extract_path(p)]
    assert [r.document.name for r in results] == ["news", "study"]


def test_api_text_is_sniffed_like_a_file():
    [from_text] = extract.extract_any_text(STUDY.read_text(encoding="utf-8"), name="NCT06898385", source="api")
    [from_file] = extract.extract_path(STUDY)
    assert from_text.document.doc_id == from_file.document.doc_id
    [plain] = extract.extract_any_text("Fate Therapeutics develops FT596.", name="n", source="api")
    assert plain.document.text == "Fate Therapeutics develops FT596."


def test_format_json_carries_record_metadata():
    [result] = extract.extract_path(STUDY)
    out = extract.to_format_json(result)
    assert out["doc_id"] == "NCT06898385"
    assert out["xrefs"] == ["CLINICALTRIALS:NCT06898385"]
    assert out["version"] == "2025-05-30"
    trial = next(e for e in out["entities"] if e["key"] == "Trial:nct06898385")
    assert trial["attributes"]["phases"] == ["PHASE1"] and trial["attributes"]["enrollment"] == 9
    assert trial["xrefs"] == ["CLINICALTRIALS:NCT06898385"]
    develops = next(r for r in out["relations"] if r["type"] == "DEVELOPS")
    assert develops["field"].startswith("protocolSection.sponsorCollaboratorsModule.")
    json.dumps(out)  # serialisable as written by cellkg extract


@pytest.mark.parametrize(
    ("name", "content", "reason", "words"),
    [
        ("truncated.json", STUDY.read_text(encoding="utf-8")[:500], "bad_record", "not valid JSON"),
        (
            "no_id.json",
            json.dumps({"protocolSection": {"identificationModule": {"briefTitle": "x"}}}),
            "bad_record",
            "NCT id",
        ),
        ("other.json", json.dumps({"name": "not a study"}), "bad_record", "protocolSection"),
        ("feed.xml", "<rss><channel><title>news</title></channel></rss>", "unrecognised_record", "neither PubMed"),
        ("cut.xml", "<PubmedArticleSet><PubmedArticle><MedlineCitation>", "bad_record", "not well-formed"),
        (
            "no_pmid.xml",
            "<PubmedArticleSet><PubmedArticle><MedlineCitation/></PubmedArticle></PubmedArticleSet>",
            "bad_record",
            "PMID",
        ),
        ("empty.json", "  \n", "empty", "empty"),
    ],
)
def test_bad_records_get_a_clear_reason(tmp_path, name, content, reason, words):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        extract.extract_path(path)
    assert caught.value.reason == reason
    assert words in caught.value.message


def test_one_bad_study_refuses_the_whole_page(tmp_path):
    page = json.loads((RECORDS / "ctgov" / "tcr_t_page.json").read_text(encoding="utf-8"))
    del page["studies"][1]["protocolSection"]["identificationModule"]["nctId"]
    path = tmp_path / "page.json"
    path.write_text(json.dumps(page), encoding="utf-8")
    with pytest.raises(InputError, match="study 2 has no valid NCT id"):
        extract.extract_path(path)


def test_too_large_a_record_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.json"
    path.write_text(STUDY.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        extract.extract_path(path, max_bytes=1000)
    assert caught.value.reason == "too_large"


def test_gold_annotation_files_beside_documents_are_no_records(tmp_path):
    (tmp_path / "a.txt").write_text("CAR-T news.", encoding="utf-8")
    (tmp_path / "a.gold.json").write_text('{"doc_id": "a", "entities": [], "relations": []}', encoding="utf-8")
    assert [p.name for p in extract.iter_document_paths([tmp_path])] == ["a.txt"]

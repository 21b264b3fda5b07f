"""ClinicalTrials.gov v2 studies (real records, tests/data/records/ctgov): fields round-trip, spans exact."""

from __future__ import annotations

import json

from cellkg import extract
from cellkg.core.model import normalise
from tests.extract.sources.records import RECORDS, assert_provenance, entity, relations

CTGOV = RECORDS / "ctgov"


def test_single_study_maps_every_listed_field():
    [result] = extract.extract_path(CTGOV / "NCT06898385.json")
    study = json.loads((CTGOV / "NCT06898385.json").read_text(encoding="utf-8"))["protocolSection"]
    assert_provenance(result)
    document = result.document
    assert document.name == "NCT06898385"  # the file stem: the scorer pairs <stem>.gold.json with <stem>.json
    assert document.source == "https://clinicaltrials.gov/study/NCT06898385"
    assert document.version == study["statusModule"]["lastUpdatePostDateStruct"]["date"]
    assert document.published_at == study["statusModule"]["studyFirstPostDateStruct"]["date"]
    assert document.xrefs == ("CLINICALTRIALS:NCT06898385",)
    assert document.text == json.dumps(
        json.loads((CTGOV / "NCT06898385.json").read_text()), ensure_ascii=False, indent=2
    )

    trial = entity(result, "Trial:nct06898385")  # the key the text extractor gives "NCT06898385"
    attributes = dict(trial.attributes)
    assert attributes["phases"] == tuple(study["designModule"]["phases"])
    assert attributes["status"] == study["statusModule"]["overallStatus"]
    assert attributes["start_date"] == study["statusModule"]["startDateStruct"]["date"]
    assert attributes["completion_date"] == study["statusModule"]["completionDateStruct"]["date"]
    assert attributes["enrollment"] == study["designModule"]["enrollmentInfo"]["count"]
    assert attributes["study_type"] == study["designModule"]["studyType"]
    assert attributes["countries"] == ("China",)
    assert {
        "NCT06898385",
        study["identificationModule"]["acronym"],
        study["identificationModule"]["briefTitle"],
    } <= set(trial.aliases)
    assert trial.xrefs == ("CLINICALTRIALS:NCT06898385",)


def test_cell_therapy_kept_and_conditioning_chemotherapy_left_out():
    [result] = extract.extract_path(CTGOV / "NCT06898385.json")
    therapies = {e.key: e for e in result.entities if e.type == "Therapy"}
    assert set(therapies) == {"Therapy:ix001"}  # fludarabine and cyclophosphamide are lymphodepletion
    assert "IX001 TCR-T injection" in therapies["Therapy:ix001"].aliases
    assert relations(result, "TESTED_IN") == {("Therapy:ix001", "Trial:nct06898385")}
    assert ("Therapy:ix001", "Target:kras") in relations(result, "TARGETS")  # from the arm's description
    assert ("Therapy:ix001", "Disease:pancreaticcancer") in relations(result, "TREATS")
    assert ("Trial:nct06898385", "Disease:pancreaticcancer") in relations(result, "STUDIES")


def test_sponsors_sites_and_investigator():
    [result] = extract.extract_path(CTGOV / "NCT06898385.json")
    sponsor, partner = "Institution:sunyatsenuniversity", "Institution:immuxellbiotechltd"
    assert {(sponsor, "Therapy:ix001"), (partner, "Therapy:ix001")} <= relations(result, "DEVELOPS")
    conducted = relations(result, "CONDUCTED_AT")
    assert {("Trial:nct06898385", sponsor), ("Trial:nct06898385", partner)} <= conducted
    assert ("Trial:nct06898385", "Institution:sunyatsenuniversitycancercenter") in conducted  # a location facility
    assert relations(result, "COLLABORATES_WITH") == {(sponsor, partner)}
    researcher = entity(result, "Researcher:liyuhong")
    assert researcher.name == "Li Yuhong"  # "Yuhong Li": pinyin family name first, as the text extractor names people
    assert relations(result, "AFFILIATED_WITH") == {("Researcher:liyuhong", sponsor)}
    develops = next(r for r in result.relations if r.type == "DEVELOPS" and r.source_key == sponsor)
    [evidence] = develops.evidence
    assert evidence.field == "protocolSection.sponsorCollaboratorsModule.leadSponsor.name"
    assert evidence.rule == "ctgov.v2:sponsorCollaboratorsModule.leadSponsor.name"
    assert evidence.sentence == "Sun Yat-sen University"


def test_mesh_terms_and_placeholder_officials():
    [result] = extract.extract_path(CTGOV / "NCT06008288.json")
    assert_provenance(result)
    # the registry's MeSH heading names the condition it derives from; it is no disease of its own
    cancer = entity(result, "Disease:pancreaticcancer")
    assert "MESH:D010190" in cancer.xrefs and "Pancreatic Neoplasms" in cancer.aliases
    assert "Disease:pancreaticneoplasms" not in {e.key for e in result.entities}
    assert ("Trial:nct06008288", "Disease:pancreaticcancer") in relations(result, "STUDIES")
    # the official named "Shanghai Allist Pharmaceuticals" is a company standing in for a person
    assert not [e for e in result.entities if e.type == "Researcher"]
    # a mutation listed among conditions is no disease
    assert "Disease:kraspg12c" not in {e.key for e in result.entities}


def test_page_and_json_lines_give_one_document_per_study_with_the_same_ids():
    page = extract.extract_path(CTGOV / "tcr_t_page.json")
    lines = extract.extract_path(CTGOV / "tcr_t_studies.jsonl")
    assert [r.document.name for r in page] == ["tcr_t_page.NCT05438667", "tcr_t_page.NCT03745326"]
    assert [r.document.doc_id for r in page] == [r.document.doc_id for r in lines]
    for result in page:
        assert_provenance(result)
    therapy = entity(page[1], "Therapy:" + normalise("anti-KRAS G12D mTCR PBL"))  # a biological of cells
    assert therapy.name == "anti-KRAS G12D mTCR PBL"
    assert {e.key for e in page[1].entities if e.type == "Therapy"} == {therapy.key}  # not aldesleukin, not chemo
    assert entity(page[0], "Therapy:tcrt").name == "TCR-T"  # "TCR-T therapy": the modality the text extractor knows


def test_escaped_characters_keep_spans_exact(tmp_path):
    study = json.loads((CTGOV / "NCT06898385.json").read_text(encoding="utf-8"))
    study["protocolSection"]["conditionsModule"]["conditions"] = ['Pancreatic "Cancer"\nstage IV']
    path = tmp_path / "escaped.json"
    path.write_text(json.dumps(study), encoding="utf-8")
    [result] = extract.extract_path(path)
    assert_provenance(result)
    studies = next(r for r in result.relations if r.type == "STUDIES")
    assert studies.evidence[0].sentence == '"Pancreatic \\"Cancer\\"\\nstage IV"'[1:-1]


def test_one_product_under_code_inn_brand_or_chinese_name_is_one_therapy(tmp_path):
    """The real study with its intervention renamed: whatever name a registry uses, the product is one node."""
    keys = set()
    for name, other in (("Tisagenlecleucel", ["CTL019"]), ("CTL019", []), ("Kymriah", ["tisa-cel"]), ("替沙仑赛", [])):
        study = json.loads((CTGOV / "NCT06898385.json").read_text(encoding="utf-8"))
        intervention = study["protocolSection"]["armsInterventionsModule"]["interventions"][0]
        intervention.update(name=name, otherNames=other)
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(study, ensure_ascii=False), encoding="utf-8")
        [result] = extract.extract_path(path)
        assert_provenance(result)
        keys |= {e.key for e in result.entities if e.type == "Therapy"}
    assert keys == {"Therapy:kymriah"}

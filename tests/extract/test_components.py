"""Rule components on our own sentences, English and Chinese, including negatives."""

from __future__ import annotations

from itertools import pairwise

import pytest

from cellkg.extract import build_pipeline, extract_text, load, to_format_json
from cellkg.extract.mentions.institutions_en import find_institutions_en
from cellkg.extract.mentions.institutions_zh import find_institutions_zh
from cellkg.extract.mentions.people import find_people_en, find_people_zh
from cellkg.extract.mentions.pinyin_names import chinese_to_pinyin
from cellkg.extract.mentions.therapies import find_therapies
from cellkg.extract.read.boilerplate import is_boilerplate
from cellkg.extract.read.sentences import split_sentences


def _names(found):
    return [(c.type, c.name) for c in found]


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Start chat", True),
        ("3) Proton therapy", True),
        ("You may like to read : Stem cells in Spain", True),
        ("• 国家级核心期刊", True),
        ("来源:某某生物", True),
        ("Gene Therapy Hospitals in Mexico", True),
        ("The team of Dr. Li reported a phase 1 trial in Shanghai.", False),
        ("研究团队开发了一种新型CAR-T细胞。", False),
    ],
)
def test_boilerplate_lines(line, expected):
    assert is_boilerplate(line) is expected


def test_sentence_split_survives_titles_and_numbers():
    text = "Prof. Wu met Dr. Lee at 3.5 p.m. vs. the plan. Then e.g. nothing.\n该疗法有效。患者缓解？是的；继续。\n"
    sentences = [s.text for s in split_sentences(text)]
    assert sentences[0] == "Prof. Wu met Dr. Lee at 3.5 p.m. vs. the plan."
    assert sentences[-4:] == ["该疗法有效。", "患者缓解？", "是的；", "继续。"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Professor LIN Qiao from the clinic", [("Researcher", "Lin Qiao")]),
        ("Qiaoling Feng and colleagues", [("Researcher", "Feng Qiaoling")]),
        ("WANG Lei1,2, ZHOU Yun2", [("Researcher", "Wang Lei"), ("Researcher", "Zhou Yun")]),
        ("Hong Kong investors bought a CAR with 4 wheels", []),
    ],
)
def test_people_en(text, expected):
    assert _names(find_people_en(text, 0, len(text))) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("某医院血液科主任王小明指出", [("Researcher", "Wang Xiaoming")]),
        ("单小红教授团队发现", [("Researcher", "Shan Xiaohong")]),
        ("黄河流域的水质监测显示", []),
    ],
)
def test_people_zh(text, expected):
    assert _names(find_people_zh(text, 0, len(text))) == expected


def test_surname_overrides_and_compounds():
    assert chinese_to_pinyin("曾小军") == "Zeng Xiaojun" and chinese_to_pinyin("欧阳文") == "Ouyang Wen"


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "She joined the Stem Cell Institute of Example Medical Center in May",
            ["Stem Cell Institute of Example Medical Center"],
        ),
        (
            "2Division of Hematology,the Second Clinical Center,Example General Hospital, Nanjing",
            ["Division of Hematology,the Second Clinical Center,Example General Hospital", "Example General Hospital"],
        ),
        ("Natural Science Foundation funded it", []),
    ],
)
def test_institutions_en(text, expected):
    assert [c.text for c in find_institutions_en(text, 0, len(text))] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("江南理工大学与东海再生医学研究院联合团队宣布", ["江南理工大学", "东海再生医学研究院"]),
        ("团队与国内多家三甲医院合作", []),
    ],
)
def test_institutions_zh(text, expected):
    assert [c.text for c in find_institutions_zh(text, 0, len(text))] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("an anti-CD70 CAR-T product", ["CD70 CAR-T"]),
        ("ROR1-targeted CAR-NK cells", ["ROR1 CAR-NK"]),
        ("靶向CLDN18.2 CAR-T治疗胃癌", ["CLDN18.2 CAR-T"]),
        ("cord blood-derived NK cells", ["cord blood-derived NK cells"]),
        ("The car dealer sold a CAR with 4 wheels", []),
    ],
)
def test_therapies(text, expected):
    assert [c.name for c in find_therapies(text, 0, len(text))] == expected


def test_the_shared_pipeline_is_built_once():
    assert build_pipeline("en") is build_pipeline("en")
    assert build_pipeline("zh").pipe_names[-1] == "cellkg_annotate"


def test_spacy_user_path_pipe_gives_ents_spans_and_relations():
    nlp = load("en")
    texts = [
        "Velora Therapeutics developed VX-512, a CD19 CAR-T product for multiple myeloma.",
        "Professor GAO Ning of Quillmont University presented the data.",
    ]
    first, second = nlp.pipe(texts)
    ents = {(e.text, e.label_, e.kb_id_) for e in first.ents}
    assert ("Velora Therapeutics", "Institution", "Institution:veloratherapeutics") in ents
    assert ("multiple myeloma", "Disease", "Disease:multiplemyeloma") in ents
    assert all(a.end <= b.start for a, b in pairwise(first.ents))  # doc.ents never overlap
    # the span group keeps every mention, nested ones too: the target inside the composed therapy
    assert {"CD19 CAR-T", "CD19"} <= {s.text for s in first.spans["cellkg"]}
    relations = {(r.type, r.source_key, r.target_key) for r in first._.relations}
    assert ("DEVELOPS", "Institution:veloratherapeutics", "Therapy:vx512") in relations
    assert [e.label_ for e in second.ents] == ["Researcher", "Institution"]
    assert second._.relations[0].evidence[0].rule == "en.aff.of_pattern"


def test_chinese_pipeline_marks_entities_on_characters():
    doc = load("zh")("青川大学首席科学家高宁介绍了这项成果。")
    assert [(e.text, e.label_) for e in doc.ents] == [("青川大学", "Institution"), ("高宁", "Researcher")]


def _relations(result):
    data = to_format_json(result)
    names = {e["id"]: e["name"] for e in data["entities"]}
    return {(r["type"], names[r["source"]], names[r["target"]]) for r in data["relations"]}, data


def test_end_to_end_english():
    text = (
        "Engineered cells for lymphoma\n\nProfessor WEI Lan of the Immunotherapy Center of Riverside University "
        "Hospital said her team developed a CD22 CAR-T for B-cell lymphoma. The therapy may enter a phase 1 trial.\n"
    )
    relations, data = _relations(extract_text(text, name="t1"))
    assert ("AFFILIATED_WITH", "Wei Lan", "Immunotherapy Center of Riverside University Hospital") in relations
    assert ("TARGETS", "CD22 CAR-T", "CD22") in relations
    assert ("TREATS", "CD22 CAR-T", "B-cell lymphoma") in relations
    for rel in data["relations"]:
        assert text[rel["char_start"] : rel["char_end"]] == rel["evidence"]
    for entity in data["entities"]:
        assert all(text[s:e] for s, e in entity["mentions"])


def test_end_to_end_chinese_negation_and_hedging():
    text = (
        "新药研究\n江南医学研究院首席科学家周明指出，该院开发的靶向BCMA的CAR-T细胞有望治疗多发性骨髓瘤。"
        "该疗法未用于实体瘤。\n"
    )
    relations, data = _relations(extract_text(text, name="t2"))
    assert ("AFFILIATED_WITH", "Zhou Ming", "江南医学研究院") in relations
    assert ("TREATS", "BCMA CAR-T", "multiple myeloma") in relations
    by_target = {
        names: r
        for r in data["relations"]
        if r["type"] == "TREATS"
        for names in [next(e["name"] for e in data["entities"] if e["id"] == r["target"])]
    }
    assert by_target["multiple myeloma"]["hedged"] and by_target["solid tumors"]["negated"] and data["lang"] == "zh"


def _extracted(text):
    data = to_format_json(extract_text(text))
    names = {e["id"]: e["name"] for e in data["entities"]}
    return {(r["type"], names[r["source"]], names[r["target"]]) for r in data["relations"]}, data


def test_trial_descriptions_join_their_registry_id():
    text = (
        "Acme Therapeutics doses first patient\n\nAcme Therapeutics said the ORCHID-2 study (NCT01234567), "
        "a phase 2 trial, tests AB-101 in patients with multiple myeloma. The trial is run at Lakeside Hospital.\n"
    )
    relations, data = _extracted(text)
    trials = [e for e in data["entities"] if e["type"] == "Trial"]
    assert len(trials) == 1 and {"ORCHID-2", "NCT01234567", "phase 2 trial"} <= set(trials[0]["aliases"])
    assert ("CONDUCTED_AT", trials[0]["name"], "Lakeside Hospital") in relations


def test_generic_clinical_trials_are_not_a_trial():
    _, data = _extracted("CAR-T cells have been tested in many clinical trials of lymphoma in several countries.\n")
    assert not [e for e in data["entities"] if e["type"] == "Trial"]


def test_negated_links_are_not_relations():
    relations, _ = _extracted(
        "Cell review\n\nKymriah is not approved for multiple myeloma, and it does not target BCMA.\n"
    )
    assert not {r for r in relations if r[0] in ("TREATS", "TARGETS")}


def test_passive_developer_and_appositive_product():
    relations, _ = _extracted(
        "News\n\nRegulators approved AB-101, a ROR1-directed CAR-T therapy developed by Acme Bio, "
        "for adults with mantle cell lymphoma.\n"
    )
    assert ("DEVELOPS", "Acme Bio", "AB-101") in relations
    assert ("TREATS", "AB-101", "mantle cell lymphoma") in relations
    assert ("TARGETS", "AB-101", "ROR1") in relations


def test_list_sentence_inherits_the_disease_of_the_previous_sentence():
    relations, _ = _extracted(
        "Review\n\nSeveral approaches are being tested against solid tumors. "
        "These include TCR-T cells and CAR-macrophages.\n"
    )
    assert {("TREATS", "TCR-T", "solid tumors"), ("TREATS", "CAR-M", "solid tumors")} <= relations


def test_chinese_department_and_hospital_anaphor():
    text = "新闻\n\n东湖医院血液科开展了一项研究。该院血液科主任周明教授介绍，这款CAR-T由医院与某某生物公司联合研发。\n"
    relations, data = _extracted(text)
    assert ("AFFILIATED_WITH", "Zhou Ming", "东湖医院血液科") in relations
    assert ("AFFILIATED_WITH", "Zhou Ming", "东湖医院") in relations


@pytest.mark.parametrize("text", ["Yang Guang Road was closed", "ALL PATIENTS WERE TREATED", "Allogeneic CD70 CAR-T"])
def test_no_false_people_or_diseases(text):
    _, data = _extracted(text + "\n\n" + text + ".\n")
    assert not [e for e in data["entities"] if e["type"] in ("Researcher", "Disease")]

"""Words and lexicon rows added for text nobody tuned for (issue 10, extractor 0.9.0), each on an example of
our own: a vocabulary row or lexicon entry finds its entity, with the name and type the entry gives."""

from __future__ import annotations

import pytest

from cellkg.extract import extract_text
from cellkg.extract.read.sentences import split_sentences

EXAMPLES = [
    # vocabulary.tsv: org_head_first, parent_link; trial_kind, named_trial
    ("en", "Patients were treated at Universität Quellstadt last spring.", "Institution", "Universität Quellstadt"),
    ("zh", "青川控股集团旗下青川生物科技有限公司发布了新产品。", "Institution", "青川生物科技有限公司"),
    ("zh", "青川控股集团旗下青川生物科技有限公司发布了新产品。", "Institution", "青川控股集团"),
    (
        "en",
        "In a first-of-its-kind clinical trial, VX-512 cells were infused.",
        "Trial",
        "first-of-its-kind clinical trial",
    ),
    ("zh", "一项发表在《青川医学杂志》上的研究显示该疗法有效。", "Trial", "一项发表在《青川医学杂志》上的研究"),
    ("zh", "青川医院开展的CAR-T细胞单臂临床研究入组了20例患者。", "Trial", "单臂临床研究"),
    # trials.py: a product code with 注射液 before 临床试验
    ("zh", "青川生物的QC301注射液临床试验申请获批。", "Trial", "QC301注射液临床试验"),
    # institutions_en.py: a numbered unit; a lexicon name kept whole before a centre named after it
    ("en", "She works in Department of Medicine 3 at Quillmont University.", "Institution", "Department of Medicine 3"),
    (
        "en",
        "Dosing began at the University of California, Los Angeles (UCLA) Quill Cancer Center in May.",
        "Institution",
        "Quill Cancer Center",
    ),
    # therapies.tsv, institutions.tsv, diseases.tsv
    ("en", "Velora Bio makes an in vivo CAR-T product for lupus.", "Therapy", "in vivo CAR-T"),
    ("zh", "青川生物开发的体内CAR-T疗法进入临床。", "Therapy", "in vivo CAR-T"),
    ("en", "Samples went to UC San Diego for sequencing.", "Institution", "University of California, San Diego"),
    ("en", "The UCSF team infused the cells.", "Institution", "University of California, San Francisco"),
    ("zh", "CAR-T细胞疗法用于治疗急性白血病。", "Disease", "acute leukemia"),
    ("zh", "CAR-T细胞疗法用于治疗血液系统肿瘤。", "Disease", "hematological malignancies"),
    ("zh", "CAR-NK细胞疗法用于治疗B系肿瘤。", "Disease", "B-cell malignancies"),
]


@pytest.mark.parametrize(("lang", "text", "type_", "name"), EXAMPLES)
def test_word_finds_its_entity(lang, text, type_, name):
    result = extract_text(text, lang=lang)
    assert (type_, name) in {(e.type, e.name) for e in result.entities}, result.entities


def test_a_department_keeps_its_short_name():
    result = extract_text("青川医院血液科收治了首例患者。", lang="zh")
    unit = next(e for e in result.entities if e.name == "青川医院血液科")
    assert "血液科" in unit.aliases


def test_the_value_of_a_field_is_content():
    text = "Overview\nA study of cells in lupus.\nCollaborator:\nQuillmont General Hospital\n"
    assert "Quillmont General Hospital" in [s.text for s in split_sentences(text)]

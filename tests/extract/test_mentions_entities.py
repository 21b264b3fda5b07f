"""Entities on our own sentences: every named target, people without title cues, titles never names, surnames
joined to the full name, institutions under former names, bare units and generic heads dropped, headline
company names, trials named by code or in apposition. Each case has a negative beside it."""

from __future__ import annotations

import pytest

from cellkg.extract import extract_text


def _entities(text: str, lang: str | None = None) -> dict[tuple[str, str], set[str]]:
    return {(e.type, e.name): set(e.aliases) for e in extract_text(text, lang=lang).entities}


def _named(text: str, type_: str, lang: str | None = None) -> set[str]:
    return {name for t, name in _entities(text, lang) if t == type_}


@pytest.mark.parametrize(
    "text, lang, targets",
    [
        ("Researchers engineered CARs for CD19 and tested them in mice.", "en", {"CD19"}),
        ("The anti-BCMA construct was active in myeloma cells.", "en", {"BCMA"}),
        ("A CD19×BCMA bispecific product was compared with a CD19/CD22 CAR-T.", "en", {"CD19", "BCMA", "CD22"}),
        ("研究团队开发了靶向CD19的细胞产品，并在小鼠中测试。", "zh", {"CD19"}),
        ("The NK cells were engineered to secrete IL-15 after infusion.", "en", {"IL-15"}),
        ("The cells were expanded with IL-2 before infusion.", "en", set()),  # a culture additive
        ("NK cells can be given across HLA barriers and need no HLA matching.", "en", set()),
        ("Patients had progressed after PD-1 blockade.", "en", set()),
    ],
)
def test_every_named_target_whether_related_or_not(text, lang, targets):
    assert _named(text, "Target", lang) == targets


@pytest.mark.parametrize(
    "text, lang, people",
    [
        ('"The cells persisted," said Mara Linden, who led the work.', "en", {"Mara Linden"}),
        ("The study was led by Oskar Brandt at the institute.", "en", {"Oskar Brandt"}),
        ("Velora Bio chief executive Hana Okoye spoke first.", "en", {"Hana Okoye"}),
        ("Tove Lindqvist, Velora Bio's co-founder, said the data were strong.", "en", {"Tove Lindqvist"}),
        ("MILAN — Professor Elena Varga, head of the unit, presented the data.", "en", {"Elena Varga"}),
        ("Dr. Mara Linden showed the slides. Later Dr. Linden took questions.", "en", {"Mara Linden"}),
        ("Shares rose, according to Boston-based Velora.", "en", set()),
        ("Cell notes\nM. K. Linden1, O. Brandt2, T. Okoye1\n1 Quillmont University", "en", {"M. K. Linden"}),
        ("Cell notes\nLiang Wen LI ; Hua CHEN ; Jun ZHOU", "en", set()),  # a tag line: not read as content
        ("Cell notes\nKen-ichiro Sato 1,2, Mara Linden 2\n1 Quillmont University", "en", {"Ken-ichiro Sato"}),
        ("They met in New York, San Francisco and Los Angeles.", "en", set()),
        ("由王伟团队完成的研究显示，青川大学刘洋团队也参与其中。", "zh", {"Wang Wei", "Liu Yang"}),
        ("张伟、李娜等人完成了实验。", "zh", {"Zhang Wei", "Li Na"}),
        ("该项目由王立明牵头完成。", "zh", {"Wang Liming"}),
        ("论文第一作者为动物研究所博士后陈雪。", "zh", {"Chen Xue"}),
        ("美国宾夕法尼亚大学的米歇尔·萨德兰教授是该领域的先驱。", "zh", {"米歇尔·萨德兰"}),
        ("细胞疗法的进展\n张伟1，李娜2，陈晓东1\n1 青川大学医学院", "zh", {"Zhang Wei", "Li Na", "Chen Xiaodong"}),
        ("南京、武汉、成都三地开展了研究。", "zh", set()),
    ],
)
def test_people_from_context_not_only_titles(text, lang, people):
    assert people <= _named(text, "Researcher", lang)
    if not people:
        assert not _named(text, "Researcher", lang)


def test_no_researcher_is_a_title_and_chinese_forms_stay_aliases():
    found = _entities("Prof. Linden and Dr. Mara Linden met. 陈雪博士表示，结果良好。", "zh")
    people = {name: aliases for (t, name), aliases in found.items() if t == "Researcher"}
    assert not {"Dr", "Prof", "Professor", "Linden"} & set(people)
    assert "陈雪" in people["Chen Xue"]


@pytest.mark.parametrize(
    "text, lang, present, absent",
    [
        (
            "第四军医大学的研究人员报告了结果。空军军医大学位于西安。",
            "zh",
            {"Air Force Medical University"},
            {"第四军医大学"},
        ),
        ("The Department of Hematology enrolled twelve patients.", "en", set(), {"Department of Hematology"}),
        (
            "She heads the Cellular Therapy Unit at Quillmont University Hospital.",
            "en",
            {"Cellular Therapy Unit", "Quillmont University Hospital"},
            set(),
        ),
        ("The Affiliated Hospital opened a ward.", "en", set(), {"Affiliated Hospital"}),
        ("附属医院开展了该研究。公司的子公司也参与了。", "zh", set(), {"附属医院", "子公司"}),
        ("据青川大学附属第一医院介绍，治疗顺利。", "zh", {"青川大学附属第一医院"}, {"据青川大学附属第一医院"}),
        ("Investors Cheer As Velora Therapeutics Raises $50 Million", "en", {"Velora Therapeutics"}, set()),
        (
            "Transplant Center of the First Hospital and Innovation Center for Cell Medicine, Quillmont",
            "en",
            {"Innovation Center for Cell Medicine"},
            set(),
        ),
        (
            "The Pregon (Suzhou) Biotechnology Company, Ltd. sponsors it.",
            "en",
            {"Pregon (Suzhou) Biotechnology Company"},
            set(),
        ),
        (
            "It was made at the Center for iPS Cell Research of Quillmont University.",
            "en",
            {"Quillmont University"},
            set(),
        ),
        (
            "She works at the Vall d'Oro Institute of Oncology in Spain.",
            "en",
            {"Vall d'Oro Institute of Oncology"},
            set(),
        ),
        (
            "青川省科学院细胞研究所王伟研究员团队发表论文。第一作者为细胞研究所博士后张伟。",
            "zh",
            {"青川省科学院细胞研究所"},
            {"细胞研究所"},
        ),
    ],
)
def test_institution_names(text, lang, present, absent):
    found = _named(text, "Institution", lang)
    assert present <= found
    assert not absent & found


@pytest.mark.parametrize(
    "text, lang, trials",
    [
        ("The approval rests on a pivotal phase 2 study (VX-512-201) in adults.", "en", {"VX-512-201"}),
        ("Dosing began in Orcalis-2, the first clinical trial of VX-512 in lupus.", "en", {"Orcalis-2"}),
        ("Velora Bio reported Zentra-1, an update on its VX-512 product.", "en", set()),
        (
            "All patients in the phase one ZORA CAR-T cell clinical trial were dosed.",
            "en",
            {"phase one ZORA CAR-T cell clinical trial"},
        ),
        ("The Phase 1/2 ORCA-7 trial enrolled adults.", "en", {"ORCA-7"}),  # the acronym stays the trial's name
        ("该疗法的Ⅱ期试验显示疾病控制率良好。", "zh", {"Ⅱ期试验"}),
        (
            "2021年一项靶向CD7的细胞疗法治疗白血病的临床研究显示疗效良好。",
            "zh",
            {"2021年一项靶向CD7的细胞疗法治疗白血病的临床研究"},
        ),
        ("青川医院启动了第三代CAR-NK临床试验。", "zh", {"第三代CAR-NK临床试验"}),
        ("研究团队开展了一项临床研究。", "zh", set()),
        ("The First-In-Human Phase 1 Trial of VX-512 began.", "en", {"First-In-Human Phase 1 Trial"}),
    ],
)
def test_trials(text, lang, trials):
    assert _named(text, "Trial", lang) == trials


@pytest.mark.parametrize(
    "text, lang, therapies",
    [
        ("The anti-CD19 UCAR-T cells were infused.", "en", {"CD19 UCAR-T"}),
        ("研究者开发了靶向CD19的嵌合抗原受体(CAR)-T细胞。", "zh", {"CD19 CAR-T"}),
        ("The lab built a ZKR4 CAR-T product for glioma.", "en", {"ZKR4 CAR-T"}),
        ("Patients received QX001 TCR-T cells.", "en", {"QX001", "TCR-T"}),  # a product code, not a target
        ("Velora Bio said its VX-512 showed activity in lupus.", "en", {"VX-512"}),  # the company's own product
        ("Velora Bio said VX-512 showed activity in lupus.", "en", set()),  # a bare code: no product cue
        ("Patients with DLBCL CAR-T relapse were studied.", "en", {"CAR-T"}),  # a disease, not a target
        ("The CAR-T product Orvane-08 was infused into the first patient.", "en", {"CAR-T", "Orvane-08"}),
    ],
)
def test_therapies_named_by_symbol_or_code(text, lang, therapies):
    assert _named(text, "Therapy", lang) == therapies


@pytest.mark.parametrize(
    "text",
    [
        "The trial met its end point. (Funded by Orvane; KESTREL-3 ClinicalTrials.gov number, NCT09876543.)",
        "The KESTREL-3 study (NCT09876543) met its end point. KESTREL-3 enrolled 40 adults.",
    ],
)
def test_a_registered_trial_is_keyed_by_its_number_and_keeps_its_acronym(text):
    [trial] = [e for e in extract_text(text, lang="en").entities if e.type == "Trial"]
    # keyed by the number, so the registry's own record of it is the same node
    assert trial.key == "Trial:nct09876543" and {"KESTREL-3", "NCT09876543"} <= set(trial.aliases)
    assert "Trials" not in trial.aliases  # "ClinicalTrials.gov" names no trial

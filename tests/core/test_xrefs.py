"""CURIEs checked and expanded against the Bioregistry data installed with the package."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from cellkg.core.xrefs import PROJECT_PREFIXES, Xref, make_curie, parse_curie


@pytest.mark.parametrize(
    ("curie", "expected"),
    [
        (
            "HGNC:1633",
            Xref("HGNC", "1633", "HGNC:1633", "https://www.genenames.org/data/gene-symbol-report/#!/hgnc_id/1633"),
        ),
        ("mondo:0009693", Xref("MONDO", "0009693", "MONDO:0009693", "http://purl.obolibrary.org/obo/MONDO_0009693")),
        ("ror:03yrm5c26", Xref("ROR", "03yrm5c26", "ROR:03yrm5c26", "https://ror.org/03yrm5c26")),
        (
            "NCT:NCT04381741",
            Xref(
                "CLINICALTRIALS",
                "NCT04381741",
                "CLINICALTRIALS:NCT04381741",
                "https://www.clinicaltrials.gov/study/NCT04381741",
            ),
        ),
        ("PMID:31433571", Xref("PUBMED", "31433571", "PUBMED:31433571", "https://bioregistry.io/pubmed:31433571")),
        (
            "doi:10.1056/NEJMoa1709866",
            Xref("DOI", "10.1056/NEJMoa1709866", "DOI:10.1056/NEJMoa1709866", "https://doi.org/10.1056/NEJMoa1709866"),
        ),
    ],
)
def test_parse_curie_gives_preferred_spelling_and_url(curie: str, expected: Xref) -> None:
    assert parse_curie(curie) == expected


@pytest.mark.parametrize(
    ("prefix", "local", "curie"),
    [
        ("clinicaltrials", "NCT04381741", "CLINICALTRIALS:NCT04381741"),
        ("chictr", "ChiCTR-OIC-17011310", "CHICTR:ChiCTR-OIC-17011310"),
        ("chictr", "ChiCTR2300070727", "CHICTR:ChiCTR2300070727"),
        ("euclinicaltrials", "2008-005144-16", "EUCLINICALTRIALS:2008-005144-16"),
        ("jrct", "jRCT2031210187", "JRCT:jRCT2031210187"),
        ("isrctn", "ISRCTN10175490", "ISRCTN:ISRCTN10175490"),
        ("pmc", "PMC3084216", "PMC:PMC3084216"),
        ("orcid", "0000-0003-4423-4370", "ORCID:0000-0003-4423-4370"),
        ("hgnc", "HGNC:11913", "HGNC:11913"),  # HGNC writes its ids with the prefix inside
        ("DOID", "9538", "DOID:9538"),
    ],
)
def test_make_curie(prefix: str, local: str, curie: str) -> None:
    assert make_curie(prefix, local) == curie


@pytest.mark.parametrize(
    ("curie", "reason"),
    [
        ("HGNC:CD19", "not a valid HGNC id"),
        ("MONDO:9693", "not a valid MONDO id"),
        ("NCT:nct04381741", "not a valid CLINICALTRIALS id"),
        ("ROR:https://ror.org/03yrm5c26", "not a valid ROR id"),
        ("GENBANK:X1", "unknown identifier prefix"),
        ("HGNC1633", "not a CURIE"),
        ("HGNC:", "not a CURIE"),
    ],
)
def test_bad_curies_get_a_clear_error(curie: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_curie(curie)


def test_every_project_prefix_has_a_pattern_and_url() -> None:
    examples = {
        "hgnc": "1633", "mondo": "0009693", "doid": "9538", "mesh": "D009101", "ror": "03yrm5c26",
        "orcid": "0000-0003-4423-4370",
        "clinicaltrials": "NCT04381741", "chictr": "ChiCTR2300070727", "euclinicaltrials": "2008-005144-16",
        "ctis": "2023-503698-40-00", "jrct": "jRCT2031210187", "isrctn": "ISRCTN10175490", "pubmed": "31433571",
        "pmc": "PMC3084216", "doi": "10.1056/NEJMoa1709866",
    }  # fmt: skip
    assert set(examples) == set(PROJECT_PREFIXES)
    for prefix, local in examples.items():
        xref = parse_curie(make_curie(prefix, local))
        assert xref.id == local and xref.url.startswith("http") and local in xref.url


def test_works_without_a_writable_home(tmp_path) -> None:
    """bioregistry's helper pystow makes folders in the home on import; a read-only home is no error."""
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYSTOW_")} | {"HOME": str(not_a_folder / "home")}
    script = "from cellkg.core.xrefs import parse_curie; print(parse_curie('hgnc:1633').curie)"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "HGNC:1633"


def test_works_without_network() -> None:
    """A fresh process with every socket connection refused still loads the registry and checks ids."""
    script = textwrap.dedent(
        """
        import socket

        def refuse(*args, **kwargs):
            raise AssertionError("network access attempted")

        socket.socket.connect = refuse
        socket.create_connection = refuse
        from cellkg.core.xrefs import parse_curie
        print(parse_curie("hgnc:1633").curie, parse_curie("NCT:NCT04381741").url)
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["HGNC:1633", "https://www.clinicaltrials.gov/study/NCT04381741"]

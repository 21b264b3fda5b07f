"""How cost grows with corpus size: end-to-end docs/s, loader-only docs/s, bulk import, peak memory.

Each (mode, size) runs in a fresh subprocess, so ru_maxrss is that run's own peak. Modes:
``ingest``  synthetic files → extract → graph.ingest (one process);
``dask``    the same with extraction on a local Dask process pool (graph.distributed);
``load``    synthetic ExtractionResults → Loader (no extraction, no files);
``bulk``    synthetic files → extract → CSV → neo4j-admin import (graph.bulk).
Linear growth shows as a flat µs/doc column. Prints figures; not a test.

    .venv/bin/python -m benchmarks.bench_scale --sizes 1000 10000 --modes ingest load bulk
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.bench_server import Clock, bench_driver, bench_settings, peak_rss_mb
from benchmarks.synth import load_corpus, write_corpus
from cellkg.graph.db import wipe_graph

GROUP = 200


def run_one(mode: str, docs: int, seed: int) -> dict:
    settings = bench_settings()
    with tempfile.TemporaryDirectory() as tmp, bench_driver(settings) as driver:
        if mode != "load":
            write_corpus(Path(tmp), docs, seed, gold=False)
        wipe_graph(driver)
        with Clock() as clock:
            loaded = _run_mode(mode, driver, settings, Path(tmp) / "docs", docs, seed)
    return {"mode": mode, "docs": docs, "loaded": loaded, "seconds": clock.seconds, "peak_rss_mb": peak_rss_mb()}


def _run_mode(mode: str, driver, settings, folder: Path, docs: int, seed: int) -> int:
    if mode == "ingest":
        from cellkg.ingest.stream import ingest_paths

        return ingest_paths(driver, [folder], group_size=GROUP).report.documents_loaded
    if mode == "dask":
        from cellkg.ingest.distributed import distributed_ingest

        return distributed_ingest(driver, [folder], group_size=GROUP).report.documents_loaded
    if mode == "load":
        return load_corpus(settings, docs, seed, group=GROUP).documents_loaded
    from cellkg.ops.bulk import bulk_import

    driver.close()  # the import stops the server under us
    return bulk_import(sorted(folder.rglob("*.txt")), settings).documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument(
        "--modes", nargs="+", default=["ingest", "load", "bulk"], choices=["ingest", "dask", "load", "bulk"]
    )
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--one", nargs=2, metavar=("MODE", "DOCS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one[0], int(args.one[1]), args.seed)))
        return
    print(f"{'mode':>7} {'docs':>8} {'seconds':>9} {'docs/s':>8} {'µs/doc':>8} {'peak MB':>8}")
    for mode in args.modes:
        for size in args.sizes:
            cmd = [sys.executable, "-m", "benchmarks.bench_scale", "--seed", str(args.seed), "--one", mode, str(size)]
            out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
            r = json.loads(out)
            print(
                f"{mode:>7} {r['loaded']:>8} {r['seconds']:>9.1f} {r['loaded'] / r['seconds']:>8.0f} "
                f"{1e6 * r['seconds'] / r['docs']:>8.0f} {r['peak_rss_mb']:>8.0f}",
                flush=True,
            )


if __name__ == "__main__":
    main()

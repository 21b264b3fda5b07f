"""Benchmark the GraphQL API on a synthetic graph of >= 100k entities.

    .venv/bin/python benchmarks/bench_api.py [--entities 100000] [--requests 300] [--clients 8] [--no-npm]

The graph is built by the real cellkg.graph.loader.Loader from synthesised ExtractionResults (so it
has exactly the production model: mentions, evidence, aggregate confidence, the full-text index),
on the benchmark's own Neo4j (state .cellkg/bench, Bolt 58687, HTTP 58474 unless
CELLKG_BENCH_BOLT_PORT / CELLKG_BENCH_HTTP_PORT say otherwise). The API runs in a uvicorn
subprocess on loopback; threads with httpx clients drive the scenarios and the script prints
p50/p99 latency and throughput. With node/npm present (and ``npm install`` done in
benchmarks/neo4j_graphql) the same scenarios (without evidence lookups, which @neo4j/graphql
cannot express as relationships) also run against @neo4j/graphql on the same Neo4j, and the
ratio is printed; the last line is ``min_ratio=<smallest throughput ratio>``. Every process the
script starts (Neo4j, unless it was already running; the API; the Node server) is stopped on
the way out, after an error, Ctrl-C or SIGTERM too. Figures only: this is not a test.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, closing, contextmanager
from pathlib import Path

import httpx

from cellkg.core.model import DocumentRecord, Entity, Evidence, ExtractionResult, Mention, Relation, short_hash
from cellkg.core.schema import check_label
from cellkg.core.settings import Settings, load_settings
from cellkg.graph.db import open_driver, wipe_graph
from cellkg.graph.ddl import apply_schema
from cellkg.graph.loader import Loader
from cellkg.ops import api_server
from cellkg.ops.neo4j_server import Neo4jServer

REPO_ROOT = Path(__file__).resolve().parents[1]
NPM_DIR = Path(__file__).resolve().parent / "neo4j_graphql"

# ---------------------------------------------------------------- synthetic graph (real Loader)

ENTITIES_PER_DOC = 40  # unique therapies, researchers and trials per document
POOL_FRACTION = 0.12  # targets, institutions and diseases: shared pools (hubs) of this share each


def _doc_result(i: int, pools: int, rnd: random.Random) -> ExtractionResult:
    """Document ``i``: 14 therapies, 13 researchers, 13 trials of its own, plus shared targets,
    institutions and diseases, one sentence of evidence per relation; every fourth in Chinese."""
    zh = i % 4 == 0
    therapies = [Entity("Therapy", f"TX-{i:05d}-{j:02d}", (f"疗法{i}-{j}",) if zh else ()) for j in range(14)]
    people = [Entity("Researcher", f"Researcher R{i:05d}x{j:02d}") for j in range(13)]
    trials = [Entity("Trial", f"NCT{i:05d}{j:03d}") for j in range(13)]

    def pool(kind: str, zh_word: str) -> Entity:
        k = int(rnd.paretovariate(1.2)) % pools  # a few hubs, a long tail
        return Entity(kind, f"{kind[:2].upper()}-{k:05d}", (f"{zh_word}{k}",))

    claims, sentences = [], []
    for j, therapy in enumerate(therapies):
        target, disease, site = pool("Target", "靶点"), pool("Disease", "疾病"), pool("Institution", "研究院")
        person, trial = people[j % 13], trials[j % 13]
        facts = [
            ("DEVELOPS", person, therapy),
            ("AFFILIATED_WITH", person, site),
            ("TARGETS", therapy, target),
            ("TREATS", therapy, disease),
            ("TESTED_IN", therapy, trial),
            ("CONDUCTED_AT", trial, site),
            ("STUDIES", trial, disease),
        ]
        for rel, subject, obj in facts:
            if zh:
                first = subject.aliases[0] if subject.aliases else subject.name
                second = obj.aliases[0] if obj.aliases else obj.name
                sentence = f"{first}与{second}存在{rel}关系。"
            else:
                sentence = f"{subject.name} {rel.lower().replace('_', ' ')} {obj.name}."
            claims.append((rel, subject, obj, sentence))
            sentences.append(sentence)
    text = " ".join(sentences)
    doc = DocumentRecord(
        doc_id=short_hash("bench", i),
        name=f"bench-{i:05d}",
        source=f"bench://{i}",
        title=f"Synthetic report {i}",
        lang="zh" if zh else "en",
        text=text,
    )
    entities, relations, offset = {}, [], 0
    for rel, subject, obj, sentence in claims:
        start = text.index(sentence, offset)
        offset = start
        entities.update({subject.key: subject, obj.key: obj})
        evidence = Evidence(
            doc.doc_id,
            sentence,
            start,
            start + len(sentence),
            f"bench.{rel.lower()}",
            "1",
            0.5 + 0.5 * rnd.random(),
            lang=doc.lang,
            source=doc.source,
        )
        relations.append(Relation(rel, subject.key, obj.key, (evidence,)))
    mentions = []
    for entity in entities.values():
        surface = next(s for s in (entity.name, *entity.aliases) if s in text)
        start = text.index(surface)
        mentions.append(Mention(entity.key, doc.doc_id, start, start + len(surface), surface, "bench"))
    return ExtractionResult(doc, tuple(entities.values()), tuple(mentions), tuple(relations), "bench-1")


def entity_count(driver) -> int:
    records, _, _ = driver.execute_query("MATCH (n:Entity) RETURN count(n) AS n")
    return records[0]["n"]


def build_graph(settings, entities: int, reuse: bool) -> None:
    """Wipe and load ceil(entities / 40) synthetic documents (plus shared pools) through the Loader."""
    docs = -(-entities // ENTITIES_PER_DOC)
    pools = max(10, int(entities * POOL_FRACTION / 3))
    with closing(open_driver(settings)) as driver:
        apply_schema(driver, settings.neo4j_database)
        if reuse and entity_count(driver) >= entities:
            print(f"reusing the graph: {entity_count(driver)} entities", flush=True)
            return
        wipe_graph(driver)
        rnd, loader, started = random.Random(1), Loader(driver, settings.neo4j_database), time.perf_counter()
        for first in range(0, docs, 100):
            loader.load([_doc_result(i, pools, rnd) for i in range(first, min(docs, first + 100))])
        driver.execute_query("CALL db.awaitIndexes(600)")
        print(
            f"loaded {docs} documents, {entity_count(driver)} entities through graph.loader.Loader "
            f"in {time.perf_counter() - started:.0f} s",
            flush=True,
        )


def sample_ids(settings) -> dict[str, list[str]]:
    """Keys and search terms the scenarios draw from (hubs and tail alike)."""
    with closing(open_driver(settings)) as driver:

        def keys(label: str) -> list[str]:
            records, _, _ = driver.execute_query(f"MATCH (n:{check_label(label)}) RETURN n.key AS k LIMIT 2000")
            return [r["k"] for r in records]

        names, _, _ = driver.execute_query("MATCH (n:Institution|Target) RETURN n.name AS a, n.name_zh AS b LIMIT 1000")
        terms = [r["a"] for r in names] + [r["b"] for r in names if r["b"]]
        pairs, _, _ = driver.execute_query(
            "MATCH (n:Therapy)-[:TARGETS]->(t:Target) RETURN n.name AS name, t.key AS target LIMIT 2000"
        )
        return {
            "therapies": keys("Therapy"),
            "targets": keys("Target"),
            "search_terms": terms,
            "therapy_targets": [(r["name"], r["target"]) for r in pairs],
        }


# ---------------------------------------------------------------- servers


def bench_settings() -> Settings:
    return load_settings().with_overrides(
        state_dir=(REPO_ROOT / ".cellkg" / "bench").resolve(),
        bolt_port=int(os.environ.get("CELLKG_BENCH_BOLT_PORT", "58687")),
        http_port=int(os.environ.get("CELLKG_BENCH_HTTP_PORT", "58474")),
        neo4j_uri="",
        neo4j_password="",
        neo4j_heap="2g",
        neo4j_pagecache="1g",
        api_port=58000,
        api_max_depth=12,
        api_graphiql=False,
        api_key="",
    )


@contextmanager
def neo4j(settings: Settings):
    """The bench Neo4j; stopped afterwards unless it was already running before."""
    server = Neo4jServer(settings, log=lambda *a: None)
    ours = server.pid() is None
    try:
        server.start()
        yield
    finally:
        if ours:
            server.stop()


@contextmanager
def python_api_server(settings: Settings, workers: int):
    try:
        yield api_server.start_api_detached(settings, workers=workers)
    finally:
        api_server.stop_api(settings)


@contextmanager
def neo4j_graphql_server(settings: Settings, enabled: bool):
    """@neo4j/graphql on port 58001, or None when disabled or not installed."""
    if not enabled or shutil.which("node") is None or not (NPM_DIR / "node_modules" / "@neo4j" / "graphql").exists():
        print("@neo4j/graphql comparison skipped (run npm install in benchmarks/neo4j_graphql)", flush=True)
        yield None
        return
    env = {
        **os.environ,
        "NEO4J_URI": settings.bolt_uri,
        "NEO4J_USER": settings.neo4j_user,
        "NEO4J_PASSWORD": settings.password(),
        "PORT": "58001",
    }
    proc = subprocess.Popen(  # a session of its own: stopped below, not by the terminal's Ctrl-C
        ["node", "server.js"],
        cwd=NPM_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        line = proc.stdout.readline()
        while line and not line.startswith("ready"):
            print(f"  [node] {line.rstrip()}", flush=True)
            line = proc.stdout.readline()
        yield "http://127.0.0.1:58001/graphql" if line.startswith("ready") else None
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


# ---------------------------------------------------------------- scenarios

OUR_RELATIONS = """query($id: ID!) { therapy(id: $id) { name aliases
  targets { confidence evidenceCount node { name } %s } diseases { confidence node { name } %s }
  trials { confidence node { name } } developedBy { confidence node { name } } } }"""
# sorted by confidence as ours are, so both sides return the same edges
_BY_CONFIDENCE = "sort: [{edge: {confidence: DESC}}]"
THEIR_RELATIONS = f"""query($id: ID!) {{ therapies(where: {{key: {{eq: $id}}}}) {{ name aliases
  targetsConnection({_BY_CONFIDENCE}) {{ edges {{ properties {{ confidence evidence_count }} node {{ name }} }} }}
  diseasesConnection({_BY_CONFIDENCE}) {{ edges {{ properties {{ confidence }} node {{ name }} }} }}
  trialsConnection({_BY_CONFIDENCE}) {{ edges {{ properties {{ confidence }} node {{ name }} }} }}
  developersConnection({_BY_CONFIDENCE}) {{ edges {{ properties {{ confidence }} node {{ name }} }} }} }} }}"""
EVIDENCE = "evidence { sentence span { start end } document { title source } }"


def _ours_hop(field: str, inner: str = "") -> str:
    return f"{field}(first: 10) {{ confidence evidenceCount node {{ name {inner} }} }}"


def _their_hop(field: str, inner: str = "") -> str:
    return (
        f"{field}Connection(first: 10, {_BY_CONFIDENCE}) "
        f"{{ edges {{ properties {{ confidence evidence_count }} node {{ name {inner} }} }} }}"
    )


def _their_path(*steps: tuple[str, int]) -> str:
    """Nested connections, each sorted by confidence: ("trials", 5) -> trialsConnection(first: 5, …)."""
    (field, first), rest = steps[0], steps[1:]
    inner = _their_path(*rest) if rest else ""
    return f"{field}Connection(first: {first}, {_BY_CONFIDENCE}) {{ edges {{ node {{ name {inner} }} }} }}"


def _graph_view(hop) -> str:
    """An entity, its neighbours and theirs, each edge with its confidence and evidence count."""
    return (
        hop("targets", hop("therapies"))
        + hop("diseases", hop("treatedBy") + hop("studiedIn"))
        + hop("trials", hop("conductedAt") + hop("studies"))
    )


def _therapy(ids, rnd):
    return {"id": rnd.choice(ids["therapies"])}


def _target(ids, rnd):
    return {"id": rnd.choice(ids["targets"])}


def _name_prefix(ids, rnd):
    """E.g. "tx-0012" from TX-00123-04: the ~140 therapies of ten documents, in lower case."""
    name, _ = rnd.choice(ids["therapy_targets"])
    return {"p": name[:7].lower()}


def _filtered(ids, rnd):
    """A name fragment ("x-0012") and the target of a therapy it matches: never an empty page."""
    name, target = rnd.choice(ids["therapy_targets"])
    return {"p": name[1:7].lower(), "t": target}


# name -> (our query, the @neo4j/graphql equivalent or None, variables)
SCENARIOS = {
    "search": (
        "query($t: String!) { search(text: $t, first: 10) { score entity { id name nameZh } } }",
        None,
        lambda ids, rnd: {"t": rnd.choice(ids["search_terms"])},
    ),
    "entity+relations+evidence": (OUR_RELATIONS % (EVIDENCE, EVIDENCE), None, _therapy),
    "entity+relations": (OUR_RELATIONS % ("", ""), THEIR_RELATIONS, _therapy),
    "graph view (2 hops, counts)": (
        f"query($id: ID!) {{ therapy(id: $id) {{ name {_graph_view(_ours_hop)} }} }}",
        f"query($id: ID!) {{ therapies(where: {{key: {{eq: $id}}}}) {{ name {_graph_view(_their_hop)} }} }}",
        _therapy,
    ),
    "three-level traversal": (
        """query($id: ID!) { target(id: $id) { name therapies(first: 10) { node { name
          trials(first: 5) { node { name conductedAt { node { name
            researchers(first: 5) { node { name } } } } } } } } } }""",
        # as connections: plain list fields cannot sort by the edge's confidence, and unsorted they
        # return other (arbitrary) neighbours, reading 5 of a hub's thousands of edges instead of all
        f"""query($id: ID!) {{ targets(where: {{key: {{eq: $id}}}}) {{ name
          {_their_path(("therapies", 10), ("trials", 5), ("conductedAt", 20), ("researchers", 5))} }} }}""",
        _target,
    ),
    "paginated list": (
        """query($p: String!) { therapies(first: 20, filter: {name: {startsWith: $p}}) { totalCount
          pageInfo { hasNextPage endCursor } edges { cursor node { id name } } } }""",
        """query($p: String!) { therapiesConnection(first: 20, where: {name: {caseInsensitive: {startsWith: $p}}},
          sort: [{name: ASC}]) { totalCount pageInfo { hasNextPage endCursor }
          edges { cursor node { key name } } } }""",
        _name_prefix,
    ),
    "filtered list": (
        """query($p: String!, $t: ID!) { therapies(first: 20, filter: {name: {contains: $p}, targets: {id: $t}}) {
          totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name } } } }""",
        """query($p: String!, $t: ID!) { therapiesConnection(first: 20, sort: [{name: ASC}],
          where: {name: {caseInsensitive: {contains: $p}}, targets: {some: {key: {eq: $t}}}}) {
          totalCount pageInfo { hasNextPage endCursor } edges { cursor node { key name } } } }""",
        _filtered,
    ),
}


def drive(url: str, query: str, variables: list[dict], clients: int) -> tuple[list[float], float, int]:
    """Send one operation per item of ``variables`` from ``clients`` threads: latencies, seconds, errors."""
    latencies: list[float] = []
    errors = 0
    stop = threading.Event()  # set when the main thread leaves early (Ctrl-C): the clients stop too

    def worker(chunk: list[dict]) -> None:
        nonlocal errors
        with httpx.Client(timeout=60) as http:
            for v in chunk:
                if stop.is_set():
                    return
                start = time.perf_counter()
                body = http.post(url, json={"query": query, "variables": v}).json()
                latencies.append(time.perf_counter() - start)
                errors += bool(body.get("errors"))

    started = time.perf_counter()
    pool = ThreadPoolExecutor(clients)
    try:
        list(pool.map(worker, [variables[i::clients] for i in range(clients)]))
    finally:
        stop.set()
        pool.shutdown(wait=True, cancel_futures=True)
    return latencies, time.perf_counter() - started, errors


def measure(sides: dict[str, tuple[str, str]], make_vars, ids: dict, args: argparse.Namespace) -> dict[str, dict]:
    """Latency percentiles and throughput of each side (name -> (url, query)) on the same requests.

    Each side is warmed up (pools, plans, JIT) on other requests than the measured ones, so no
    response cache starts warm; then the sides alternate in ``args.rounds`` rounds, so the load
    other jobs put on the machine falls on both alike."""
    warm_up, measured = random.Random(3), random.Random(7)
    for url, query in sides.values():
        drive(url, query, [make_vars(ids, warm_up) for _ in range(min(30, args.requests))], args.clients)
    variables = [make_vars(ids, measured) for _ in range(args.requests)]
    runs: dict[str, list] = {side: [] for side in sides}
    for r in range(args.rounds):
        for side, (url, query) in sides.items():
            runs[side].append(drive(url, query, variables[r :: args.rounds], args.clients))
    results = {}
    for side, side_runs in runs.items():
        latencies = sorted(t for run in side_runs for t in run[0])
        results[side] = {
            "p50_ms": 1000 * statistics.median(latencies),
            "p99_ms": 1000 * latencies[int(0.99 * (len(latencies) - 1))],
            "rps": len(latencies) / sum(run[1] for run in side_runs),
            "errors": sum(run[2] for run in side_runs),
        }
    return results


def report(name: str, ours: dict, theirs: dict | None) -> None:
    line = (
        f"{name:28s} p50 {ours['p50_ms']:7.1f} ms  p99 {ours['p99_ms']:7.1f} ms  {ours['rps']:7.1f} req/s"
        f"  errors {ours['errors']}"
    )
    if theirs:
        line += (
            f"   | @neo4j/graphql p50 {theirs['p50_ms']:7.1f} ms  p99 {theirs['p99_ms']:7.1f} ms"
            f"  {theirs['rps']:7.1f} req/s  errors {theirs['errors']}"
            f"  (throughput ratio ours/theirs {ours['rps'] / theirs['rps']:.2f})"
        )
    print(line, flush=True)


def stop_on_sigterm() -> None:
    """SIGTERM unwinds like Ctrl-C, so the finally blocks stop what the run started."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=300, help="per scenario")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--no-npm", action="store_true", help="skip the @neo4j/graphql comparison")
    parser.add_argument("--reuse", action="store_true", help="keep the graph if it already has this size")
    parser.add_argument("--workers", type=int, default=1, help="API server processes (cellkg serve --workers)")
    parser.add_argument("--rounds", type=int, default=4, help="alternate the two sides this many times")
    parser.add_argument("--only", nargs="+", choices=list(SCENARIOS), help="run these scenarios only")
    args = parser.parse_args()
    stop_on_sigterm()
    settings = bench_settings()
    ratios: list[float] = []
    with ExitStack() as running:
        running.enter_context(neo4j(settings))
        build_graph(settings, args.entities, reuse=args.reuse)
        ids = sample_ids(settings)
        ours_url = running.enter_context(python_api_server(settings, args.workers))
        theirs_url = running.enter_context(neo4j_graphql_server(settings, enabled=not args.no_npm))
        print(
            f"\n{args.requests} requests per scenario, {args.clients} concurrent clients, loopback, "
            f"{args.workers} API worker(s), {os.cpu_count()} cores",
            flush=True,
        )
        for name in args.only or SCENARIOS:
            query, their_query, make_vars = SCENARIOS[name]
            sides = {"ours": (ours_url, query)}
            if theirs_url and their_query:
                sides["theirs"] = (theirs_url, their_query)
            results = measure(sides, make_vars, ids, args)
            ours, theirs = results["ours"], results.get("theirs")
            report(name, ours, theirs)
            if theirs:
                ratios.append(ours["rps"] / theirs["rps"])
    print(f"min_ratio={min(ratios) if ratios else math.nan:.2f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

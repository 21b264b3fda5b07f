"""Benchmark the GraphQL API on a synthetic graph of >= 100k entities.

    .venv/bin/python benchmarks/bench_api.py [--entities 100000] [--requests 300] [--clients 8] [--no-npm]

The graph is built by the real cellkg.graph.loader.Loader from synthesised ExtractionResults (so it
has exactly the production model: mentions, evidence, aggregate confidence, the full-text index),
on the benchmark's own Neo4j (state .cellkg/bench, Bolt 57687, HTTP 57474). The API runs in a
uvicorn subprocess on loopback; threads with httpx clients drive four scenarios and the script
prints p50/p99 latency and throughput. With node/npm present (and ``npm install`` done in
benchmarks/neo4j_graphql) the same scenarios (without evidence lookups, which @neo4j/graphql
cannot express as relationships) also run against @neo4j/graphql on the same Neo4j, and the
ratio is printed. Figures only: this is not a test.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing, contextmanager
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
        return {"therapies": keys("Therapy"), "targets": keys("Target"), "search_terms": terms}


# ---------------------------------------------------------------- servers


def bench_settings() -> Settings:
    return load_settings().with_overrides(
        state_dir=(REPO_ROOT / ".cellkg" / "bench").resolve(),
        bolt_port=57687,
        http_port=57474,
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
def python_api_server(settings: Settings):
    url = api_server.start_api_detached(settings)
    try:
        yield url
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
    proc = subprocess.Popen(
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
        proc.wait(timeout=15)


# ---------------------------------------------------------------- scenarios

OUR_RELATIONS = """query($id: ID!) { therapy(id: $id) { name aliases
  targets { confidence evidenceCount node { name } %s } diseases { confidence node { name } %s }
  trials { confidence node { name } } developedBy { confidence node { name } } } }"""
THEIR_RELATIONS = """query($id: ID!) { therapies(where: {key: {eq: $id}}) { name aliases
  targetsConnection { edges { properties { confidence evidence_count } node { name } } }
  diseasesConnection { edges { properties { confidence } node { name } } }
  trialsConnection { edges { properties { confidence } node { name } } }
  developersConnection { edges { properties { confidence } node { name } } } } }"""
EVIDENCE = "evidence { sentence span { start end } document { title source } }"


def _therapy(ids, rnd):
    return {"id": rnd.choice(ids["therapies"])}


def _target(ids, rnd):
    return {"id": rnd.choice(ids["targets"])}


# name -> (our query, the @neo4j/graphql equivalent or None, variables)
SCENARIOS = {
    "search": (
        "query($t: String!) { search(text: $t, first: 10) { score entity { id name nameZh } } }",
        None,
        lambda ids, rnd: {"t": rnd.choice(ids["search_terms"])},
    ),
    "entity+relations+evidence": (OUR_RELATIONS % (EVIDENCE, EVIDENCE), None, _therapy),
    "entity+relations": (OUR_RELATIONS % ("", ""), THEIR_RELATIONS, _therapy),
    "three-level traversal": (
        """query($id: ID!) { target(id: $id) { name therapies(first: 10) { node { name
          trials(first: 5) { node { name conductedAt { node { name
            researchers(first: 5) { node { name } } } } } } } } } }""",
        """query($id: ID!) { targets(where: {key: {eq: $id}}) { name therapies(limit: 10) { name
          trials(limit: 5) { name conductedAt { name researchers(limit: 5) { name } } } } } }""",
        _target,
    ),
    "paginated list": (
        """query($p: String!) { therapies(first: 20, filter: {name: {startsWith: $p}}) { totalCount
          pageInfo { hasNextPage endCursor } edges { cursor node { id name } } } }""",
        """query($p: String!) { therapiesConnection(first: 20, where: {name: {startsWith: $p}}, sort: [{name: ASC}]) {
          totalCount pageInfo { hasNextPage endCursor } edges { cursor node { key name } } } }""",
        lambda ids, rnd: {"p": f"TX-{rnd.randrange(10)}"},
    ),
}


def drive(url: str, query: str, make_vars, ids: dict, requests: int, clients: int, seed: int = 7) -> dict:
    """Send ``requests`` operations from ``clients`` threads; latency percentiles and throughput."""
    rnd = random.Random(seed)
    variables = [make_vars(ids, rnd) for _ in range(requests)]
    latencies: list[float] = []
    errors = 0

    def worker(chunk: list[dict]) -> None:
        nonlocal errors
        with httpx.Client(timeout=60) as http:
            for v in chunk:
                start = time.perf_counter()
                body = http.post(url, json={"query": query, "variables": v}).json()
                latencies.append(time.perf_counter() - start)
                errors += bool(body.get("errors"))

    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(worker, [variables[i::clients] for i in range(clients)]))
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "p50_ms": 1000 * statistics.median(latencies),
        "p99_ms": 1000 * latencies[int(0.99 * (len(latencies) - 1))],
        "rps": len(latencies) / elapsed,
        "errors": errors,
    }


def measure(url: str, query: str, make_vars, ids: dict, args: argparse.Namespace) -> dict:
    drive(url, query, make_vars, ids, min(30, args.requests), args.clients)  # warm-up: pools, plans, JIT
    return drive(url, query, make_vars, ids, args.requests, args.clients)


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=300, help="per scenario")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--no-npm", action="store_true", help="skip the @neo4j/graphql comparison")
    parser.add_argument("--reuse", action="store_true", help="keep the graph if it already has this size")
    args = parser.parse_args()
    settings = bench_settings()
    Neo4jServer(settings, log=lambda *a: None).start()
    build_graph(settings, args.entities, reuse=args.reuse)
    ids = sample_ids(settings)

    with python_api_server(settings) as ours_url, neo4j_graphql_server(settings, enabled=not args.no_npm) as theirs_url:
        print(f"\n{args.requests} requests per scenario, {args.clients} concurrent clients, loopback", flush=True)
        for name, (query, their_query, make_vars) in SCENARIOS.items():
            ours = measure(ours_url, query, make_vars, ids, args)
            theirs = measure(theirs_url, their_query, make_vars, ids, args) if theirs_url and their_query else None
            report(name, ours, theirs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

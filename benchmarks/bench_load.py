"""Loading rows/s: the batched loader (UNWIND) against one statement per row, and across group sizes.

Input: synthetic ExtractionResults (benchmarks/synth.py), so extraction costs nothing here. A "row" is
one document, entity, mention, relation or evidence row of a GraphBatch. Prints figures; not a test.

    .venv/bin/python -m benchmarks.bench_load --docs 2000 --row-docs 300 --groups 1 10 50 200 1000
"""

from __future__ import annotations

import argparse

from neo4j import Driver, ManagedTransaction

from benchmarks.bench_server import Clock, bench_driver
from benchmarks.synth import generate_document, to_result
from cellkg.graph import statements as cy
from cellkg.graph.batch import GraphBatch, build_batch
from cellkg.graph.db import wipe_graph
from cellkg.graph.loader import Loader


def batch_rows(batch: GraphBatch) -> int:
    return (
        len(batch.documents)
        + sum(map(len, batch.entities.values()))
        + len(batch.mentions)
        + sum(map(len, batch.relations.values()))
        + len(batch.evidence)
    )


def write_row_by_row(tx: ManagedTransaction, batch: GraphBatch) -> None:
    """The loader's statements with one row each: what a naive loader sends, same graph."""
    relations = [row for rows in batch.relations.values() for row in rows]
    steps = [
        (cy.MERGE_DOCUMENTS, batch.documents),
        (cy.MERGE_ENTITIES, [row for rows in batch.entities.values() for row in rows]),
        (cy.MERGE_MENTIONS, batch.mentions),
        *((cy.merge_relations(rel_type), rows) for rel_type, rows in batch.relations.items()),
        (cy.MERGE_EVIDENCE, batch.evidence),
        (cy.REFRESH_RELATIONS, relations),
    ]
    for statement, rows in steps:
        for row in rows:
            tx.run(statement, rows=[row]).consume()


def load_row_by_row(driver: Driver, results, group: int) -> int:
    rows = 0
    for start in range(0, len(results), group):
        batch = build_batch(results[start : start + group])
        with driver.session() as session:
            session.execute_write(write_row_by_row, batch)
        rows += batch_rows(batch)
    return rows


def load_batched(driver: Driver, results, group: int) -> int:
    loader, rows = Loader(driver), 0
    for start in range(0, len(results), group):
        chunk = results[start : start + group]
        loader.load(chunk)
        rows += batch_rows(build_batch(chunk))
    return rows


def timed(driver: Driver, load, results, group: int) -> tuple[int, float]:
    wipe_graph(driver)
    with Clock() as clock:
        rows = load(driver, results, group)
    return rows, clock.seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2000, help="documents for the batched runs")
    parser.add_argument("--row-docs", type=int, default=300, help="documents for the row-by-row comparison")
    parser.add_argument(
        "--groups", type=int, nargs="+", default=[1, 10, 50, 200, 1000], help="documents per transaction"
    )
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    results = [to_result(generate_document(i, docs=args.docs, seed=args.seed)) for i in range(args.docs)]
    with bench_driver() as driver:
        few = results[: args.row_docs]
        rows, slow = timed(driver, load_row_by_row, few, 50)
        _, fast = timed(driver, load_batched, few, 50)
        print(
            f"{args.row_docs} docs, {rows} rows, 50 docs/tx: row-by-row {rows / slow:,.0f} rows/s, "
            f"batched {rows / fast:,.0f} rows/s -> batched is {slow / fast:.1f}x faster"
        )
        for group in args.groups:
            rows, seconds = timed(driver, load_batched, results, group)
            print(
                f"batched, {group:>5} docs/tx: {args.docs} docs, {rows} rows in {seconds:6.1f} s = "
                f"{rows / seconds:9,.0f} rows/s, {args.docs / seconds:7,.0f} docs/s"
            )


if __name__ == "__main__":
    main()

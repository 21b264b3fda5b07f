"""Helpers shared by the tests (fixtures live in the conftest.py files):

api         the API tests' bilingual graph and GraphQL helpers
cli         run ``cellkg`` as a subprocess against the test Neo4j
environment skip a test whose prerequisite is missing, or fail in CI
factories   hand-made ExtractionResults for graph tests
gold        a small gold set with hand-worked scores
invariants  the graph as comparable data, and its integrity checks
layers      the package's import graph, for tests/test_layers.py
paths       the repository, its examples, ../shared
pdf_fixture a minimal PDF written by hand
servers     private Neo4j servers and ingester processes
"""

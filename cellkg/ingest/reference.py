"""Reference data every graph gets before its documents: the disease hierarchy shipped with the lexicons.

It joins extraction (the MONDO subset beside the lexicons) to storage (``load_ontology``), so it lives
here, above both. Loading the same version again changes nothing.
"""

from __future__ import annotations

from neo4j import Driver

from cellkg.extract.lexicon import LEXICON_DIR, read_tsv
from cellkg.extract.lexicon.hierarchy import disease_parents
from cellkg.graph.ontology import OntologyReport, load_ontology

HIERARCHY_FILE = "disease_hierarchy.tsv"  # the MONDO subset in extract/lexicon/


def load_disease_hierarchy(driver: Driver, database: str = "neo4j") -> OntologyReport:
    """The MONDO subset shipped with the lexicons, as reference data: its IS_A links the graph's diseases."""
    version, _ = read_tsv(LEXICON_DIR / HIERARCHY_FILE)
    source = f"cellkg.extract.lexicon/{HIERARCHY_FILE}"
    return load_ontology(driver, "mondo", disease_parents(), source=source, version=version, database=database)

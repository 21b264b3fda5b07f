"""cellkg: a provenance-first knowledge graph of cell-therapy research."""

__version__ = "0.1.0"

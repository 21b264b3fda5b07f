"""Orchestration: files or texts through extraction into the graph, in one process or on Dask."""

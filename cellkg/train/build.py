"""The shipped scorer: examples from every trainable gold set, one fit, one file."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from cellkg.extract.learned.scorer import MODEL_FILE, Scorer
from cellkg.train.dataset import Example, GoldDocument, examples, gold_sets
from cellkg.train.fit import fit


def shipped_path() -> Path:
    """Where the extractor reads its model (``extract/models`` in a checkout)."""
    return Path(str(files("cellkg.extract") / "models" / MODEL_FILE))


def collect(data_dir: Path) -> tuple[dict[str, list[GoldDocument]], dict[str, list[Example]]]:
    """The trainable gold sets of ``data_dir`` and their labelled candidate pairs, set by set."""
    sets = gold_sets(data_dir)
    return sets, {name: [e for doc in docs for e in examples(doc)] for name, docs in sets.items()}


def train(sets: dict[str, list[GoldDocument]], data: dict[str, list[Example]]) -> Scorer:
    meta = {"sets": {name: len(docs) for name, docs in sets.items()}}
    return fit([e for name in sorted(data) for e in data[name]], meta)

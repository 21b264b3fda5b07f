"""Leave-one-set-out: for each gold set, a scorer trained on the other sets decides the relations of its
documents, which are then scored exactly as ``cellkg eval`` scores them. The seed corpus can be scored the
same way by the scorer trained on every set."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from cellkg.evaluate import Scores, score_folders
from cellkg.extract import extract_document, read_document, to_format_json
from cellkg.extract.learned.scorer import Scorer, using
from cellkg.train.dataset import Example, GoldDocument
from cellkg.train.fit import fit


@dataclass(frozen=True)
class Row:
    name: str
    documents: int
    entity_f1: float
    relation_f1: float
    relation_p: float
    relation_r: float
    ceiling: float

    @classmethod
    def of(cls, name: str, scores: Scores) -> Row:
        relation = scores.relation.overall
        return cls(
            name,
            len(scores.per_document),
            scores.entity.overall.f1,
            relation.f1,
            relation.precision,
            relation.recall,
            scores.ceiling.share,
        )


def score_documents(paths: Iterable[Path], gold_dir: Path, model: Scorer) -> Scores:
    """Extract ``paths`` with ``model`` deciding and score them against ``gold_dir``, as ``cellkg eval`` would."""
    with tempfile.TemporaryDirectory(prefix="cellkg-loso-") as tmp, using(model):
        for path in paths:
            result = extract_document(read_document(path))
            payload = json.dumps(to_format_json(result), ensure_ascii=False)
            (Path(tmp) / f"{path.stem}.json").write_text(payload, encoding="utf-8")
        return score_folders(gold_dir, Path(tmp))


def leave_one_set_out(sets: dict[str, list[GoldDocument]], data: dict[str, list[Example]]) -> list[Row]:
    rows = []
    for name, docs in sets.items():
        training = [e for other, examples in data.items() if other != name for e in examples]
        model = fit(training, {"left_out": name})
        rows.append(Row.of(name, score_documents([d.path for d in docs], docs[0].path.parent, model)))
    return rows


def mean_row(rows: list[Row]) -> Row:
    n = len(rows)
    return Row(
        "mean",
        sum(r.documents for r in rows),
        *(
            sum(getattr(r, f) for r in rows) / n
            for f in ("entity_f1", "relation_f1", "relation_p", "relation_r", "ceiling")
        ),
    )

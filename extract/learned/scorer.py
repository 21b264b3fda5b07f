"""The relation scorer: a logistic regression shipped as JSON (feature name -> weight), read without
scikit-learn. ``probability`` is a dot product over the active features and a sigmoid.

``extract/models/relation_scorer.json`` is written by ``cellkg train`` (cellkg.train) from the gold sets
in the repository; its ``extractor_version`` must equal ``EXTRACTOR_VERSION``, so that a model trained on
the features of another version is never used silently.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

from cellkg.extract.config import EXTRACTOR_VERSION

MODEL_FILE = "relation_scorer.json"


@dataclass(frozen=True)
class Scorer:
    weights: dict[str, float]
    intercept: float
    threshold: float  # a pair no rule found becomes a relation at this probability or above
    extractor_version: str = EXTRACTOR_VERSION
    meta: dict = field(default_factory=dict)  # what it was trained on and how (written back unchanged)

    def margin(self, features: Iterable[str]) -> float:
        weights = self.weights
        return self.intercept + sum(weights.get(f, 0.0) for f in features)

    def probability(self, features: Iterable[str]) -> float:
        return 1.0 / (1.0 + math.exp(-self.margin(features)))

    def top_features(self, features: Iterable[str], count: int = 3) -> list[str]:
        """The features that raise the score most, type prefixes dropped, for the evidence's rule id."""
        raised = sorted(((self.weights.get(f, 0.0), f) for f in features if not f.endswith("|bias")), reverse=True)
        names: list[str] = []
        for weight, name in raised:
            short = name.split("|", 1)[-1]
            if weight > 0 and short not in names:
                names.append(short)
        return names[:count]

    def to_json(self) -> str:
        body = {
            "extractor_version": self.extractor_version,
            "threshold": self.threshold,
            "intercept": self.intercept,
            "meta": self.meta,
            "weights": dict(sorted(self.weights.items())),
        }
        return json.dumps(body, ensure_ascii=False, indent=1, sort_keys=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Scorer:
        body = json.loads(text)
        return cls(
            weights={str(k): float(v) for k, v in body["weights"].items()},
            intercept=float(body["intercept"]),
            threshold=float(body["threshold"]),
            extractor_version=str(body["extractor_version"]),
            meta=dict(body.get("meta", {})),
        )


@cache
def shipped() -> Scorer:
    scorer = Scorer.from_json((files("cellkg.extract") / "models" / MODEL_FILE).read_text(encoding="utf-8"))
    if scorer.extractor_version != EXTRACTOR_VERSION:
        raise ValueError(
            f"{MODEL_FILE} was trained for {scorer.extractor_version!r}, not {EXTRACTOR_VERSION!r}: run `cellkg train`"
        )
    return scorer


_override: list[Scorer] = []


def active() -> Scorer:
    """The scorer in use: the shipped one, or the one ``using`` put in place (training, leave-one-set-out)."""
    return _override[-1] if _override else shipped()


@contextmanager
def using(scorer: Scorer) -> Iterator[Scorer]:
    _override.append(scorer)
    try:
        yield scorer
    finally:
        _override.pop()

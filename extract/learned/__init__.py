"""High-recall relation candidates and a trained decision over them (docs/extraction.md, "Learned decision").

``pairs`` proposes every type-compatible pair of mentions, ``features`` describes each, ``scorer`` holds
the logistic regression shipped in ``extract/models/relation_scorer.json`` and ``decide`` adds the pairs it
accepts to the relations the rules found. ``cellkg train`` (cellkg.train) rebuilds the model.
"""

from cellkg.extract.learned.decide import Pair, decide

__all__ = ["Pair", "decide"]

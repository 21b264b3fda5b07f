"""The project scores itself: extracted entities and relations against FORMAT.md gold files.

``cellkg eval GOLD_DIR PRED_DIR`` runs :func:`score_folders` and prints :func:`report_lines`.
The figures are those of the shared evaluation (per type and overall precision, recall and F1,
counts summed over documents), plus the relation *ceiling*: the share of gold relations whose two
ends were both found, the best relation recall the found entities allow.
"""

from cellkg.evaluate.report import report_lines
from cellkg.evaluate.score import Scores, score_folders

__all__ = ["Scores", "report_lines", "score_folders"]

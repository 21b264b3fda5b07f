"""The extractor's versions and limits. Rule confidences are data: extract/rules/rules.tsv.

Bump ``RULE_VERSION`` whenever a rule's behaviour changes, so that evidence written by an older rule can
be told apart in the graph.
"""

from __future__ import annotations

EXTRACTOR_VERSION = "cellkg-extract 0.7.0"
RULE_VERSION = "2026.11.27"

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf")
MAX_BYTES_DEFAULT = 20_000_000
CJK_LANG_THRESHOLD = 0.5  # share of Chinese words (CJK chars / 1.5) among all words that makes a document "zh"
MAX_TITLE_CHARS = 200

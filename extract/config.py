"""The extractor's versions and limits. Rule confidences are data: extract/rules/rules.tsv.

Bump ``RULE_VERSION`` whenever a rule's behaviour changes, so that evidence written by an older rule can
be told apart in the graph.
"""

from __future__ import annotations

EXTRACTOR_VERSION = "cellkg-extract 0.9.0"  # the relation scorer (extract/models) is trained for this version
RULE_VERSION = "2026.11.29"

TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf")
# structured records (extract/sources): ClinicalTrials.gov JSON, PubMed and PMC XML; ChiCTR pages are .html
RECORD_SUFFIXES = (".json", ".jsonl", ".ndjson", ".xml")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + RECORD_SUFFIXES
MAX_BYTES_DEFAULT = 20_000_000
CJK_LANG_THRESHOLD = 0.5  # share of Chinese words (CJK chars / 1.5) among all words that makes a document "zh"
MAX_TITLE_CHARS = 200

# structured sources: a fact a record's field states is "stated", not inferred; bump the version when a reader's
# mapping of fields changes
SOURCES_RULE_VERSION = "2026.11.28"
STATED_CONFIDENCE = 0.99

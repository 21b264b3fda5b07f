"""Where the tests find the repository, its examples and the shared evaluation data."""

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = REPO_ROOT / "examples" / "corpus"
SHARED = REPO_ROOT.parent / "shared"  # CI puts shared/ beside the clone

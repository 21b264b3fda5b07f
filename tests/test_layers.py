"""The house has floors: imports go only downward, the three packages of the middle floor do not
import one another, and no modules import each other in a loop. The checker itself is tested on
a small planted tree, so that a broken checker cannot pass the real package."""

from __future__ import annotations

from pathlib import Path

from tests.support.layers import cycles, import_graph, layer_violations, module_files
from tests.support.paths import REPO_ROOT

PYPROJECT = """[tool.setuptools.package-dir]
"cellkg" = "cellkg"
"cellkg.extract" = "extract"
"cellkg.graph" = "graph"
"""


def test_every_module_is_found():
    modules = module_files(REPO_ROOT)
    for name in ("cellkg.core.model", "cellkg.extract", "cellkg.graph.loader", "cellkg.api.app", "cellkg.cli.main"):
        assert name in modules, name
    assert modules["cellkg.graph.loader"] == REPO_ROOT / "graph" / "loader.py"


def test_imports_only_go_down_the_layers():
    assert layer_violations(import_graph(REPO_ROOT)) == []


def test_no_import_cycles():
    found = cycles(import_graph(REPO_ROOT))
    assert found == [], "import cycles: " + "; ".join(" -> ".join(loop) for loop in found)


def plant(root: Path, files: dict[str, str]) -> Path:
    (root / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    return root


def test_the_checker_catches_planted_violations(tmp_path):
    root = plant(
        tmp_path,
        {
            "cellkg/__init__.py": "",
            "cellkg/core/__init__.py": "",
            "cellkg/core/model.py": "def f():\n    from cellkg.cli import main\n",  # upward, inside a function
            "cellkg/cli/__init__.py": "",
            "cellkg/cli/main.py": "import cellkg.core\nfrom cellkg.graph import db\n",  # downward: fine
            "extract/__init__.py": "from .reader import read\n",  # relative import, resolved
            "extract/reader.py": "from cellkg.graph.db import open_driver\n",  # sideways on the middle floor
            "graph/__init__.py": "",
            "graph/db.py": "from cellkg.graph import loader\n",
            "graph/loader.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from cellkg.graph import db\n"
            "from cellkg.graph.batch import build\n",
            "graph/batch.py": "import cellkg.graph.db\n",
        },
    )
    imports = import_graph(root)
    assert {(i.importer, i.imported) for i in imports} >= {
        ("cellkg.extract", "cellkg.extract.reader"),
        ("cellkg.cli.main", "cellkg.graph.db"),
    }
    assert sorted(layer_violations(imports)) == [
        "cellkg.core.model (line 2) imports cellkg.cli.main",
        "cellkg.extract.reader (line 1) imports cellkg.graph.db",
    ]
    # db -> loader -> batch -> db runs at import time; loader -> db under TYPE_CHECKING alone would not
    assert cycles(imports) == [["cellkg.graph.batch", "cellkg.graph.db", "cellkg.graph.loader", "cellkg.graph.batch"]]


def test_a_type_only_import_back_is_not_a_cycle(tmp_path):
    root = plant(
        tmp_path,
        {
            "graph/__init__.py": "",
            "graph/a.py": "from cellkg.graph.b import B\n",
            "graph/b.py": "from __future__ import annotations\nimport typing\n"
            "if typing.TYPE_CHECKING:\n    from cellkg.graph.a import A\n",
        },
    )
    assert cycles(import_graph(root)) == []

"""The wheel a user installs works on its own: built from the sources, installed into a fresh
venv outside the repository, and run from a folder that is not the repository.

The fresh venv gets its dependencies from the test venv through a ``.pth`` line naming the test
venv's site-packages: a directory added that way is not a site directory, so its ``__editable__``
hook does not run and ``cellkg`` can only come from the wheel (asserted). Nothing is downloaded.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import textwrap
import tomllib
import zipfile
from pathlib import Path

import pytest

from tests.support.paths import REPO_ROOT

pytestmark = pytest.mark.packaging
PYPROJECT = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]
DOCUMENT = "Zhang Minghui of Tsinghua University developed CT-19 CAR-T cells, which target CD19 in B-cell lymphoma.\n"


def build_wheel(into: Path) -> Path:
    """``pip wheel`` of a copy of the sources (the build writes build/ and *.egg-info beside them)."""
    sources = into / "src"
    sources.mkdir(parents=True)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO_ROOT / name, sources / name)
    for folder in set(SETUPTOOLS["package-dir"].values()):
        shutil.copytree(REPO_ROOT / folder, sources / folder, ignore=shutil.ignore_patterns("__pycache__"))
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(into)]
    subprocess.run([*command, str(sources)], check=True, capture_output=True, timeout=120)
    (wheel,) = into.glob("cellkg-*.whl")
    return wheel


def fresh_venv(at: Path, wheel: Path) -> Path:
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(at)], check=True, timeout=60)
    python = at / "bin" / "python"
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    (Path(site) / "test_venv_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    # pip comes from the test venv through that line; --ignore-installed: the editable cellkg it sees there
    # must not count as already installed
    install = [python, "-m", "pip", "install", "-q", "--no-deps", "--ignore-installed", "--no-index", str(wheel)]
    subprocess.run(install, check=True, capture_output=True, timeout=120, env=clean_env(at))
    return at


def clean_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "CELLKG_", "VIRTUAL_ENV"))}
    return env | {"CELLKG_STATE_DIR": str(home / "state"), "CELLKG_BOLT_PORT": "1", "COLUMNS": "200"}


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, Path]:
    """(wheel, fresh venv with the wheel installed)."""
    work = tmp_path_factory.mktemp("packaging")
    wheel = build_wheel(work / "dist")
    return wheel, fresh_venv(work / "venv", wheel)


def run(venv: Path, *command: str, cwd: Path) -> subprocess.CompletedProcess:
    program = str(venv / "bin" / command[0])
    result = subprocess.run(
        [program, *command[1:]], capture_output=True, text=True, cwd=cwd, env=clean_env(cwd), timeout=180
    )
    assert result.returncode == 0, f"{' '.join(command)} exited {result.returncode}:\n{result.stdout}\n{result.stderr}"
    return result


def test_every_listed_package_is_in_the_wheel_and_nothing_else(installed):
    wheel, _ = installed
    names = zipfile.ZipFile(wheel).namelist()
    for package in SETUPTOOLS["packages"]:
        assert f"{package.replace('.', '/')}/__init__.py" in names, package
    assert all(n.startswith(("cellkg/", "cellkg-")) for n in names), "only cellkg belongs in the wheel"


def test_every_package_folder_is_listed():
    """A folder of Python modules that pyproject does not list (or that lacks its __init__.py) would be
    left out of the wheel, and the installed command would fail on import."""
    listed, found = set(SETUPTOOLS["packages"]), set()
    for package, folder in SETUPTOOLS["package-dir"].items():
        for module in (REPO_ROOT / folder).rglob("*.py"):
            parts = module.parent.relative_to(REPO_ROOT / folder).parts
            if "__pycache__" not in parts:
                found.add(".".join((package, *parts)))
    assert found - listed == set(), "list these in [tool.setuptools] packages in pyproject.toml (with an __init__.py)"


def test_cellkg_comes_from_the_wheel(installed, tmp_path):
    _, venv = installed
    location = run(venv, "python", "-c", "import cellkg; print(cellkg.__file__)", cwd=tmp_path).stdout.strip()
    assert Path(location).is_relative_to(venv), location


def test_query_list_names_the_whole_library(installed, tmp_path):
    _, venv = installed
    listing = run(venv, "cellkg", "query", "--list", cwd=tmp_path).stdout
    for query in sorted((REPO_ROOT / "cypher").glob("*.cypher")):
        assert query.stem in listing, query.stem


def test_extract_and_eval_a_document(installed, tmp_path):
    _, venv = installed
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "note.txt").write_text(DOCUMENT, encoding="utf-8")
    run(venv, "cellkg", "extract", "docs", "--out", "out", cwd=tmp_path)
    (output,) = (tmp_path / "out").glob("*.json")
    extracted = json.loads(output.read_text(encoding="utf-8"))
    assert extracted["doc_id"] == "note" and extracted["entities"], extracted
    (tmp_path / "gold").mkdir()
    gold = {"doc_id": "note", "entities": [{"id": "g1", "type": "Target", "name": "CD19", "aliases": []}]}
    (tmp_path / "gold" / "note.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    summary = run(venv, "cellkg", "eval", "gold", "out", cwd=tmp_path).stdout.splitlines()[-1]
    assert summary.startswith("documents=1 entity_f1=") and "R=1.000" in summary


def test_the_api_serves_the_browser_assets_and_ships_its_schema(installed, tmp_path):
    _, venv = installed
    script = textwrap.dedent(
        """
        import json
        from importlib.resources import files
        from starlette.testclient import TestClient
        from cellkg.api.app import create_app

        client = TestClient(create_app())  # no lifespan: the static routes need no database
        served = {name: client.get(f"/browser/{name}") for name in ("cellkg.grass", "guide.html")}
        schema = files("cellkg.api") / "schema.graphql"
        print(json.dumps({
            "status": {name: r.status_code for name, r in served.items()},
            "grass": served["cellkg.grass"].text, "guide": served["guide.html"].text,
            "schema": schema.read_text(encoding="utf-8") if schema.is_file() else None,
        }))
        """
    )
    answer = json.loads(run(venv, "python", "-c", script, cwd=tmp_path).stdout.splitlines()[-1])
    assert answer["status"] == {"cellkg.grass": 200, "guide.html": 200}
    assert answer["grass"] == (REPO_ROOT / "cypher" / "browser" / "cellkg.grass").read_text(encoding="utf-8")
    assert "<article" in answer["guide"] and "therapies_targeting_antigen" in answer["guide"]
    assert answer["schema"] == (REPO_ROOT / "api" / "schema.graphql").read_text(encoding="utf-8")

"""Type-check the ``cellkg`` package as it is installed: one import name over several folders.

The top-level folders become subpackages of ``cellkg`` through ``[tool.setuptools.package-dir]``,
a mapping that mypy cannot read. This script mirrors the mapping as a tree of symbolic links in a
temporary folder, runs mypy on it, and prints paths as they are in the repository.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def package_dirs() -> dict[str, str]:
    """Import name -> folder, as pyproject.toml maps them."""
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-dir"]


def link_tree(into: Path) -> None:
    mapping = package_dirs()
    package = into / "cellkg"
    package.mkdir()
    for entry in (ROOT / mapping["cellkg"]).iterdir():
        if entry.name != "__pycache__":
            (package / entry.name).symlink_to(entry)
    for name, folder in mapping.items():
        if name != "cellkg":
            (package / name.removeprefix("cellkg.")).symlink_to(ROOT / folder)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="cellkg-types-") as tmp:
        link_tree(Path(tmp))
        result = subprocess.run(
            [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"), "-p", "cellkg"],
            cwd=tmp,
            capture_output=True,
            text=True,
            env={"MYPYPATH": tmp, "PATH": "/usr/bin:/bin"},
        )
        mapping = package_dirs()
        output = result.stdout + result.stderr
        for name, folder in sorted(mapping.items(), key=lambda item: -len(item[0])):
            output = output.replace(name.replace(".", "/") + "/", folder.rstrip("/") + "/")
        print(output, end="")
        return result.returncode


if __name__ == "__main__":
    sys.exit(main())

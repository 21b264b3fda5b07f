"""Provision the Neo4j Community runtime: find a suitable Java, fetch the jars once per user.

The jars come from Maven Central through Maven itself (strict checksums), are copied into
``{cache_dir}/neo4j-{version}/lib`` and recorded in a SHA-256 manifest that is checked on every
start, so a truncated or tampered cache is caught instead of crashing the JVM later.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from cellkg.core.errors import ProvisionError
from cellkg.core.settings import NEO4J_BROWSER_VERSION, NEO4J_VERSION, Settings

POM = files("cellkg.ops") / "neo4j_runtime" / "pom.xml"  # package data
SUPPORTED_JAVA = (17, 21)  # Neo4j 5.26 LTS runs on Java 17 and 21 only
_JAVA_VERSION = re.compile(r'version "(\d+)(?:\.(\d+))?')


@dataclass(frozen=True)
class Runtime:
    java: Path
    java_major: int
    lib_dir: Path
    version: str = NEO4J_VERSION


def java_major_version(java: Path) -> int | None:
    try:
        out = subprocess.run([str(java), "-version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = _JAVA_VERSION.search(out.stderr + out.stdout)
    if not match:
        return None
    major = int(match.group(1))
    return int(match.group(2)) if major == 1 and match.group(2) else major


def _java_candidates() -> list[Path]:
    found = []
    if os.environ.get("JAVA_HOME"):
        found.append(Path(os.environ["JAVA_HOME"]) / "bin" / "java")
    on_path = shutil.which("java")
    if on_path:
        found.append(Path(on_path))
    found.extend(sorted(Path("/usr/lib/jvm").glob("*/bin/java")))
    return found


def find_java() -> tuple[Path, int]:
    """The first Java 17 or 21 among JAVA_HOME, PATH and /usr/lib/jvm."""
    seen = []
    for candidate in _java_candidates():
        major = java_major_version(candidate) if candidate.exists() else None
        if major in SUPPORTED_JAVA:
            return candidate, major
        if major is not None:
            seen.append(f"{candidate} (Java {major})")
    raise ProvisionError(
        "no Java 17 or 21 found" + (f"; found only: {', '.join(seen)}" if seen else ""),
        hint="install OpenJDK 17 (Debian: apt-get install openjdk-17-jre-headless) or set JAVA_HOME",
    )


def _manifest(lib_dir: Path) -> dict[str, str]:
    return {jar.name: hashlib.sha256(jar.read_bytes()).hexdigest() for jar in sorted(lib_dir.glob("*.jar"))}


def _write_manifest(lib_dir: Path) -> None:
    lines = [f"{digest}  {name}" for name, digest in _manifest(lib_dir).items()]
    (lib_dir.parent / "manifest.sha256").write_text("\n".join(lines) + "\n", encoding="utf-8")


def verify_cache(lib_dir: Path) -> bool:
    """True when every jar recorded in the manifest is present with its recorded SHA-256."""
    manifest = lib_dir.parent / "manifest.sha256"
    if not manifest.exists():
        return False
    recorded = {}
    for line in manifest.read_text().splitlines():
        if line:
            digest, name = line.split("  ", 1)
            recorded[name] = digest
    return bool(recorded) and recorded == _manifest(lib_dir)


def _download(lib_dir: Path) -> None:
    mvn = shutil.which("mvn")
    if mvn is None:
        raise ProvisionError(
            "Maven (mvn) is needed once to fetch Neo4j from Maven Central", hint="apt-get install maven"
        )
    staging = lib_dir.with_name("lib.partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    pom = staging / "pom.xml"  # beside the download: Maven writes target/ next to its pom, never into site-packages
    pom.write_text(POM.read_text(encoding="utf-8"), encoding="utf-8")
    cmd = [
        mvn,
        "-B",
        "-q",
        "-C",
        "-f",
        str(pom),
        "dependency:copy-dependencies",
        f"-Dneo4j.version={NEO4J_VERSION}",
        f"-Dneo4j.browser.version={NEO4J_BROWSER_VERSION}",
        "-DincludeScope=runtime",
        f"-DoutputDirectory={staging}",
    ]
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).splitlines()[-15:])
        raise ProvisionError(
            f"downloading Neo4j {NEO4J_VERSION} from Maven Central failed:\n{tail}",
            hint="check network access to Maven Central, then run the command again",
        )
    pom.unlink()
    shutil.rmtree(staging / "target", ignore_errors=True)
    shutil.rmtree(lib_dir, ignore_errors=True)
    staging.rename(lib_dir)  # atomic: a half-finished download never looks complete
    _write_manifest(lib_dir)


def provision(settings: Settings, *, log=print) -> Runtime:
    """Return a ready runtime, downloading the jars only if the per-user cache lacks them."""
    java, major = find_java()
    lib_dir = settings.cache_dir / f"neo4j-{NEO4J_VERSION}" / "lib"
    if not verify_cache(lib_dir):
        log(f"Fetching Neo4j Community {NEO4J_VERSION} from Maven Central into {lib_dir.parent} (once per user)…")
        lib_dir.parent.mkdir(parents=True, exist_ok=True)
        _download(lib_dir)
    return Runtime(java=java, java_major=major, lib_dir=lib_dir)

"""Settings, built on demand from ``CELLKG_*`` environment variables and validated once.

Nothing here runs at import time; call :func:`get_settings`. Defaults suit one developer's
machine: state (Neo4j data, generated password, pid files) under ``./.cellkg``, downloads
cached per user under ``~/.cache/cellkg``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from cellkg.core.errors import ConfigError

NEO4J_VERSION = "5.26.30"
NEO4J_BROWSER_VERSION = "5.24.0"

# In a checkout the explorer is built into web/dist; an installed package is pointed at it with CELLKG_WEB_DIST.
CHECKOUT_WEB_DIST = Path(__file__).resolve().parents[2] / "web" / "dist"


def _env(name: str, default: str) -> str:
    return os.environ.get(f"CELLKG_{name}", default)


def _env_int(name: str, default: int) -> int:
    raw = _env(name, str(default))
    try:
        return int(raw)
    except ValueError:
        raise ConfigError(f"CELLKG_{name} must be a whole number, got {raw!r}") from None


def _env_bool(name: str, default: bool) -> bool:
    raw = _env(name, "1" if default else "0").strip().lower()
    if raw in {"1", "true", "yes", "on"}:
        return True
    if raw in {"0", "false", "no", "off"}:
        return False
    raise ConfigError(f"CELLKG_{name} must be true or false, got {raw!r}")


@dataclass(frozen=True)
class Settings:
    state_dir: Path
    cache_dir: Path
    bolt_port: int = 7687
    http_port: int = 7474
    neo4j_host: str = "127.0.0.1"
    neo4j_uri: str = ""  # empty: bolt://{neo4j_host}:{bolt_port}
    neo4j_user: str = "neo4j"
    neo4j_password: str = ""  # empty: read from {state_dir}/neo4j/password
    neo4j_database: str = "neo4j"
    neo4j_heap: str = "1g"
    neo4j_pagecache: str = "512m"
    neo4j_tx_timeout_s: int = 60
    neo4j_start_timeout_s: int = 120
    api_host: str = "127.0.0.1"
    api_port: int = 8000
    api_key: str = ""  # empty: mutations disabled
    read_key: str = ""  # empty: reads need no key
    open_reads: bool = False  # serving on a non-loopback address without read_key needs this opt-in
    api_cors_origins: tuple[str, ...] = ()
    api_graphiql: bool = True
    api_introspection: bool = True
    api_max_depth: int = 8
    api_max_aliases: int = 15
    api_max_tokens: int = 2000
    api_max_page_size: int = 100
    api_query_timeout_s: int = 10
    load_batch_docs: int = 50
    max_document_bytes: int = 20_000_000
    web_dist: Path = CHECKOUT_WEB_DIST  # the built explorer (cd web && npm ci && npm run build)
    extra_neo4j_conf: tuple[tuple[str, str], ...] = field(default=())

    @property
    def neo4j_home(self) -> Path:
        return self.state_dir / "neo4j"

    @property
    def password_file(self) -> Path:
        return self.neo4j_home / "password"

    @property
    def bolt_uri(self) -> str:
        return self.neo4j_uri or f"bolt://{self.neo4j_host}:{self.bolt_port}"

    def password(self) -> str:
        if self.neo4j_password:
            return self.neo4j_password
        try:
            return self.password_file.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            raise ConfigError(
                f"no Neo4j password: {self.password_file} does not exist",
                hint="run 'cellkg neo4j start' (or 'make up') first, or set CELLKG_NEO4J_PASSWORD",
            ) from None

    def with_overrides(self, **changes: Any) -> Settings:
        return replace(self, **changes)


def load_settings() -> Settings:
    """Read the environment now (uncached): tests and subprocesses call this directly."""
    origins = tuple(o.strip() for o in _env("API_CORS_ORIGINS", "").split(",") if o.strip())
    settings = Settings(
        state_dir=Path(_env("STATE_DIR", str(Path.cwd() / ".cellkg"))).resolve(),
        cache_dir=Path(_env("CACHE_DIR", str(Path.home() / ".cache" / "cellkg"))).resolve(),
        bolt_port=_env_int("BOLT_PORT", 7687),
        http_port=_env_int("HTTP_PORT", 7474),
        neo4j_host=_env("NEO4J_HOST", "127.0.0.1"),
        neo4j_uri=_env("NEO4J_URI", ""),
        neo4j_user=_env("NEO4J_USER", "neo4j"),
        neo4j_password=_env("NEO4J_PASSWORD", ""),
        neo4j_database=_env("NEO4J_DATABASE", "neo4j"),
        neo4j_heap=_env("NEO4J_HEAP", "1g"),
        neo4j_pagecache=_env("NEO4J_PAGECACHE", "512m"),
        neo4j_tx_timeout_s=_env_int("NEO4J_TX_TIMEOUT", 60),
        neo4j_start_timeout_s=_env_int("NEO4J_START_TIMEOUT", 120),
        api_host=_env("API_HOST", "127.0.0.1"),
        api_port=_env_int("API_PORT", 8000),
        api_key=_env("API_KEY", ""),
        read_key=_env("READ_KEY", ""),
        open_reads=_env_bool("OPEN_READS", False),
        api_cors_origins=origins,
        api_graphiql=_env_bool("API_GRAPHIQL", True),
        api_introspection=_env_bool("API_INTROSPECTION", True),
        api_max_depth=_env_int("API_MAX_DEPTH", 8),
        api_max_aliases=_env_int("API_MAX_ALIASES", 15),
        api_max_tokens=_env_int("API_MAX_TOKENS", 2000),
        api_max_page_size=_env_int("API_MAX_PAGE_SIZE", 100),
        api_query_timeout_s=_env_int("API_QUERY_TIMEOUT", 10),
        load_batch_docs=_env_int("LOAD_BATCH_DOCS", 50),
        max_document_bytes=_env_int("MAX_DOCUMENT_BYTES", 20_000_000),
        web_dist=Path(_env("WEB_DIST", str(CHECKOUT_WEB_DIST))).resolve(),
    )
    if settings.neo4j_password.strip().lower() == "neo4j":
        raise ConfigError(
            "CELLKG_NEO4J_PASSWORD must not be the default 'neo4j'", hint="unset it to use the generated one"
        )
    for name, key in (("API_KEY", settings.api_key), ("READ_KEY", settings.read_key)):
        if key and len(key) < 16:
            raise ConfigError(
                f"CELLKG_{name} must be at least 16 characters",
                hint="generate one: python -c 'import secrets;print(secrets.token_urlsafe(24))'",
            )
    for port in (settings.bolt_port, settings.http_port, settings.api_port):
        if not 0 < port < 65536:
            raise ConfigError(f"port {port} is out of range")
    return settings


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return load_settings()

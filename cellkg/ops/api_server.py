"""Run the API: in the foreground, or detached (own session, pid and log under state_dir).

The detached server is a fresh ``python -m uvicorn --factory cellkg.api.app:create_app``; it reads its
settings from CELLKG_* variables, so the caller's settings are passed down that way. With more than
one worker, uvicorn's supervisor process forks that many servers on the same port (each with its
own driver pool and response cache); stopping the supervisor stops them all.
"""

from __future__ import annotations

import ipaddress
import os
import sys
import time
import urllib.request
from pathlib import Path

from cellkg.core.errors import ConfigError, ProvisionError
from cellkg.core.settings import Settings
from cellkg.ops.processes import port_taken, spawn_detached, terminate

START_TIMEOUT_S = 30


def pid_file(settings: Settings) -> Path:
    return settings.state_dir / "api.pid"


def log_file(settings: Settings) -> Path:
    return settings.state_dir / "api.log"


def graphql_url(settings: Settings) -> str:
    return f"http://{settings.api_host}:{settings.api_port}/graphql"


def settings_env(settings: Settings) -> dict[str, str]:
    """The CELLKG_* variables that make load_settings() in a child equal ``settings``."""
    s = settings
    values = {
        "STATE_DIR": s.state_dir,
        "CACHE_DIR": s.cache_dir,
        "BOLT_PORT": s.bolt_port,
        "HTTP_PORT": s.http_port,
        "NEO4J_HOST": s.neo4j_host,
        "NEO4J_URI": s.neo4j_uri,
        "NEO4J_USER": s.neo4j_user,
        "NEO4J_PASSWORD": s.neo4j_password,
        "NEO4J_DATABASE": s.neo4j_database,
        "API_HOST": s.api_host,
        "API_PORT": s.api_port,
        "API_KEY": s.api_key,
        "READ_KEY": s.read_key,
        "OPEN_READS": int(s.open_reads),
        "API_CORS_ORIGINS": ",".join(s.api_cors_origins),
        "API_GRAPHIQL": int(s.api_graphiql),
        "API_INTROSPECTION": int(s.api_introspection),
        "API_MAX_DEPTH": s.api_max_depth,
        "API_MAX_ALIASES": s.api_max_aliases,
        "API_MAX_TOKENS": s.api_max_tokens,
        "API_MAX_PAGE_SIZE": s.api_max_page_size,
        "API_QUERY_TIMEOUT": s.api_query_timeout_s,
        "MAX_DOCUMENT_BYTES": s.max_document_bytes,
    }
    return {f"CELLKG_{name}": str(value) for name, value in values.items()}


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name other than localhost may resolve to any address


def check_read_exposure(settings: Settings) -> None:
    """Refuse to serve the graph without a key beyond this machine unless open reads were asked for."""
    if is_loopback(settings.api_host) or settings.read_key or settings.open_reads:
        return
    raise ConfigError(
        f"the API would let anyone who reaches {settings.api_host}:{settings.api_port} read the whole graph",
        hint="set CELLKG_READ_KEY (at least 16 characters; clients send 'Authorization: Bearer <key>'), "
        "or allow reads without a key with CELLKG_OPEN_READS=true or 'cellkg serve --open-reads', "
        "or bind 127.0.0.1 (CELLKG_API_HOST)",
    )


def running_pid(settings: Settings) -> int | None:
    try:
        pid = int(pid_file(settings).read_text().strip())
        os.kill(pid, 0)
        return pid
    except (FileNotFoundError, ValueError, ProcessLookupError, PermissionError):
        return None


def _healthy(settings: Settings) -> bool:
    try:
        with urllib.request.urlopen(f"http://{settings.api_host}:{settings.api_port}/healthz", timeout=1) as resp:
            return resp.status == 200
    except OSError:
        return False


def _log_tail(settings: Settings, lines: int = 20) -> str:
    path = log_file(settings)
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else "(no log)"


def start_api_detached(settings: Settings, workers: int = 1) -> str:
    check_read_exposure(settings)
    if running_pid(settings) is not None and _healthy(settings):
        return graphql_url(settings)
    if port_taken(settings.api_host, settings.api_port):
        raise ProvisionError(
            f"port {settings.api_port} on {settings.api_host} is taken by another process",
            hint="stop it, or choose another port with CELLKG_API_PORT",
        )
    settings.state_dir.mkdir(parents=True, exist_ok=True)
    cmd = [
        sys.executable,
        "-m",
        "uvicorn",
        "--factory",
        "cellkg.api.app:create_app",
        "--host",
        settings.api_host,
        "--port",
        str(settings.api_port),
        "--no-access-log",
        *worker_options(workers),
    ]
    with log_file(settings).open("ab") as log:
        proc = spawn_detached(cmd, log, settings.state_dir, env={**os.environ, **settings_env(settings)})
    pid_file(settings).write_text(str(proc.pid))
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pid_file(settings).unlink(missing_ok=True)
            raise ProvisionError(f"the API exited during start-up (code {proc.returncode}):\n{_log_tail(settings)}")
        if _healthy(settings):
            return graphql_url(settings)
        time.sleep(0.2)
    stop_api(settings)
    raise ProvisionError(f"the API did not answer /healthz within {START_TIMEOUT_S} s:\n{_log_tail(settings)}")


def stop_api(settings: Settings, timeout: float = 15) -> None:
    pid = running_pid(settings)
    if pid is not None:
        terminate(pid, timeout)
    pid_file(settings).unlink(missing_ok=True)


def worker_options(workers: int) -> list[str]:
    if workers < 1:
        raise ProvisionError(f"--workers must be at least 1, not {workers}")
    return ["--workers", str(workers)] if workers > 1 else []


def serve_foreground(settings: Settings, workers: int = 1) -> None:
    import uvicorn

    from cellkg.api.app import create_app

    check_read_exposure(settings)
    worker_options(workers)
    if workers == 1:
        uvicorn.run(create_app(settings), host=settings.api_host, port=settings.api_port)
        return
    os.environ.update(settings_env(settings))  # each worker process builds its app from these
    uvicorn.run(
        "cellkg.api.app:create_app", factory=True, host=settings.api_host, port=settings.api_port, workers=workers
    )

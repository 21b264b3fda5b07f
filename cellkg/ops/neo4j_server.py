"""Start, stop and inspect the project's own Neo4j server (loopback only, generated password).

One instance lives in ``{state_dir}/neo4j`` (conf, data, logs, run, plugins, import). The
configuration is rewritten from settings at every start; data survives stop/start.
"""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, ServiceUnavailable

from cellkg.core.errors import ProvisionError
from cellkg.core.settings import NEO4J_VERSION, Settings
from cellkg.ops.processes import is_alive, port_taken, spawn_detached, terminate
from cellkg.ops.provision import Runtime, provision

JVM_FLAGS = (
    "-XX:+UseG1GC",
    "-XX:+ExitOnOutOfMemoryError",
    "-XX:-OmitStackTraceInFastThrow",
    "-Dlog4j2.disable.jmx=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Dfile.encoding=UTF-8",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
)


@dataclass(frozen=True)
class ServerStatus:
    running: bool
    pid: int | None
    bolt_uri: str
    browser_url: str
    version: str = NEO4J_VERSION


def neo4j_conf(settings: Settings) -> str:
    """The whole neo4j.conf, derived from settings (no defaults hidden in a template)."""
    host, bolt, http = settings.neo4j_host, settings.bolt_port, settings.http_port
    lines = {
        "server.default_listen_address": host,
        "server.default_advertised_address": host,
        "server.bolt.listen_address": f"{host}:{bolt}",
        "server.bolt.advertised_address": f"{host}:{bolt}",
        "server.http.listen_address": f"{host}:{http}",
        "server.http.advertised_address": f"{host}:{http}",
        "server.https.enabled": "false",
        "dbms.security.auth_enabled": "true",
        "server.memory.heap.initial_size": settings.neo4j_heap,
        "server.memory.heap.max_size": settings.neo4j_heap,
        "server.memory.pagecache.size": settings.neo4j_pagecache,
        "db.transaction.timeout": f"{settings.neo4j_tx_timeout_s}s",
        "db.memory.transaction.max": "256m",
        "dbms.memory.transaction.total.max": "512m",
        "db.logs.query.enabled": "OFF",
        "server.directories.import": "import",
        "dbms.usage_report.enabled": "false",  # no phoning home: the machines this runs on are offline
        # On connect, Neo4j Browser applies cellkg's style and opens its guide; the API serves both
        # (cypher/browser/) at /browser/, and the Browser fetches only from allowlisted hosts.
        "browser.post_connect_cmd": f"style http://{settings.api_host}:{settings.api_port}/browser/cellkg.grass; "
        f"play http://{settings.api_host}:{settings.api_port}/browser/guide.html",
        "browser.remote_content_hostname_whitelist": ",".join(
            dict.fromkeys(["localhost", "127.0.0.1", settings.api_host])
        ),
    }
    lines.update(dict(settings.extra_neo4j_conf))
    return "".join(f"{k}={v}\n" for k, v in lines.items())


def neo4j_admin(settings: Settings, runtime: Runtime, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``neo4j-admin ARGS`` (the runtime's AdminTool) on the project's home; the server must be stopped
    for the commands that write (import, load)."""
    home = settings.neo4j_home
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}
    cmd = [str(runtime.java), "-cp", f"{runtime.lib_dir}/*", "org.neo4j.cli.AdminTool", *args]
    return subprocess.run(cmd, env=env, capture_output=True, text=True)


class Neo4jServer:
    def __init__(self, settings: Settings, *, log=print) -> None:
        self.settings = settings
        self.home = settings.neo4j_home
        self.log = log

    @property
    def pid_file(self) -> Path:
        return self.home / "run" / "neo4j.pid"

    def pid(self) -> int | None:
        try:
            pid = int(self.pid_file.read_text().strip())
            os.kill(pid, 0)
            return pid
        except (FileNotFoundError, ValueError, ProcessLookupError, PermissionError):
            return None

    def status(self) -> ServerStatus:
        s = self.settings
        return ServerStatus(
            self.pid() is not None, self.pid(), s.bolt_uri, f"http://{s.neo4j_host}:{s.http_port}/browser/"
        )

    def start(self) -> ServerStatus:
        if self.pid() is not None:
            self.wait_ready()
            return self.status()
        runtime = provision(self.settings, log=self.log)
        self._prepare_home(runtime)
        self._check_ports_free()
        console = (self.home / "logs" / "console.log").open("ab")
        cmd = [
            str(runtime.java),
            f"-Xms{self.settings.neo4j_heap}",
            f"-Xmx{self.settings.neo4j_heap}",
            *JVM_FLAGS,
            "-cp",
            f"{runtime.lib_dir}/*:{self.home}/plugins/*",
            "org.neo4j.server.CommunityEntryPoint",
            f"--home-dir={self.home}",
            f"--config-dir={self.home / 'conf'}",
        ]
        proc = spawn_detached(cmd, console, self.home)
        self.pid_file.write_text(str(proc.pid))
        self.wait_ready(process=proc)
        return self.status()

    def stop(self, timeout: float = 60) -> None:
        pid = self.pid()
        if pid is None:
            self.pid_file.unlink(missing_ok=True)
            return
        terminate(pid, timeout)
        self.pid_file.unlink(missing_ok=True)

    def kill(self) -> None:
        """Hard stop (SIGKILL), as a crash would: used by fault-injection tests."""
        pid = self.pid()
        if pid is not None:
            os.kill(pid, signal.SIGKILL)
            while is_alive(pid):
                time.sleep(0.05)
        self.pid_file.unlink(missing_ok=True)

    def wait_ready(self, process: subprocess.Popen | None = None) -> None:
        s = self.settings
        deadline = time.monotonic() + s.neo4j_start_timeout_s
        last_error: Exception | None = None
        while time.monotonic() < deadline:
            if process is not None and process.poll() is not None:
                raise ProvisionError(f"Neo4j exited during start-up (code {process.returncode}):\n{self.log_tail()}")
            try:
                with GraphDatabase.driver(s.bolt_uri, auth=(s.neo4j_user, s.password())) as driver:
                    driver.verify_connectivity()
                    driver.execute_query("RETURN 1", database_=s.neo4j_database)
                return
            except AuthError as exc:
                raise ProvisionError(
                    f"Neo4j at {s.bolt_uri} refused the stored password: {exc.message}",
                    hint=f"another Neo4j may own port {s.bolt_port}; or delete {self.home} to start afresh",
                ) from exc
            except (ServiceUnavailable, OSError, Exception) as exc:  # not ready yet: keep polling
                last_error = exc
                time.sleep(0.5)
        raise ProvisionError(
            f"Neo4j did not become ready in {s.neo4j_start_timeout_s} s ({last_error}):\n{self.log_tail()}",
            hint="raise CELLKG_NEO4J_START_TIMEOUT on a slow machine",
        )

    def log_tail(self, lines: int = 25) -> str:
        out = []
        for name in ("neo4j.log", "console.log"):
            path = self.home / "logs" / name
            if path.exists():
                out.append(f"--- {path} ---")
                out.extend(path.read_text(errors="replace").splitlines()[-lines:])
        return "\n".join(out) or "(no log written)"

    def _prepare_home(self, runtime: Runtime) -> None:
        for sub in ("conf", "data", "logs", "run", "plugins", "import"):
            (self.home / sub).mkdir(parents=True, exist_ok=True)
        (self.home / "conf" / "neo4j.conf").write_text(neo4j_conf(self.settings), encoding="utf-8")
        if not self.settings.password_file.exists():
            self._set_initial_password(runtime)

    def _set_initial_password(self, runtime: Runtime) -> None:
        if (self.home / "data" / "dbms").exists():
            raise ProvisionError(
                f"{self.settings.password_file} is missing but {self.home}/data already exists",
                hint=f"restore the password file, or delete {self.home} to start afresh",
            )
        password = secrets.token_hex(24)  # hex: never starts with "-", which neo4j-admin would read as an option
        result = neo4j_admin(self.settings, runtime, "dbms", "set-initial-password", password)
        if result.returncode != 0:
            raise ProvisionError(f"setting the initial Neo4j password failed:\n{result.stdout}{result.stderr}")
        fd = os.open(self.settings.password_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(password + "\n")

    def _check_ports_free(self) -> None:
        for port in (self.settings.bolt_port, self.settings.http_port):
            if port_taken(self.settings.neo4j_host, port):
                raise ProvisionError(
                    f"port {port} on {self.settings.neo4j_host} is taken by another process",
                    hint="stop it, or choose other ports with CELLKG_BOLT_PORT / CELLKG_HTTP_PORT",
                )

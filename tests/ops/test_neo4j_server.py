"""The provisioned Neo4j: loopback only, generated password, clear errors, Browser served."""

from __future__ import annotations

import stat
import urllib.request

import pytest

from cellkg.core.errors import ProvisionError
from cellkg.ops.neo4j_server import Neo4jServer, neo4j_conf
from cellkg.ops.provision import _write_manifest, find_java, verify_cache


def test_configuration_is_loopback_only_with_auth(settings):
    conf = neo4j_conf(settings)
    assert "server.default_listen_address=127.0.0.1\n" in conf
    assert f"server.bolt.listen_address=127.0.0.1:{settings.bolt_port}\n" in conf
    assert "dbms.security.auth_enabled=true\n" in conf
    assert "db.transaction.timeout=" in conf and "server.memory.heap.max_size=" in conf


def test_generated_password_is_private_and_not_the_default(settings):
    mode = stat.S_IMODE(settings.password_file.stat().st_mode)
    assert mode == 0o600
    password = settings.password()
    assert password != "neo4j" and len(password) >= 24


def test_browser_answers_on_the_http_port(settings):
    with urllib.request.urlopen(f"http://127.0.0.1:{settings.http_port}/browser/", timeout=10) as response:
        assert response.status == 200
        assert b"<html" in response.read(4096).lower()


def test_a_taken_port_is_reported_before_starting(settings, tmp_path):
    other = Neo4jServer(
        settings.with_overrides(state_dir=tmp_path, http_port=settings.http_port + 3), log=lambda *_: None
    )
    with pytest.raises(ProvisionError, match=f"port {settings.bolt_port} .* is taken"):
        other.start()
    assert other.pid() is None


def test_status_of_a_server_that_is_not_running(settings, tmp_path):
    status = Neo4jServer(settings.with_overrides(state_dir=tmp_path)).status()
    assert not status.running and status.pid is None


def test_supported_java_is_found():
    java, major = find_java()
    assert major in (17, 21) and java.exists()


def test_a_tampered_jar_cache_is_detected(tmp_path):
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "a.jar").write_bytes(b"jar one")
    (lib / "b.jar").write_bytes(b"jar two")
    assert not verify_cache(lib)  # no manifest yet: never trusted
    _write_manifest(lib)
    assert verify_cache(lib)
    (lib / "b.jar").write_bytes(b"jar 2")
    assert not verify_cache(lib)
    (lib / "b.jar").unlink()
    assert not verify_cache(lib)

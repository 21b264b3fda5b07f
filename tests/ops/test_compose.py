"""docker-compose.yml cannot run here (no Docker engine); check that it says what it should."""

from __future__ import annotations

import yaml

from tests.support.paths import REPO_ROOT


def compose() -> dict:
    return yaml.safe_load((REPO_ROOT / "docker-compose.yml").read_text())


def test_services_ports_and_healthchecks():
    services = compose()["services"]
    assert set(services) == {"neo4j", "api", "ingest"}
    neo4j = services["neo4j"]
    assert neo4j["image"] == "neo4j:5.26-community"
    assert {"127.0.0.1:7474:7474", "127.0.0.1:7687:7687"} <= set(neo4j["ports"])
    assert "healthcheck" in neo4j and "healthcheck" in services["api"]
    assert "neo4j-data:/data" in neo4j["volumes"] and "neo4j-data" in compose()["volumes"]
    assert services["api"]["ports"] == ["127.0.0.1:8000:8000"]


def test_ingest_is_one_shot_and_waits_for_a_healthy_neo4j():
    ingest = compose()["services"]["ingest"]
    assert ingest["restart"] == "no"
    assert ingest["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert ingest["command"][:2] == ["cellkg", "ingest"]


def test_no_default_password_and_same_settings_as_make_up():
    services = compose()["services"]
    auth = services["neo4j"]["environment"]["NEO4J_AUTH"]
    assert auth.startswith("neo4j/${CELLKG_NEO4J_PASSWORD:?")
    for name in ("api", "ingest"):
        env = services[name]["environment"]
        assert env["CELLKG_NEO4J_URI"] == "bolt://neo4j:7687"
        assert env["CELLKG_NEO4J_PASSWORD"].startswith("${CELLKG_NEO4J_PASSWORD:?")

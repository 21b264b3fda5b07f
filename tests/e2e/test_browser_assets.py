"""The Browser's style and guide: generated guide in step with the library, style for every label,
and the server telling Neo4j Browser to load both."""

from __future__ import annotations

import re
import runpy
from html import unescape

from cellkg.core.schema import ENTITY_TYPES
from cellkg.graph import queries
from cellkg.ops.neo4j_server import neo4j_conf
from tests.support.paths import REPO_ROOT

BROWSER = REPO_ROOT / "cypher" / "browser"
make_guide = runpy.run_path(str(REPO_ROOT / "scripts" / "make_guide.py"), run_name="make_guide")


def test_guide_on_disk_is_the_generated_one():
    rendered = make_guide["render_guide"](queries.list_queries())
    on_disk = (BROWSER / "guide.html").read_text(encoding="utf-8")
    assert on_disk == rendered, "run: .venv/bin/python scripts/make_guide.py"


def test_guide_offers_every_query_as_runnable_cypher():
    guide = (BROWSER / "guide.html").read_text(encoding="utf-8")
    runnables = re.findall(r'<pre class="runnable">(.*?)</pre>', guide, re.S)
    for query in queries.list_queries():
        assert f"<h3>{query.name}</h3>" in guide
        assert query.body in map(unescape, runnables), query.name
    assert ':params {target: "CD19"}' in map(unescape, runnables)


def test_style_colours_every_label_and_greys_provenance():
    grass = (BROWSER / "cellkg.grass").read_text(encoding="utf-8")
    rules = dict(re.findall(r"([\w.]+)\s*\{([^}]*)\}", grass))
    for label in ENTITY_TYPES:
        assert "color:" in rules[f"node.{label}"], label
    for label in ("Document", "Evidence"):
        assert re.search(r"diameter:\s*(1\d|2\d)px", rules[f"node.{label}"]), label
    assert 'caption: "<type>"' in rules["relationship"]


def test_server_config_points_browser_at_the_api_assets(settings):
    conf = dict(line.split("=", 1) for line in neo4j_conf(settings).splitlines())
    base = f"http://{settings.api_host}:{settings.api_port}/browser"
    assert conf["browser.post_connect_cmd"] == f"style {base}/cellkg.grass; play {base}/guide.html"
    assert settings.api_host in conf["browser.remote_content_hostname_whitelist"].split(",")


def test_running_server_hands_the_commands_to_the_browser(driver, settings):
    records, _, _ = driver.execute_query("CALL dbms.clientConfig() YIELD name, value RETURN name, value")
    served = {r["name"]: r["value"] for r in records}
    conf = dict(line.split("=", 1) for line in neo4j_conf(settings).splitlines())
    assert served.get("browser.post_connect_cmd") == conf["browser.post_connect_cmd"], "restart the test Neo4j"

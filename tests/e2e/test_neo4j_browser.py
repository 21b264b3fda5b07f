"""Neo4j Browser end to end in a real headless Chromium (Debian's /usr/bin/chromium via Playwright).

A user opens the Browser, connects with the generated password; Neo4j's post_connect_cmd makes
the Browser apply cellkg's style and open cellkg's guide, fetched from the API's /browser/ URLs
(answered here from cypher/browser/ itself, as the API serves it, with the CORS header the
Browser needs); a click in the guide sets the example parameters, another runs a library query,
and the graph view draws styled nodes. Saves docs/browser.png for the README.
"""

from __future__ import annotations

import pytest

from cellkg.graph.db import wipe_graph
from cellkg.ingest.stream import ingest_paths
from tests.support.paths import EXAMPLES, REPO_ROOT

pytestmark = pytest.mark.browser

ASSETS = REPO_ROOT / "cypher" / "browser"
SCREENSHOT = REPO_ROOT / "docs" / "browser.png"
GUIDE_QUERY = "neighbourhood_of_entity"


@pytest.fixture(scope="module")
def example_graph(driver):
    wipe_graph(driver)
    ingest_paths(driver, [EXAMPLES])
    return driver


def serve_assets(route) -> None:
    """Answer the Browser's request for /browser/<file> as the API does."""
    path = ASSETS / route.request.url.rsplit("/", 1)[-1]
    if not path.is_file():
        route.fulfill(status=404)
        return
    route.fulfill(status=200, body=path.read_bytes(), headers={"Access-Control-Allow-Origin": "*"})


def connect(page, settings) -> None:
    page.goto(f"http://{settings.neo4j_host}:{settings.http_port}/browser/")
    page.get_by_test_id("boltaddress").fill(settings.bolt_uri)
    page.get_by_test_id("username").fill(settings.neo4j_user)
    page.get_by_test_id("password").fill(settings.password())
    page.get_by_test_id("connect").click()


def open_slide(guide, name: str) -> None:
    for _ in range(40):
        if guide.locator("h3", has_text=name).first.is_visible():
            return
        guide.get_by_test_id("nextSlide").click()
    raise AssertionError(f"the guide has no slide {name}")


def test_browser_shows_styled_graph_from_the_guide(browser, settings, example_graph):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        page.set_default_timeout(20_000)
        page.route(f"http://{settings.api_host}:{settings.api_port}/browser/**", serve_assets)
        connect(page, settings)
        guide = page.get_by_test_id("carousel")
        guide.wait_for()
        frames = page.get_by_test_id("frameCommand").all_inner_texts()
        assert any(text.startswith(":style ") and text.endswith("/browser/cellkg.grass") for text in frames)

        open_slide(guide, GUIDE_QUERY)
        set_params, run_query = guide.locator("pre.runnable i.fa-play-circle-o").filter(visible=True).all()[:2]
        set_params.click()
        page.get_by_test_id("frameCommand").filter(has_text=":params").wait_for()
        run_query.click()
        nodes = page.locator("svg g.node")
        nodes.first.wait_for()
        page.wait_for_timeout(1500)  # let the force layout settle before the screenshot
        assert nodes.count() >= 5
        captions = " ".join(page.locator("svg g.node text").all_text_contents())
        assert "eque-cel" in captions and "IASO Bio" in captions and "伊基奥仑赛" in captions
        therapy = page.locator("svg g.node", has_text="eque-cel").locator("circle.b-outline")
        assert therapy.get_attribute("fill").lower() == "#f79767"  # node.Therapy colour from cellkg.grass

        SCREENSHOT.parent.mkdir(exist_ok=True)
        page.get_by_test_id("frame").first.screenshot(path=str(SCREENSHOT))
    finally:
        page.close()

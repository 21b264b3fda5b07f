"""The web explorer (web/dist) end to end in a real headless Chromium (Debian's, via Playwright).

The API runs in-process (uvicorn in a thread, on a free port) against the session's Neo4j loaded
with examples/corpus and two structured records (a ClinicalTrials.gov study, a PubMed article), and
serves the built explorer. Every request that does not go to 127.0.0.1
is aborted, so a CDN or web font would break the page; any console error fails the test.
Chromium comes from tests/e2e/conftest.py (the ``browser`` fixture).
Saves docs/web-entity.png and docs/web-graph.png for the README.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import quote

import pytest
import uvicorn

from cellkg.api.app import create_app
from cellkg.api.web import BUILD_HINT
from cellkg.graph.db import wipe_graph
from cellkg.ingest.stream import ingest_paths
from tests.support.paths import REPO_ROOT
from tests.support.servers import free_port

pytestmark = pytest.mark.browser

DOCS = REPO_ROOT / "docs"
FIRST_LOAD_BUDGET_S = 1.0
RECORDS = REPO_ROOT / "tests" / "data" / "records"
STUDY = RECORDS / "ctgov" / "NCT06898385.json"  # a TCR-T study: phase 1, recruiting, China
ARTICLE = RECORDS / "pubmed" / "22663011.xml"  # trametinib in melanoma, NEJM 2012
READ_KEY = "explorer-read-key-0123"


@pytest.fixture(scope="module")
def dist(settings):
    found = settings.web_dist
    if not (found / "index.html").is_file() or not (found / "graphiql.html").is_file():
        pytest.fail(f"the web explorer is not built ({found} is missing): run `{BUILD_HINT}`", pytrace=False)
    return found


@contextmanager
def serving(settings) -> Iterator[str]:
    """The API with ``settings`` in a thread on a free port; its base URL."""
    port = free_port()
    app = create_app(settings.with_overrides(api_port=port))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the API did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def base_url(dist, settings, driver) -> Iterator[str]:
    wipe_graph(driver)
    ingest_paths(driver, [REPO_ROOT / "examples" / "corpus", STUDY, ARTICLE])
    with serving(settings) as base:
        _post(base, '{ search(text: "CD19") { score } }')  # warm the driver pool and Neo4j's caches
        yield base


@pytest.fixture(scope="module")
def keyed_base_url(base_url, settings) -> Iterator[str]:
    """A second API on the same graph (base_url loaded it) that needs a read key."""
    with serving(settings.with_overrides(read_key=READ_KEY)) as base:
        yield base


def _post(base: str, query: str) -> dict:
    request = urllib.request.Request(
        f"{base}/graphql", json.dumps({"query": query}).encode(), {"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=20) as response:
        return json.load(response)


class Console:
    """Console errors and uncaught exceptions of a page, and the requests it tried off this machine."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.outside: list[str] = []


@pytest.fixture
def console() -> Console:
    return Console()


@pytest.fixture
def page(browser, base_url, console: Console):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, base_url=base_url)

    def offline(route) -> None:  # only 127.0.0.1: a CDN, a web font or an analytics call would fail here
        url = route.request.url
        if url.startswith("http://127.0.0.1:") or url.startswith("data:"):
            route.continue_()
        else:
            console.outside.append(url)
            route.abort()

    context.route("**/*", offline)
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    tab.on("console", lambda m: console.errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: console.errors.append(f"uncaught: {e}"))
    yield tab
    context.close()


@pytest.fixture
def clean_console(console: Console):
    yield
    assert console.errors == [], f"console errors: {console.errors}"
    assert console.outside == [], f"requests off this machine: {console.outside}"


def search(page, text: str):
    box = page.get_by_role("combobox", name="Search entities")
    box.fill(text)
    listbox = page.get_by_role("listbox", name="Search entities suggestions")
    listbox.wait_for()
    return listbox


def test_search_in_english_and_chinese_groups_hits_by_type(page, clean_console):
    page.goto("/")
    page.get_by_test_id("overview").get_by_text("Therapies by target").wait_for()
    trials = page.get_by_role("region", name="Trials by disease")
    stage = trials.get_by_role("listitem").filter(has_text="NCT06898385").first.get_by_test_id("trial-stage")
    assert stage.inner_text().split() == ["Phase", "1", "Recruiting"]

    hits = search(page, "CD19")
    hits.get_by_role("group", name="Target").get_by_role("option", name="CD19").wait_for()
    assert hits.get_by_role("group", name="Therapy").get_by_role("option").count() >= 2  # CD19 CAR-T, CD19 CAR-NK

    hits = search(page, "骨髓瘤")
    hits.get_by_role("group", name="Disease").get_by_role("option", name="multiple myeloma").wait_for()

    hits = search(page, "周剑峰")  # a researcher by his Chinese name, found as Zhou Jianfeng
    hits.get_by_role("option", name="Zhou Jianfeng").wait_for()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/entity/Researcher%3Azhoujianfeng")
    page.get_by_role("heading", name="Zhou Jianfeng").wait_for()

    page.get_by_role("combobox", name="Search entities").fill("myeloma")
    page.keyboard.press("Enter")  # no option chosen: the full result page, grouped by type
    page.wait_for_url("**/search?q=myeloma")
    page.get_by_test_id("search-page").get_by_role("heading", name="Disease").wait_for()
    page.go_back()
    page.wait_for_url("**/entity/Researcher%3Azhoujianfeng")


def test_entity_page_loads_fast_with_highlighted_evidence_and_links_to_its_document(
    browser, page, base_url, clean_console
):
    entity_url = f"/entity/{quote('Therapy:relmacel', safe='')}"
    warm = browser.new_page(base_url=base_url)  # the API's first run of this query shape is not the page's
    warm.goto(entity_url)
    warm.get_by_test_id("evidence").first.wait_for()
    warm.close()
    started = time.perf_counter()
    page.goto(entity_url)  # a fresh browser context: nothing cached
    page.get_by_test_id("evidence").first.wait_for()
    first_load = time.perf_counter() - started
    print(f"\nfirst load of the entity page: {first_load * 1000:.0f} ms")
    assert first_load < FIRST_LOAD_BUDGET_S, f"the entity page took {first_load:.2f} s to show its evidence"

    entity = page.get_by_test_id("entity-page")
    assert "relma-cel" in entity.get_by_role("heading", level=1).inner_text()
    assert entity.get_by_role("heading", name="Targets").is_visible()
    assert entity.locator("mark.span").first.is_visible()  # subject and object named in the sentence
    assert entity.locator(".evidence.negated .flag-negated").first.is_visible()  # the denied target is marked
    assert entity.locator(".facts").get_by_text("瑞基奥仑赛").first.is_visible()  # aliases in both languages

    DOCS.mkdir(exist_ok=True)
    page.screenshot(path=str(DOCS / "web-entity.png"))

    entity.locator(".evidence .doc-link").first.click()
    document = page.get_by_test_id("document-page")
    document.wait_for()
    assert document.get_by_test_id("doc-text").locator("a.mention").count() > 3  # mentions highlighted by type
    assert document.get_by_test_id("doc-text").locator("mark.focus").first.is_visible()  # the sentence we came from
    assert document.locator("table.claims tbody tr").count() > 0
    page.go_back()
    page.get_by_test_id("entity-page").wait_for()


def test_graph_view_expands_a_node_on_click_and_filters(page, clean_console):
    page.goto(f"/graph/{quote('Target:cd19', safe='')}")
    page.wait_for_function("() => window.__cellkgCy && window.__cellkgCy.nodes().length > 2")
    page.wait_for_timeout(800)  # the first layout
    before = page.evaluate("() => window.__cellkgCy.nodes().length")
    therapy = page.evaluate(
        """() => {
        const cy = window.__cellkgCy;
        const n = cy.nodes().filter((x) => x.id() === 'Therapy:kymriah')[0];
        const p = n.renderedPosition();
        return { x: p.x, y: p.y };
    }"""
    )
    box = page.get_by_test_id("graph-canvas").bounding_box()
    page.mouse.click(box["x"] + therapy["x"], box["y"] + therapy["y"])
    page.wait_for_function(f"() => window.__cellkgCy.nodes().length > {before}")  # Novartis, the trial, ...
    assert page.evaluate("() => window.__cellkgCy.getElementById('Institution:novartis').nonempty()")
    selected = page.get_by_test_id("selected-node")
    selected.get_by_role("heading", name="Kymriah").wait_for()
    page.wait_for_timeout(600)  # let the animated layout settle before the screenshot
    page.screenshot(path=str(DOCS / "web-graph.png"))

    edges = page.evaluate("() => window.__cellkgCy.edges().length")
    page.get_by_role("checkbox", name="TARGETS").uncheck()
    page.wait_for_url("**types=*")
    assert page.evaluate("() => window.__cellkgCy.edges().length") < edges
    assert page.evaluate("() => window.__cellkgCy.edges('[type = \"TARGETS\"]').length") == 0

    selected.get_by_role("link", name="Open entity page").click()
    page.wait_for_url("**/entity/Therapy%3Akymriah")
    page.get_by_test_id("entity-page").wait_for()


def test_paths_show_the_shortest_chains_with_evidence(page, clean_console):
    page.goto("/paths")
    page.get_by_test_id("path-from").get_by_role("combobox").fill("CD19")
    page.get_by_role("group", name="Target").get_by_role("option", name="CD19").click()
    page.get_by_test_id("path-to").get_by_role("combobox").fill("Novartis")
    page.get_by_role("option", name="Novartis").click()
    path = page.get_by_test_id("path").first
    path.wait_for()
    assert "2 hops" in path.get_by_role("heading").inner_text()
    names = path.locator(".path-node").all_inner_texts()
    assert "CD19" in names[0] and "Kymriah" in names[1] and "Novartis" in names[2]
    assert path.get_by_test_id("evidence").count() >= 2

    # CD19 reaches large B-cell lymphoma through two therapies: both chains are shown
    page.goto(f"/paths?from={quote('Target:cd19', safe='')}&to={quote('Disease:largebcelllymphoma', safe='')}")
    page.get_by_test_id("more-chains").wait_for()
    chains = page.get_by_test_id("path")
    assert chains.count() == 2
    middles = {chains.nth(i).locator(".path-node").nth(1).inner_text().split()[1] for i in range(2)}
    assert middles == {"relma-cel", "Kymriah"}
    assert all(chains.nth(i).get_by_test_id("evidence").count() >= 2 for i in range(2))


def _mention_spans(base: str, name: str) -> int:
    """How many mention spans the document has that do not overlap (of overlapping ones the first, longest)."""
    query = '{ documents(first: 1, filter: {name: "%s"}) { edges { node { mentions(first: 100) {spans {start end}}}}}}'
    node = _post(base, query % name)["data"]["documents"]["edges"][0]["node"]
    kept, end = 0, -1
    for start, stop in sorted((s["start"], -s["end"]) for m in node["mentions"] for s in m["spans"]):
        if start >= end:
            kept, end = kept + 1, -stop
    return kept


def test_document_page_highlights_every_mention_and_shows_the_record(page, base_url, clean_console):
    page.goto("/documents")
    page.get_by_role("link", name="Improved survival with MEK inhibition in BRAF-mutated melanoma.").click()
    document = page.get_by_test_id("document-page")
    document.wait_for()
    assert document.locator(".page-head .type-badge").text_content() == "PubMed / PMC record"
    facts = document.get_by_test_id("doc-facts")
    assert "The New England journal of medicine" in facts.inner_text()
    assert "2012-06-04" in facts.inner_text()
    assert facts.get_by_role("link", name="22663011", exact=True).get_attribute("href").endswith("22663011")
    assert (
        facts.get_by_role("link", name="10.1056/NEJMoa1203421").get_attribute("href")
        == "https://doi.org/10.1056/NEJMoa1203421"
    )

    text = document.get_by_test_id("doc-text")
    assert text.inner_text().startswith("Improved survival with MEK inhibition")  # the whole text, not excerpts
    assert text.locator("a.mention").count() == _mention_spans(base_url, "22663011")  # every mention the API knows
    author = text.get_by_role("link", name="Keith T Flaherty")
    assert author.get_attribute("data-type") == "RESEARCHER"
    assert author.evaluate("a => getComputedStyle(a).borderBottomColor") == "rgb(93, 182, 101)"  # cellkg.grass
    disease = text.locator('a.mention[data-type="DISEASE"]').first
    assert disease.evaluate("a => getComputedStyle(a).borderBottomColor") == "rgb(235, 39, 40)"
    claims = document.get_by_role("region", name="Claims")
    assert claims.locator("tbody tr").filter(has_text="AFFILIATED_WITH").count() == 1
    document.get_by_role("link", name="show in the text").click()  # the evidence's span, marked in the text
    text.locator("mark.focus").filter(has_text="Boston, USA").wait_for()

    author.focus()  # a mention is a link: Enter opens the entity
    page.keyboard.press("Enter")
    page.wait_for_url("**/entity/Researcher%3Akeithtflaherty")


def test_trial_page_shows_its_registry_facts_and_identifiers_with_links(page, clean_console):
    page.goto(f"/entity/{quote('Trial:nct06898385', safe='')}")
    facts = page.get_by_test_id("trial-facts")
    facts.wait_for()
    text = facts.inner_text()
    for stated in ("Phase 1", "Recruiting", "2025-03-27", "2027-09-27", "9 participants", "China", "Interventional"):
        assert stated in text, stated
    link = page.get_by_test_id("xrefs").get_by_role("link", name="NCT06898385")
    assert link.get_attribute("href") == "https://www.clinicaltrials.gov/study/NCT06898385"
    stated = page.locator("blockquote").get_by_text("Pancreatic Cancer", exact=True)
    field = page.get_by_test_id("evidence").filter(has=stated).locator("code")
    assert field.inner_text() == "protocolSection.conditionsModule.conditions[0]"  # the record's field states it

    page.goto(f"/entity/{quote('Trial:nct02435849', safe='')}")  # ELIANA, known from prose only: keyed by its number
    link = page.get_by_test_id("xrefs").get_by_role("link", name="NCT02435849")
    assert link.get_attribute("href") == "https://www.clinicaltrials.gov/study/NCT02435849"
    assert "No registry record" in page.get_by_test_id("trial-facts").inner_text()


def test_keyboard_reaches_the_content_with_visible_focus(page, clean_console):
    page.goto(f"/entity/{quote('Target:cd19', safe='')}")
    page.get_by_test_id("entity-page").wait_for()
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    assert skip.evaluate("a => a === document.activeElement && getComputedStyle(a).outlineStyle !== 'none'")
    assert skip.is_visible()
    page.keyboard.press("Tab")  # the brand (home) link
    assert page.get_by_role("link", name="cellkg explorer").evaluate("a => getComputedStyle(a).outlineStyle") != "none"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == "Search entities"
    page.keyboard.type("CAR-NK")
    suggestions = page.get_by_role("listbox", name="Search entities suggestions")
    suggestions.get_by_role("option").filter(has_text="CAR-NK").first.wait_for()  # the answer is in, not pending
    page.keyboard.press("ArrowDown")
    assert suggestions.get_by_role("option", selected=True).count() == 1
    page.keyboard.press("Enter")
    page.wait_for_url("**/entity/*")
    page.get_by_test_id("entity-page").wait_for()


def test_graphiql_loads_offline_and_runs_a_query(page, clean_console):
    with page.expect_response(lambda r: "IntrospectionQuery" in (r.request.post_data or "")) as schema:
        page.goto("/graphql")
    assert schema.value.ok
    page.locator(".graphiql-container").wait_for()
    page.get_by_role("button", name="Execute query").first.click()
    page.wait_for_function(  # the first run of this query plans it cold: give a loaded machine time
        "() => document.querySelector('.graphiql-response')?.innerText.includes('Target:cd19')", timeout=45_000
    )


VIEWS = [
    "/",
    f"/entity/{quote('Target:cd19', safe='')}",
    f"/graph/{quote('Target:cd19', safe='')}",
    "/documents",
    f"/paths?from={quote('Target:cd19', safe='')}&to={quote('Institution:novartis', safe='')}",
    "/search?q=CD19",
]


@pytest.mark.parametrize("view", VIEWS)
def test_an_unreachable_api_gives_a_clear_message_in_every_view(page, console, view):
    page.route("**/graphql", lambda route: route.abort())
    page.goto(view)
    alert = page.get_by_role("alert").first
    alert.wait_for()
    assert "cannot be reached" in alert.inner_text()


def test_an_api_error_gives_a_clear_message(page, clean_console):
    page.goto(f"/search?q={'x' * 1001}")  # the API refuses a search text over 1,000 characters
    alert = page.get_by_role("alert")
    alert.wait_for()
    assert "The API answered with an error" in alert.inner_text()
    assert "1000 characters" in alert.inner_text()


def test_the_explorer_asks_for_the_read_key_and_then_works(browser, keyed_base_url):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, base_url=keyed_base_url)
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto("/")
    prompt = page.get_by_test_id("read-key")
    prompt.get_by_label("Read key").fill("not the key, but long")
    prompt.get_by_role("button", name="Use this key").click()
    assert "the read key is not valid" in prompt.get_by_role("alert").inner_text()
    prompt.get_by_label("Read key").fill(READ_KEY)
    prompt.get_by_role("button", name="Use this key").click()
    page.get_by_test_id("overview").get_by_text("Therapies by target").wait_for()  # the waiting queries retried
    assert prompt.count() == 0

    # the key is kept for the tab: GraphiQL in it sends the key too
    with page.expect_response(lambda r: "IntrospectionQuery" in (r.request.post_data or "")) as schema:
        page.goto("/graphql")
    assert schema.value.ok
    context.close()
    assert errors == []


def test_api_routes_keep_working_and_deep_links_get_the_app(base_url, dist):
    def get(path: str, accept: str = "*/*") -> tuple[int, str, str]:
        request = urllib.request.Request(base_url + path, headers={"Accept": accept})
        try:
            with urllib.request.urlopen(request, timeout=10) as r:
                return r.status, r.headers.get("content-type", ""), r.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, e.headers.get("content-type", ""), e.read().decode()

    index = (dist / "index.html").read_text()
    assert get("/")[2] == index
    assert get("/entity/Target%3Acd19")[2] == index
    assert get("/graph/Target%3Acd19?types=TREATS")[2] == index
    assert get("/healthz")[2] == '{"status":"ok"}'
    assert get("/readyz")[0] == 200
    assert get("/browser/cellkg.grass")[0] == 200
    assert get("/graphql/nothing")[0] == 404
    assert get("/assets/missing.js")[0] == 404
    status, content_type, body = get("/graphql", accept="text/html")
    assert status == 200 and "graphiql" in body.lower() and content_type.startswith("text/html")
    assert "errors" not in _post(base_url, "{ stats { documents } }")

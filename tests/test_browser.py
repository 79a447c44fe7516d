"""The web page of ``kg serve`` end to end, in headless Chromium driven by Playwright.

Needs Debian's ``chromium`` (apt-get install -y chromium) and ``pip install playwright``;
Playwright's own browser download is never used. Skipped when either is missing.
The page may only talk to the server on 127.0.0.1: every other request is aborted.
Screenshots go to tests/artifacts/ (gitignored) for a human to look at.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from test_serve import ASRTU, HIT, UNIVERSITIES, build_fixture_kb, start_server, stop_server

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed: pip install playwright")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium on PATH: apt-get install -y chromium")

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-proxy-server"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    kb_dir = tmp_path_factory.mktemp("kb")
    build_fixture_kb(kb_dir)
    server = start_server(kb_dir, timeout=10.0)
    yield server
    stop_server(server)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.set_default_timeout(15_000)
    local = server.url.rstrip("/")
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(local) else route.abort())
    problems = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda message: problems.append(message.text)
            if message.type == "error" and not message.text.startswith("Failed to load resource") else None)
    page.goto(server.url)
    page.wait_for_selector("#example option[value='members-of']", state="attached")
    yield page
    page.close()
    assert problems == []


def _run_members_of(page) -> None:
    page.select_option("#example", "members-of")
    page.fill("#param-alliance", "ASRTU")
    page.click("#run")
    # the page's first query (the alliances of the entity picker) may still be answering on a busy machine:
    # wait for this query's own text, then its rows, not for any rows
    page.wait_for_function("(document.querySelector('#executed pre') || {}).textContent?.includes('VALUES (?alliance)')")
    page.wait_for_selector("#results tbody tr")


def test_serve_browser_runs_a_library_query(page):
    _run_members_of(page)
    table = page.inner_text("#results")
    assert page.locator("#results tbody tr").count() == 3  # three ASRTU memberships in the fixture
    for name in UNIVERSITIES:
        assert name in table
    assert "observer" in table and "founding member" in table  # the roles' skos:prefLabel
    assert page.inner_text("#status").startswith("3 rows in")
    assert "VALUES (?alliance)" in page.text_content("#executed pre")
    assert page.locator("#downloads a", has_text="CSV").get_attribute("href").startswith("/sparql?query=")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "serve_query.png"), full_page=True)


def test_serve_browser_shows_errors(page):
    page.select_option("#example", "")
    page.fill("#editor", "SELECT ?x WHERE { ?x ")
    page.click("#run")
    page.wait_for_selector("#status.error")
    assert "SPARQL syntax error" in page.inner_text("#status")


def _node_position(page, iri: str) -> dict:
    return page.evaluate("""(id) => {
        const network = window.unikg.state.network;
        const point = network.canvasToDOM(network.getPositions([id])[id]);
        const box = document.querySelector('#graph canvas').getBoundingClientRect();
        return {x: box.left + point.x, y: box.top + point.y};
    }""", iri)


def test_serve_browser_graph_of_an_alliance(page):
    page.select_option("#example", "")
    page.fill("#editor", "SELECT DISTINCT ?alliance ?label WHERE { ?alliance a unikg:Alliance ; rdfs:label ?label }")
    page.click("#run")
    page.click(f"#results a.iri[data-iri='{ASRTU}']")  # an IRI in the table opens its graph
    page.wait_for_function("window.unikg.nodeLabels().length >= 4")
    labels = set(page.evaluate("window.unikg.nodeLabels()"))
    assert set(UNIVERSITIES) <= labels
    assert page.inner_text("#node-info h2") == "Association of Sino-Russian Technical Universities"
    assert "memberCount" in page.inner_text("#node-info")

    page.wait_for_timeout(1500)  # let the layout settle before clicking a node
    position = _node_position(page, HIT)
    page.mouse.click(position["x"], position["y"])  # clicking a node expands it
    page.wait_for_function("window.unikg.nodeLabels().includes('C9 League')")
    assert page.inner_text("#node-info h2") == "Harbin Institute of Technology"
    page.wait_for_timeout(1000)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "serve_graph.png"), full_page=True)


def test_serve_browser_node_button_runs_facts_query(page):
    page.fill("#entity", "ASRTU")
    page.click("#graph-form button[type=submit]")
    page.wait_for_selector("#node-info button:has-text('Members')")
    page.click("#node-info button:has-text('Members')")
    page.wait_for_selector("#results tbody tr")
    assert page.input_value("#example") == "members-of"
    assert page.input_value("#param-alliance") == ASRTU
    assert page.locator("#results tbody tr").count() == 3  # as in the library query test


def test_serve_browser_error_clears_old_results_and_points_at_the_spot(page):
    _run_members_of(page)
    page.select_option("#example", "")
    page.fill("#editor", "SELECT ?x WHERE {\n  ?x ?p ?o . BIND(?x AS ?y }")
    page.click("#run")
    page.wait_for_selector("#status.error")
    lines = page.inner_text("#status").splitlines()
    assert lines[0].startswith("SPARQL syntax error: error at 2:28")  # line:column of the "}"
    assert lines[1:] == ["    ?x ?p ?o . BIND(?x AS ?y }", " " * 29 + "^"]  # the caret under the "}"
    assert page.locator("#results tr").count() == 0  # the members table is gone
    assert page.locator("#downloads").is_hidden() and page.locator("#executed").is_hidden()


def test_serve_browser_query_is_kept_in_the_url(page):
    _run_members_of(page)
    page.wait_for_function("location.search.includes('example=members-of')")
    link = page.url
    assert "param.alliance=ASRTU" in link and "query=" in link

    page.select_option("#example", "")
    page.fill("#editor", "SELECT ?label WHERE { org:asrtu rdfs:label ?label }")  # a name as the table shows it
    page.click("#run")
    page.wait_for_function("document.querySelectorAll('#results tbody tr').length === 1")
    assert "org%3Aasrtu" in page.url or "org:asrtu" in page.url

    page.go_back()  # the previous query and its results again
    page.wait_for_function("document.querySelectorAll('#results tbody tr').length === 3")
    assert page.input_value("#example") == "members-of" and page.input_value("#param-alliance") == "ASRTU"

    page.goto("about:blank")
    page.goto(link)  # a shared link opens with the query run
    page.wait_for_selector("#results tbody tr")
    assert page.locator("#results tbody tr").count() == 3  # as in the library query test
    assert page.input_value("#param-alliance") == "ASRTU"


def test_serve_browser_label_column_stays_visible(page):
    page.set_viewport_size({"width": 700, "height": 900})
    _run_members_of(page)
    assert page.inner_text("#results th >> nth=0") == "memberLabel"  # the label first, before the IRI
    assert page.eval_on_selector("#results td", "cell => getComputedStyle(cell).position") == "sticky"
    page.eval_on_selector("#results", "box => { box.scrollLeft = box.scrollWidth; }")
    page.wait_for_timeout(100)
    box = page.locator("#results").bounding_box()
    cell = page.locator("#results tbody tr >> nth=0").locator("td >> nth=0").bounding_box()
    assert abs(cell["x"] - box["x"]) < 2  # scrolled to the far right, the label is still at the left edge
    assert page.locator("#results tbody td >> nth=0").inner_text() in UNIVERSITIES


def test_serve_browser_shows_iris_as_prefixed_names(page):
    page.select_option("#example", "")
    page.fill("#editor", "SELECT ?alliance WHERE { ?alliance a unikg:Alliance } ORDER BY ?alliance")
    page.click("#run")
    page.wait_for_selector("#results tbody tr")
    shown = page.locator("#results a.iri").all_inner_texts()
    assert "org:asrtu" in shown and all(":" in name and "/" not in name for name in shown)
    assert "org:" in page.inner_text("#prefix-list")

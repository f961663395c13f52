"""End to end: `streamlit run app.py` on 127.0.0.1 driven by Debian's Chromium through Playwright."""
import csv
import io
import os
import shutil

import pytest
from playwright.sync_api import expect

from dashboard import queries
from dashboard.filters import Filters
from etl import pipeline
from tests.conftest import write
from tests import streamlit_server
from tests.dashboard_db import build

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
                 "--disable-background-networking", "--disable-component-update"]


@pytest.fixture(scope="module")
def chromium_path():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium not found under CI: .ci/run must install Debian's chromium")
        pytest.skip("Chromium not installed (apt-get install chromium)")
    return CHROMIUM


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser")
    db = build(folder, folder / "browser.duckdb")
    try:
        process, base = streamlit_server.start(db)
    except RuntimeError as exc:
        pytest.fail(str(exc))
    yield base, db
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="module")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    yield context.new_page()
    context.close()


def wait_ready(page):
    page.wait_for_selector("h1", timeout=60_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
    page.wait_for_timeout(800)


NAVIGATION = "Overview Country pairs Network Treaties Troops Events and sources".split()


def download(page, name: str, index: int = 0):
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name=name, exact=True).nth(index).click()
    return info.value


@pytest.mark.parametrize("path, title", [("", "Overview"), ("pairs", "Country pairs"), ("network", "Network"),
                                         ("treaties", "Treaties"), ("troops", "Troops"), ("events", "Events and sources")])
def test_every_page_in_a_real_browser(server, page, path, title, tmp_path_factory):
    base, _ = server
    page.goto(f"{base}/{path}?countries=PRK,RUS")
    wait_ready(page)
    assert page.locator("h1").first.inner_text().startswith(title)
    assert page.locator("[data-testid='stException']").count() == 0
    # Page titles in app.py's order, not the pages/ file names, from the very first page load.
    assert page.locator("[data-testid='stSidebarNav']").inner_text().split() == NAVIGATION
    shots = tmp_path_factory.getbasetemp() / "screenshots"
    shots.mkdir(exist_ok=True)
    page.screenshot(path=str(shots / f"{path or 'overview'}.png"), full_page=True)
    assert (shots / f"{path or 'overview'}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_filtered_url_downloads_match_the_chart(server, page):
    base, db = server
    page.goto(f"{base}/?countries=PRK,RUS&from=2024-01-01")
    wait_ready(page)
    expect(page.get_by_role("button", name="CSV", exact=True)).to_have_count(2)  # both charts drawn
    csv_file = download(page, "CSV", 0)
    assert csv_file.suggested_filename == "prk-rus_events-per-month_2024-01-01_end.csv"
    rows = list(csv.DictReader(io.StringIO(open(csv_file.path(), encoding="utf-8").read())))
    with queries.connect(db) as con:
        expected = queries.events_per_month(con, Filters(("PRK", "RUS"), date_from=__import__("datetime").date(2024, 1, 1)))
    assert len(rows) == len(expected)
    assert sum(int(r["events"]) for r in rows) == int(expected["events"].sum())
    png = download(page, "PNG", 0)
    assert open(png.path(), "rb").read(8) == b"\x89PNG\r\n\x1a\n"
    svg = download(page, "SVG", 0)
    assert "<svg" in open(svg.path(), encoding="utf-8").read(300)
    html = download(page, "HTML", 0)
    assert "plotly" in open(html.path(), encoding="utf-8").read()


def test_changing_a_filter_changes_table_and_url(server, page):
    base, _ = server
    page.goto(f"{base}/events")
    wait_ready(page)
    before = page.locator("[data-testid='stCaptionContainer']").first.inner_text()
    field = page.get_by_label("Search countries, subtypes and sentences")
    field.fill("China")
    field.press("Enter")
    wait_ready(page)
    after = page.locator("[data-testid='stCaptionContainer']").first.inner_text()
    assert before != after and after.startswith("2 events")
    page.goto(f"{base}/events?types=treaty")
    wait_ready(page)
    assert page.locator("[data-testid='stCaptionContainer']").first.inner_text().startswith("2 events")
    page.get_by_role("link", name="Treaties").click()
    wait_ready(page)
    assert "types=treaty" in page.url


def pick_country(page, name: str) -> None:
    page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect'] input").first.click()
    page.keyboard.type(name)
    page.get_by_role("option", name=name, exact=False).first.click()
    page.keyboard.press("Escape")
    wait_ready(page)


def test_consecutive_filter_changes_all_count(server, page):
    """Each change in the sidebar takes, the second as well as the first (widgets keyed by filter
    values used to be recreated by the first change, which dropped the next one)."""
    base, _ = server
    page.goto(f"{base}/")
    wait_ready(page)
    events = []
    for name in ["Russia", "China", "North Korea"]:
        pick_country(page, name)
        events.append(int(page.locator("[data-testid='stMetricValue']").first.inner_text()))
    assert page.url.endswith("?countries=RUS%2CCHN%2CPRK")
    assert events[0] < events[1] <= events[2]


def chart_titles(page) -> list[str]:
    page.wait_for_selector(".js-plotly-plot .g-gtitle", timeout=30_000)
    return page.locator(".js-plotly-plot .g-gtitle").all_text_contents()


def test_clicking_a_network_node_focuses_its_partners(server, page):
    base, _ = server
    page.goto(f"{base}/network")
    wait_ready(page)
    assert chart_titles(page) == ["Network of country pairs, all dates"]
    node_trace = page.locator(".js-plotly-plot .scatterlayer .trace").filter(has=page.locator("text"))
    nodes = node_trace.locator(".points path")
    labels = node_trace.locator(".textpoint text").all_text_contents()
    target = labels.index("North Korea")
    box = nodes.nth(target).bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_function("() => [...document.querySelectorAll('.g-gtitle')]"
                           ".some(t => t.textContent.startsWith('Partners of North Korea'))", timeout=30_000)
    wait_ready(page)
    focused = node_trace.locator(".textpoint text").all_text_contents()
    assert set(focused) == {"North Korea", "Russia", "China"}  # the United States is no partner of Pyongyang
    chosen = page.get_by_role("combobox", name="Focus on a country (or click a node)")
    assert chosen.input_value() == "North Korea"  # the selectbox follows the click


def test_a_new_etl_run_shows_without_restarting_the_server(server, page, tmp_path):
    base, db = server
    with queries.connect(db) as con:
        before = int(queries.headline(con, Filters())["events"])
    page.goto(f"{base}/")
    metric = page.locator("[data-testid='stMetricValue']").first
    expect(metric).to_have_text(str(before), timeout=30_000)  # waits out a page still drawing
    article = write(tmp_path / "paris.md", """---
title: Paris and Berlin
published: 2024-01-23T08:00:00
language: en
---
French President Emmanuel Macron met German Chancellor Olaf Scholz in Paris on Monday.
""")
    pipeline.run([str(article)], db_path=str(db), quiet=True)
    page.reload()
    expect(page.locator("[data-testid='stMetricValue']").first).to_have_text(str(before + 1), timeout=30_000)

"""Hostile values in the dashboard: SQL injection in URL parameters and the search box, markup in articles.

The database is compared before and after (every table's rows, through tests/dbstate.py), and a real
browser checks that no script from an article ever runs and that the markup shows as text.
"""
import os
import urllib.parse

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from etl import pipeline
from tests import streamlit_server
from tests.conftest import ROOT, write
from tests.dbstate import copy_database, snapshot
from tests.test_browser import browser, chromium_path, wait_ready  # noqa: F401 (fixtures)

INJECTIONS = [
    "PRK'; DROP TABLE events; --",
    "x' OR '1'='1",
    "1); DELETE FROM mentions; --",
    "2024-01-01'; UPDATE events SET status='rejected'; --",
    "\"; ATTACH 'evil.duckdb' AS evil; --",
    "%' UNION SELECT * FROM articles --",
    "0 OR 1=1",
]
URL_PARAMETERS = ["countries", "pair", "from", "to", "types", "minconf", "rejected"]
PAGES = ["overview", "pairs", "network", "treaties", "troops", "events"]

# Markup an article might carry, on purpose or from a badly scraped page.
HOSTILE_ARTICLE = """---
title: "<script>window.__pwned = 'title'</script><img src=x onerror=\\"window.__pwned='img'\\"> Kim in Moscow"
published: 2024-06-20T08:00:00
language: en
url: "javascript:window.__pwned='url'"
---
North Korean leader Kim Jong Un met Russian President Vladimir Putin in Moscow on Monday <img src=x onerror="window.__pwned='sentence'"> [details](javascript:window.__pwned='link') <b>bold</b> :red[red] $x^2$.

Ukrainian officials said on Tuesday that North Korea had sent 11,000 troops to Russia <script>window.__pwned='troops'</script>.
"""


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    article = write(folder / "corpus" / "kim.md", HOSTILE_ARTICLE)
    database = folder / "hostile.duckdb"
    pipeline.run([str(article)], db_path=str(database), quiet=True)
    return database


def run_page(name, database, monkeypatch, params=None, search=None):
    monkeypatch.setenv("ENTENTE_DB", str(database))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.switch_page(f"pages/{name}.py")
    at.run()
    if search is not None:
        at.text_input(key="events_search").set_value(search).run()
    return at


@pytest.mark.parametrize("name", PAGES)
def test_sql_injection_in_every_url_parameter_changes_nothing(name, hostile_db, monkeypatch):
    before = snapshot(hostile_db)
    for value in INJECTIONS:
        at = run_page(name, hostile_db, monkeypatch, dict.fromkeys(URL_PARAMETERS, value))
        assert not at.exception, (value, at.exception)
        notices = " ".join(w.value for w in at.warning)
        # Every value that is not a valid filter is named in a notice and dropped, never passed on.
        for word in ("country code", "event type", "from=", "to=", "minconf="):
            assert word in notices, (value, word, notices)
        assert at.sidebar.multiselect[0].value == []
    assert snapshot(hostile_db) == before


def test_sql_injection_in_the_search_box_matches_text_and_changes_nothing(hostile_db, monkeypatch):
    before = snapshot(hostile_db)
    for value in INJECTIONS:
        at = run_page("events", hostile_db, monkeypatch, search=value)
        assert not at.exception, (value, at.exception)
        assert at.info[0].value.startswith("No events match"), value  # searched for as text, nothing matches
    # Quotes and percent signs in a search are literal text too: this one is in the sentence.
    at = run_page("events", hostile_db, monkeypatch, search="window.__pwned='troops'")
    assert len(at.dataframe[0].value) == 1
    assert snapshot(hostile_db) == before


def test_markdown_in_a_sentence_is_escaped(hostile_db, monkeypatch):
    from dashboard.ui import plain

    assert plain("[details](javascript:x) <b>b</b> *a* :red[r] $x$") == \
        r"\[details\]\(javascript\:x\) \<b\>b\</b\> \*a\* \:red\[r\] \$x\$"


def test_chart_labels_show_article_markup_as_text(hostile_db):
    from dashboard import figures, queries
    from dashboard.filters import Filters

    with queries.connect(hostile_db) as con:
        claims = queries.troop_claims(con, Filters())
    fig = figures.troop_claims(claims, Filters())
    titles = {str(v) for trace in fig.data for row in trace.customdata for v in row}
    assert "&lt;script&gt;window.__pwned = 'title'&lt;/script&gt;&lt;img src=x onerror=\"window.__pwned='img'\"&gt; " \
           "Kim in Moscow" in titles  # Plotly shows the entities as the characters, and runs no tag
    assert claims["source_title"][0].startswith("<script>")  # the downloaded data keeps the title as written


def test_excel_export_keeps_formula_like_titles_as_text():
    import io

    import openpyxl
    import pandas as pd

    from dashboard.exports import to_excel

    title = '=HYPERLINK("http://example.org/x", "click")'
    sheet = openpyxl.load_workbook(io.BytesIO(to_excel(pd.DataFrame({"title": [title], "n": [3]})))).active
    assert (sheet["A2"].value, sheet["A2"].data_type) == (title, "s")
    assert (sheet["B2"].value, sheet["B2"].data_type) == (3, "n")


@pytest.fixture(scope="module")
def hostile_server(hostile_db):
    try:
        process, base = streamlit_server.start(hostile_db)
    except RuntimeError as exc:
        pytest.fail(str(exc))
    yield base
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="module")
def watched_page(browser):
    """A browser page that records any dialog (alert, confirm) a script might open."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    yield page, dialogs
    page.close()


def select_row(page, row: int) -> None:
    box = page.locator("[data-testid='stDataFrame']").first.bounding_box()
    page.mouse.click(box["x"] + 12, box["y"] + 35 * (row + 1) + 17)  # the row's selection box, under the header


def pwned(page) -> str | None:
    return page.evaluate("() => window.__pwned === undefined ? null : String(window.__pwned)")


@pytest.mark.slow
@pytest.mark.parametrize("path", ["", "pairs", "network", "treaties", "troops", "events"])
def test_markup_from_articles_never_runs_in_the_browser(path, hostile_server, watched_page):
    page, dialogs = watched_page
    page.goto(f"{hostile_server}/{path}")
    wait_ready(page)
    for chart in page.locator(".js-plotly-plot .scatterlayer .points path, .js-plotly-plot .bars path").all()[:6]:
        chart.hover(force=True)  # hover labels carry article titles
        page.wait_for_timeout(150)
    assert pwned(page) is None and not dialogs
    assert page.locator("[data-testid='stException']").count() == 0


@pytest.mark.slow
@pytest.mark.parametrize("row, heading, sentence", [
    (0, "North Korea – Russia: troops (deployment), 2024-06-18",
     "sent 11,000 troops to Russia <script>window.__pwned='troops'</script>."),
    (1, "North Korea – Russia: meeting (talks), 2024-06-17",
     "<img src=x onerror=\"window.__pwned='sentence'\"> [details](javascript:window.__pwned='link') <b>bold</b> "
     ":red[red] $x^2$."),
])
def test_an_events_sources_show_their_markup_as_text(row, heading, sentence, hostile_server, watched_page):
    page, dialogs = watched_page
    page.goto(f"{hostile_server}/events")
    wait_ready(page)
    select_row(page, row)
    page.get_by_text("Reviewing is off").wait_for(timeout=30_000)
    wait_ready(page)
    body = page.locator("[data-testid='stMain']").first.inner_text()
    assert heading in body
    assert sentence in body
    assert "<script>window.__pwned = 'title'</script>" in body  # the title
    assert "javascript:window.__pwned='url'" in body
    assert page.locator("[data-testid='stMain'] a[href^='javascript']").count() == 0
    assert page.locator("[data-testid='stMain'] img[src='x'], [data-testid='stMain'] b").count() == 0
    assert page.get_by_role("button", name="Save decision").count() == 0  # a viewer cannot change data
    assert pwned(page) is None and not dialogs


@pytest.mark.slow
def test_a_reviewer_saves_a_decision_only_when_reviewing_is_on(hostile_db, tmp_path, watched_page):
    page, dialogs = watched_page
    database = copy_database(hostile_db, tmp_path / "review.duckdb")
    try:
        process, base = streamlit_server.start(database, env=dict(os.environ, ENTENTE_REVIEW="1"))
    except RuntimeError as exc:
        pytest.fail(str(exc))
    try:
        page.goto(f"{base}/events")
        wait_ready(page)
        select_row(page, 0)
        page.get_by_role("button", name="Save decision").wait_for(timeout=30_000)
        page.get_by_text("rejected", exact=True).click()
        page.get_by_label("Note").fill(INJECTIONS[0])  # stored as text, executes nothing
        page.get_by_role("button", name="Save decision").click()
        page.get_by_text("Saved.").first.wait_for(timeout=30_000)
    finally:
        process.terminate()
        process.wait(timeout=20)
    con = duckdb.connect(str(database), read_only=True)
    try:
        assert con.execute("SELECT status, note FROM reviews").fetchall() == [("rejected", INJECTIONS[0])]
        assert con.execute("SELECT event_type, status FROM events ORDER BY date").fetchall() == \
            [("meeting", "auto"), ("troops", "rejected")]
    finally:
        con.close()
    assert not dialogs


@pytest.mark.slow
def test_injection_in_a_real_browser_url_shows_a_notice_and_changes_nothing(hostile_db, hostile_server, watched_page):
    page, dialogs = watched_page
    before = snapshot(hostile_db)
    for value in INJECTIONS[:3]:
        query = urllib.parse.urlencode({"countries": value, "from": value, "types": value})
        page.goto(f"{hostile_server}/events?{query}")
        wait_ready(page)
        notices = page.locator("[data-testid='stAlert']").all_inner_texts()
        assert any("Ignored unknown country code" in n for n in notices), notices
        assert any("not a date" in n for n in notices), notices
        assert page.locator("[data-testid='stException']").count() == 0
    assert snapshot(hostile_db) == before
    assert not dialogs

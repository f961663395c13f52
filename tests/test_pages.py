"""Every dashboard page, run by Streamlit's AppTest with and without filters."""
import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT
from tests.dashboard_db import build

PAGES = {"overview": "Overview", "pairs": "Country pairs", "network": "Network", "treaties": "Treaties",
         "troops": "Troops", "events": "Events and sources"}


@pytest.fixture(scope="module")
def dash_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pages")
    return build(folder, folder / "pages.duckdb")


def page(name, db, monkeypatch, **params):
    monkeypatch.setenv("ENTENTE_DB", str(db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(f"pages/{name}.py")
    return at.run()


@pytest.mark.parametrize("name", PAGES)
def test_every_page_renders_without_filters(name, dash_db, monkeypatch):
    at = page(name, dash_db, monkeypatch)
    assert not at.exception, at.exception
    assert at.title[0].value == PAGES[name]
    assert not at.warning
    if name != "events":
        assert len(at.get("plotly_chart")) >= 1


@pytest.mark.parametrize("name", PAGES)
def test_every_page_renders_with_filters(name, dash_db, monkeypatch):
    at = page(name, dash_db, monkeypatch, countries="PRK,RUS", types="treaty,troops,meeting", **{"from": "2024-01-01"})
    assert not at.exception, at.exception
    assert at.sidebar.multiselect[0].value == ["PRK", "RUS"]
    assert str(at.sidebar.date_input[0].value) == "2024-01-01"


def test_overview_counts_follow_the_filters(dash_db, monkeypatch):
    everything = page("overview", dash_db, monkeypatch)
    metrics = {m.label: m.value for m in everything.metric}
    assert int(metrics["Source reports"]) > int(metrics["Events"]) > 4  # the 4 articles report more events
    only_2019 = page("overview", dash_db, monkeypatch, **{"from": "2019-01-01", "to": "2019-12-31"})
    assert {m.label: m.value for m in only_2019.metric}["Events"] == "1"


def test_empty_result_says_so(dash_db, monkeypatch):
    at = page("troops", dash_db, monkeypatch, **{"from": "2000-01-01", "to": "2000-12-31"})
    assert not at.exception
    assert "No troop reports with a number match these filters" in at.info[0].value
    assert not at.get("plotly_chart")


def test_a_page_whose_type_is_filtered_out_says_how_to_bring_it_back(dash_db, monkeypatch):
    at = page("troops", dash_db, monkeypatch, types="meeting")
    assert not at.exception
    assert [i.value for i in at.info] == ["Troop reports are filtered out: add them under 'Event types' in the sidebar."]
    assert not at.get("plotly_chart")


def test_bad_url_values_show_a_notice_and_fall_back(dash_db, monkeypatch):
    at = page("overview", dash_db, monkeypatch, countries="PRK,ZZZ", **{"from": "not-a-date"})
    assert not at.exception
    notices = [w.value for w in at.warning]
    assert "Ignored unknown country code 'ZZZ'." in notices
    assert "Ignored from='not-a-date': not a date (use YYYY-MM-DD)." in notices
    assert at.sidebar.multiselect[0].value == ["PRK"]


def test_events_search_and_exact_pair(dash_db, monkeypatch):
    at = page("events", dash_db, monkeypatch, countries="CHN,PRK", pair="exact")
    table = at.dataframe[0].value
    assert list(table["event_type"]) == ["meeting"] and list(table["country1"]) == ["China"]
    at.text_input[0].set_value("Kozlov").run()
    assert at.info[0].value.startswith("No events match")


def test_a_database_from_an_older_entente_asks_for_an_etl_run(dash_db, tmp_path, monkeypatch):
    import duckdb

    from tests.dbstate import copy_database

    old = copy_database(dash_db, tmp_path / "old.duckdb")
    with duckdb.connect(str(old)) as con:  # as before migration 004
        con.execute("DROP TABLE event_months")
        con.execute("DELETE FROM schema_migrations WHERE version = 4")
    at = page("overview", old, monkeypatch)
    assert not at.exception
    assert [w.value for w in at.warning] == [
        "This database was built by an older Entente. Run `python -m etl run` once to upgrade it."]
    from etl import pipeline

    pipeline.run([], db_path=str(old), quiet=True)  # no inputs: migrates and publishes
    assert not page("overview", old, monkeypatch).warning

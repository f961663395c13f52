"""The dashboard app, run by Streamlit's AppTest against a database the test builds."""
import pytest
from streamlit.testing.v1 import AppTest

from etl import pipeline
from tests.conftest import ROOT, SEED


@pytest.fixture
def built_db(db_file, monkeypatch):
    pipeline.run([str(SEED)], db_path=str(db_file), quiet=True)
    monkeypatch.setenv("ENTENTE_DB", str(db_file))
    return db_file


def test_events_page_shows_the_events(built_db):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run()
    assert not at.exception
    assert at.title[0].value == "Events"
    table = at.dataframe[0].value
    assert {"PRK", "RUS"} <= set(table["actor1"]) | set(table["actor2"])
    assert "North Korea" in set(table["country1"]) | set(table["country2"])


def test_missing_database_says_how_to_build_it(tmp_path, monkeypatch):
    monkeypatch.setenv("ENTENTE_DB", str(tmp_path / "none.duckdb"))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run()
    assert not at.exception
    assert "python -m etl run" in at.warning[0].value

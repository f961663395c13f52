"""The report command writes the dashboard's charts for given filters, without a browser."""
import csv
import subprocess
import sys
from datetime import date

import pytest

from dashboard import queries, report
from dashboard.filters import Filters
from tests.conftest import ROOT
from tests.dashboard_db import build
from tests.test_browser import chromium_path  # noqa: F401 (fixture: skips without Chromium, fails under CI)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    return build(folder, folder / "report.duckdb")


def test_a_dashboard_link_or_its_query_string_gives_the_filters():
    assert report.parse_link("http://localhost:8501/pairs?countries=PRK,RUS&from=2024-01-01") == \
        {"countries": "PRK,RUS", "from": "2024-01-01"}
    assert report.parse_link("?types=treaty") == {"types": "treaty"}
    assert report.parse_link("") == {}


def test_report_command_writes_every_chart_for_the_filters(db, tmp_path, python_env, chromium_path):
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "dashboard.report", "countries=PRK,RUS,XXX&from=2024-01-01", "--out", str(out),
         "--db", str(db)], cwd=ROOT, env=python_env, capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stderr
    assert "Ignored unknown country code 'XXX'" in result.stderr
    names = {p.name for p in out.iterdir()}
    stem = "prk-rus_events-per-month_2024-01-01_end"
    assert {f"{stem}.{ext}" for ext in ("png", "svg", "html", "csv")} <= names
    assert {"prk-rus_treaties_2024-01-01_end.png", "prk-rus_troops_2024-01-01_end.csv",
            "prk-rus_events_2024-01-01_end.xlsx"} <= names
    assert (out / f"{stem}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "<svg" in (out / f"{stem}.svg").read_text(encoding="utf-8")[:300]
    rows = list(csv.DictReader((out / f"{stem}.csv").open(encoding="utf-8")))
    with queries.connect(db) as con:
        drawn = queries.events_per_month(con, Filters(("PRK", "RUS"), date_from=date(2024, 1, 1)))
    assert [int(r["events"]) for r in rows] == list(drawn["events"])
    assert f"Wrote {len(names)} files" in result.stdout


def test_report_charts_are_the_pages_charts(db):
    with queries.connect(db) as con:
        names = [name for name, _, _ in report.charts(con, Filters(), pairs=["PRK-RUS", "CHN-PRK"])]
        assert names == ["events-per-month", "top-pairs", "pair-timeline", "pair-comparison", "country-heatmap",
                         "network", "treaties", "troops"]
        only_treaties = [name for name, _, _ in report.charts(con, Filters(types=("treaty",)))]
        assert "troops" not in only_treaties and "treaties" in only_treaties


def test_report_without_a_database_says_so(tmp_path, python_env):
    result = subprocess.run([sys.executable, "-m", "dashboard.report", "--db", str(tmp_path / "none.duckdb")],
                            cwd=ROOT, env=python_env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip().endswith("no database; build it with `python -m etl run`")
    assert len(result.stderr.strip().splitlines()) == 1

"""Queries at scale. event_months, the counts the dashboard reads: in step with events, and giving the same
answers as counting the events themselves; the origin filter; pages that show only the newest rows."""
from datetime import date

import duckdb
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import filter_sql, queries, query_tools, treaty_queries
from dashboard.filters import Filters
from etl import synth
from etl.importers import import_inputs
from etl.importers.gdelt import V2_COLUMNS
from etl.load.reviews import record_review
from tests.conftest import ROOT
from tests.dashboard_db import build
from tests.dbstate import copy_database, query
from tests import reference_queries as reference
from tests.test_import import write_gdelt

FROM_EVENTS = """SELECT date_trunc('month', date)::DATE, pair, actor1, actor2, event_type, origin, status,
                        count(*), sum(n_sources), min(date), max(date) FROM events GROUP BY ALL ORDER BY ALL"""
FROM_SUMMARY = "SELECT * FROM event_months ORDER BY ALL"
GDELT_PRK_RUS = [(101, "042", "RUS", "PRK", "20240615"), (102, "040", "PRK", "RUS", "20240620"),
                 (103, "036", "PRK", "RUS", "20240701"), (104, "043", "RUS", "PRK", "20241105")]


@pytest.fixture(scope="module")
def mixed_db(tmp_path_factory):
    """The dashboard test corpus plus GDELT rows for PRK-RUS: two origins for one pair."""
    folder = tmp_path_factory.mktemp("summaries")
    db = build(folder, folder / "mixed.duckdb")
    source = write_gdelt(folder / "prk-rus.export.CSV", V2_COLUMNS,
                         rows=[(i, code, a, b, day) for i, code, a, b, day in GDELT_PRK_RUS])
    assert not import_inputs("gdelt", [str(source)], db_path=str(db), quiet=True).errors
    return db


def test_summary_matches_events_after_load_import_and_review(mixed_db, tmp_path):
    assert query(mixed_db, FROM_SUMMARY) == query(mixed_db, FROM_EVENTS)
    assert {r[5] for r in query(mixed_db, FROM_SUMMARY)} == {"extracted", "gdelt"}
    reviewed = copy_database(mixed_db, tmp_path / "reviewed.duckdb")
    event_id = query(reviewed, "SELECT event_id FROM events WHERE origin = 'gdelt' ORDER BY event_id LIMIT 1")[0][0]
    assert record_review(reviewed, event_id, "rejected", note="not a meeting") is True
    assert query(reviewed, FROM_SUMMARY) == query(reviewed, FROM_EVENTS)
    assert ("rejected",) in query(reviewed, "SELECT DISTINCT status FROM event_months")


@pytest.fixture(scope="module")
def synth_path(tmp_path_factory):
    return synth.synthesize(20_000, tmp_path_factory.mktemp("synth") / "s.duckdb", quiet=True)


@pytest.fixture(scope="module")
def synth_con(synth_path):
    with duckdb.connect(str(synth_path), read_only=True) as con:
        yield con


COUNT_QUERIES = ["headline", "events_per_month", "top_pairs", "pairs_with_events", "country_matrix", "network_edges"]
WHOLE_MONTH_FILTERS = [
    Filters(), Filters(countries=("RUS",)), Filters(countries=("PRK", "RUS"), exact_pair=True),
    Filters(date_from=date(2024, 1, 1), date_to=date(2024, 12, 31)), Filters(date_to=date(2019, 2, 28)),
    Filters(types=("treaty", "troops")), Filters(origins=("gdelt",)), Filters(show_rejected=True),
    Filters(countries=("CHN", "USA"), date_from=date(2020, 3, 1), types=("meeting",), origins=("extracted",)),
]


@pytest.mark.parametrize("f", WHOLE_MONTH_FILTERS, ids=lambda f: "&".join(f"{k}={v}" for k, v in f.to_params().items())
                         or "default")
def test_counts_from_the_summary_equal_counts_from_events(f, synth_con, monkeypatch):
    assert filter_sql.whole_months(f)
    from_summary = {name: getattr(queries, name)(synth_con, f) for name in COUNT_QUERIES}
    from_summary["pair_months"] = queries.pair_months(synth_con, f, ["CHN-USA", "RUS-UKR"])
    monkeypatch.setattr(filter_sql, "whole_months", lambda f: False)
    assert filter_sql.counted(f).startswith("WITH f AS")  # now counting the events themselves
    for name in COUNT_QUERIES:
        got, expected = from_summary[name], getattr(queries, name)(synth_con, f)
        if name == "headline":
            assert got == expected
        else:
            assert got.equals(expected), name
    assert from_summary["pair_months"].equals(queries.pair_months(synth_con, f, ["CHN-USA", "RUS-UKR"]))


def test_part_months_and_confidence_floors_count_events():
    assert not filter_sql.whole_months(Filters(date_from=date(2024, 1, 15)))
    assert not filter_sql.whole_months(Filters(date_to=date(2024, 2, 28)))  # 2024 is a leap year
    assert filter_sql.whole_months(Filters(date_to=date(2024, 2, 29)))
    assert not filter_sql.whole_months(Filters(min_confidence=0.5))
    assert filter_sql.counted(Filters(min_confidence=0.5)).startswith("WITH f AS")


def test_only_the_filters_in_use_become_conditions():
    assert filter_sql.where(Filters()) == "e.status <> 'rejected'"
    assert filter_sql.where(Filters(show_rejected=True)) == "TRUE"
    sql = filter_sql.filtered(Filters(countries=("RUS",), date_from=date(2024, 1, 1))) + "SELECT 1"
    assert filter_sql.bind(sql, Filters(countries=("RUS",), date_from=date(2024, 1, 1))) == \
        {"countries": ["RUS"], "date_from": date(2024, 1, 1)}


def test_origin_filter_and_side_by_side_months(mixed_db):
    with queries.connect(mixed_db) as con:
        assert queries.origins(con) == ["extracted", "gdelt"]
        gdelt = queries.headline(con, Filters(origins=("gdelt",)))
        everything = queries.headline(con, Filters())
        extracted = queries.headline(con, Filters(origins=("extracted",)))
        assert gdelt["events"] == 3  # 036 (express intent to meet) is not imported
        assert everything["events"] == gdelt["events"] + extracted["events"]
        months = queries.origin_months(con, Filters(), ["PRK-RUS"])
    june = months[months["month"].astype(str).str.startswith("2024-06-01")]
    assert dict(zip(june["origin"], june["events"])) == {"extracted": 2, "gdelt": 2}  # Putin's visit: talks, treaty
    assert set(months["origin"]) == {"extracted", "gdelt"}


def test_pairs_page_draws_origins_side_by_side_once_something_is_imported(mixed_db, monkeypatch):
    monkeypatch.setenv("ENTENTE_DB", str(mixed_db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["countries"] = "PRK,RUS"
    at.query_params["pair"] = "exact"
    at.switch_page("pages/pairs.py")
    at.run()
    assert not at.exception
    assert [s.value for s in at.subheader] == ["By origin"]
    assert [m.label for m in at.sidebar.multiselect] == ["Countries", "Event types", "Origin"]
    at.sidebar.multiselect[2].set_value(["gdelt"]).run()
    assert at.query_params["origin"] == "gdelt"
    assert not at.subheader  # one origin left: nothing to compare


def test_newest_rows_only_and_pages_say_so(synth_con):
    f = Filters()
    table = queries.events_table(synth_con, f, limit=50)
    newest = synth_con.execute("SELECT max(date) FROM events WHERE status <> 'rejected'").fetchone()[0]
    assert len(table) == 50 and table["date"].iloc[0] == f"{newest:%Y-%m-%d}"
    claims = queries.troop_claims(synth_con, f, limit=7)
    assert claims["event_id"].nunique() <= 7 and len(claims) >= 1
    steps = queries.treaty_steps(synth_con, f, limit=3)
    assert steps["treaty_id"].nunique() == 3
    assert len(queries.treaty_records(synth_con, f, limit=3)) == 3
    timeline = queries.pair_timeline(synth_con, f, ["CHN-USA"], limit=20)
    assert len(timeline) == 20 and timeline["date"].is_monotonic_increasing


def test_a_capped_page_says_how_much_it_shows(synth_path, monkeypatch):
    monkeypatch.setenv("ENTENTE_DB", str(synth_path))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page("pages/events.py")
    at.run()
    assert not at.exception
    assert len(at.dataframe[0].value) == queries.LATEST_ROWS < 20_000
    assert "Showing the newest events (5,000); narrow the filters to see the others." in [c.value for c in at.caption]


LISTING_FILTERS = [Filters(), Filters(countries=("USA",)), Filters(date_to=date(2018, 6, 30)),
                   Filters(countries=("CHN", "USA"), exact_pair=True), Filters(min_confidence=0.9),
                   Filters(date_from=date(2024, 1, 1), date_to=date(2024, 12, 31)), Filters(show_rejected=True),
                   Filters(date_from=date(2025, 12, 20)), Filters(types=("meeting",)), Filters(origins=("gdelt",))]
LISTING_IDS = ["default", "USA", "until mid-2018", "CHN-USA exact", "confidence 0.9", "2024", "rejected too",
               "last days", "meetings", "gdelt"]


@pytest.mark.parametrize("f", LISTING_FILTERS, ids=LISTING_IDS)
@pytest.mark.parametrize("limit", [1, 3, 40])
def test_recently_active_treaties_are_the_ones_grouping_every_event_finds(f, limit, synth_con):
    """treaty_step_events picks the same treaties as joining treaty_steps to the events."""
    chosen = treaty_queries.active_treaties(synth_con, f, limit)
    assert [treaty_id for treaty_id, _ in chosen] == reference.active_treaties(synth_con, f, limit)
    assert len(chosen) == limit or f != Filters()  # the default filters leave at least `limit` treaties


@pytest.mark.parametrize("f", LISTING_FILTERS, ids=LISTING_IDS)
@pytest.mark.parametrize("name, limit", [("events_table", 50), ("events_table", 5000), ("latest_events", 15),
                                         ("troop_claims", 7), ("troop_claims", 3000), ("treaty_steps", 3),
                                         ("treaty_steps", 40), ("treaty_records", 500)])
def test_listing_shortcuts_give_the_rows_of_reading_every_event(f, name, limit, synth_con):
    """The newest rows from a recent window, treaty steps from treaty_step_events, frames through Arrow:
    the same rows, values and dtypes as the plain queries."""
    got, expected = getattr(queries, name)(synth_con, f, limit=limit), getattr(reference, name)(synth_con, f, limit=limit)
    assert list(got.dtypes) == list(expected.dtypes)
    pd.testing.assert_frame_equal(got, expected)


@pytest.mark.parametrize("f", LISTING_FILTERS, ids=LISTING_IDS)
@pytest.mark.parametrize("limit", [20, 5000])
def test_pair_timeline_from_a_recent_window_is_the_one_of_every_event(f, limit, synth_con):
    pairs = ["CHN-USA", "RUS-UKR", "PRK-RUS"]
    pd.testing.assert_frame_equal(queries.pair_timeline(synth_con, f, pairs, limit=limit),
                                  reference.pair_timeline(synth_con, f, pairs, limit=limit))


def test_a_search_lists_the_rows_of_reading_every_event(synth_con):
    for f in (Filters(), Filters(countries=("RUS",)), Filters(date_to=date(2016, 12, 31))):
        for search in ("Korea", "summit", "zzz-no-such-text"):
            pd.testing.assert_frame_equal(queries.events_table(synth_con, f, search),
                                          reference.events_table(synth_con, f, search))


def test_arrow_frames_have_the_dtypes_duckdb_gives(synth_con):
    sql = """SELECT * FROM (VALUES (1::BIGINT, NULL::BIGINT, 2::INTEGER, NULL::INTEGER, DATE '2024-01-02', NULL::DATE,
                                    'a', NULL::VARCHAR, 1.5, NULL::DOUBLE, TIMESTAMP '2024-01-02 03:04:05'),
                                   (3, 4, 5, 6, NULL, NULL, NULL, NULL, NULL, NULL, NULL)) t(a, b, c, d, e, f, g, h, i, j, k)
             WHERE a >= $least"""
    for least in (0, 2, 9):  # both rows, one row without the NULLs, no rows
        pd.testing.assert_frame_equal(query_tools.frame(synth_con, sql, {"least": least}),
                                      synth_con.execute(sql, {"least": least}).df())


def test_treaty_step_events_stay_in_step_after_load_import_and_review(mixed_db, tmp_path):
    joined = """SELECT s.treaty_id, s.step, s.party, e.event_id, e.event_type, e.actor1, e.actor2, e.pair, e.date,
                       e.date_precision, e.n_sources, e.confidence, e.status, e.origin
                FROM treaty_steps s JOIN events e USING (event_id) ORDER BY ALL"""
    copied = """SELECT treaty_id, step, party, event_id, event_type, actor1, actor2, pair, date, date_precision,
                       n_sources, confidence, status, origin FROM treaty_step_events ORDER BY ALL"""
    assert query(mixed_db, copied) == query(mixed_db, joined) != []
    reviewed = copy_database(mixed_db, tmp_path / "reviewed.duckdb")
    event_id = query(reviewed, "SELECT min(event_id) FROM treaty_step_events")[0][0]
    assert record_review(reviewed, event_id, "rejected", note="not a treaty") is True
    assert query(reviewed, copied) == query(reviewed, joined)
    assert query(reviewed, copied) != query(mixed_db, copied)  # rebuilt, not left as it was
    last = """SELECT treaty_id, max(e.date) FROM treaty_steps s JOIN events e USING (event_id) GROUP BY ALL ORDER BY ALL"""
    assert query(reviewed, "SELECT DISTINCT treaty_id, treaty_last FROM treaty_step_events ORDER BY ALL") == \
        query(reviewed, last)

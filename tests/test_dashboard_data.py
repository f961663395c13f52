"""Queries and figure builders as plain functions on a small DuckDB built by the tests."""
from datetime import date

import pytest

from dashboard import exports, figures, layout, queries
from dashboard.filters import Filters
from tests.dashboard_db import build
from tests.test_browser import chromium_path  # noqa: F401 (fixture: skips without Chromium, fails under CI)


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dash")
    connection = queries.connect(build(folder, folder / "dash.duckdb"))
    yield connection
    connection.close()


def test_headline_and_filters(con):
    everything = queries.headline(con, Filters())
    assert everything["pairs"] >= 3
    # Each event's articles, summed: the seed reports several events, so more reports than articles.
    reports = con.execute("SELECT sum(n_sources) FROM events WHERE status <> 'rejected'").fetchone()[0]
    assert everything["reports"] == reports > con.execute("SELECT count(*) FROM articles").fetchone()[0]
    only_2019 = queries.headline(con, Filters(date_from=date(2019, 1, 1), date_to=date(2019, 12, 31)))
    assert only_2019["events"] == 1 and only_2019["pairs"] == 1
    exact = queries.events_table(con, Filters(("CHN", "PRK"), exact_pair=True))
    assert set(exact["event_type"]) == {"meeting"} and len(exact) == 1
    any_of = queries.events_table(con, Filters(("CHN",)))
    assert {frozenset((r.actor1, r.actor2)) for r in any_of.itertuples()} == {frozenset(("CHN", "PRK")), frozenset(("CHN", "USA"))}


def test_events_per_month_match_the_figure(con):
    f = Filters(countries=("PRK", "RUS"), exact_pair=True)
    data = queries.events_per_month(con, f)
    fig = figures.events_per_month(data, f)
    drawn = sum(sum(trace.y) for trace in fig.data)
    assert drawn == data["events"].sum() == len(queries.events_table(con, f).dropna(subset=["date"]))
    assert fig.layout.title.text == "Events per month by type, all dates"
    assert {trace.name for trace in fig.data} <= {"Meetings", "Treaties", "Troop reports"}


def test_pair_comparison_shows_prk_rus_against_chn_prk(con):
    months = queries.pair_months(con, Filters(), ["PRK-RUS", "CHN-PRK"])
    final = months.groupby("pair")["cumulative"].max().to_dict()
    assert final["PRK-RUS"] > final["CHN-PRK"] == 1
    fig = figures.pair_comparison(months, Filters(), cumulative=True)
    assert {t.name for t in fig.data} == {"North Korea – Russia", "China – North Korea"}


def test_troop_claims_stay_apart(con):
    claims = queries.troop_claims(con, Filters())
    by_claimant = dict(zip(claims["claimed_by"], claims["count"]))
    assert by_claimant == {"USA, KOR": 10000, "UKR": 11000}
    fig = figures.troop_claims(claims, Filters())
    assert sorted(v for t in fig.data for v in t.y) == [10000, 11000]


def test_treaty_steps_and_network(con):
    steps = queries.treaty_steps(con, Filters())
    assert {"signed", "ratified"} <= set(steps["step"])
    ratified = steps[steps["step"] == "ratified"]["step_detail"]
    assert all(d in ("ratified by North Korea", "ratified by Russia") for d in ratified)
    fig = figures.treaty_lifecycle(steps, Filters())
    assert {t.name for t in fig.data if t.showlegend is not False} <= set(figures.STEP_ORDER)
    # The June signing and the seed's November ratification are one treaty, drawn on one row.
    prk_rus = steps[steps["pair"] == "PRK-RUS"]
    assert prk_rus["treaty_id"].nunique() == 1
    assert prk_rus["treaty_label"].iloc[0].startswith("North Korea – Russia: ")
    records = queries.treaty_records(con, Filters())
    row = records[records["treaty_id"] == prk_rus["treaty_id"].iloc[0]].iloc[0]
    assert (row["signed"], row["stage"]) == ("2024-06-19", "ratified")
    assert "comprehensive strategic partnership" in row["treaty"].lower()
    assert queries.treaty_records(con, Filters(types=("meeting",))).empty
    edges = queries.network_edges(con, Filters())
    prk_rus = edges[edges["pair"] == "PRK-RUS"].iloc[0]
    assert prk_rus["events"] == max(edges["events"])
    positions = layout.force_layout(edges)
    assert set(positions) == set(edges["a"]) | set(edges["b"])
    assert positions == layout.force_layout(edges)  # the same filter state draws the same picture
    fig = figures.network(edges, positions, {"PRK": "North Korea", "RUS": "Russia"}, Filters(), focus="PRK")
    assert "Partners of North Korea" in fig.layout.title.text
    nodes = next(t for t in fig.data if t.customdata is not None)
    assert "PRK" in nodes.customdata and "CHN" in nodes.customdata  # CHN-PRK is a partner of PRK


def test_force_layout_draws_close_allies_close():
    import pandas as pd

    edges = pd.DataFrame({"a": ["PRK", "CHN", "AUS", "FRA"], "b": ["RUS", "PRK", "GBR", "GBR"],
                          "events": [40, 1, 1, 1]})
    pos = layout.force_layout(edges)

    def gap(a, b):
        return ((pos[a][0] - pos[b][0]) ** 2 + (pos[a][1] - pos[b][1]) ** 2) ** 0.5

    assert gap("PRK", "RUS") < gap("PRK", "AUS")
    assert all(-1.0 <= x <= 1.0 and -1.0 <= y <= 1.0 for x, y in pos.values())


def test_search_is_a_bound_value(con):
    assert len(queries.events_table(con, Filters(), search="Kozlov")) >= 1
    assert len(queries.events_table(con, Filters(), search="'; DROP TABLE events; --")) == 0
    assert queries.headline(con, Filters())["events"] > 0  # still there


def test_event_sources_trace_back_to_sentences(con):
    table = queries.events_table(con, Filters(("CHN", "PRK"), exact_pair=True))
    sources = queries.event_sources(con, table.iloc[0]["event_id"])
    assert list(sources["title"]) == ["Xi and Kim"]
    assert "Xi Jinping met" in sources.iloc[0]["sentence"]


def test_exports(con):
    data = queries.events_per_month(con, Filters())
    fig = figures.events_per_month(data, Filters())
    assert exports.to_csv(data).decode().splitlines()[0] == "month,event_type,events"
    assert b"plotly" in exports.to_html(fig)
    assert exports.to_excel(data)[:2] == b"PK"


def test_image_exports(con, chromium_path):
    fig = figures.events_per_month(queries.events_per_month(con, Filters()), Filters())
    assert exports.to_image(fig, "png")[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in exports.to_image(fig, "svg")[:200]


def test_image_export_without_chromium_says_so_at_once(con, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # no browser on this PATH
    fig = figures.events_per_month(queries.events_per_month(con, Filters()), Filters())
    with pytest.raises(RuntimeError, match="need Chromium"):
        exports.to_image(fig, "png")

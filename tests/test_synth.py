"""`python -m etl synth`: a synthetic database of the real schema, heavy-tailed, that the dashboard can query."""
import duckdb
import pytest

from dashboard import queries
from dashboard.filters import Filters
from etl import synth
from etl.cli import main

N = 20_000


@pytest.fixture(scope="module")
def synth_db(tmp_path_factory):
    return synth.synthesize(N, tmp_path_factory.mktemp("synth") / "s.duckdb", quiet=True)


@pytest.fixture
def con(synth_db):
    with duckdb.connect(str(synth_db), read_only=True) as c:
        yield c


def test_exact_number_of_events_and_marker(con):
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == N
    assert con.execute("SELECT events FROM synth_info").fetchall() == [(N,)]
    origins = dict(con.execute("SELECT origin, count(*) FROM events GROUP BY origin").fetchall())
    assert set(origins) == {"extracted", "gdelt"}
    assert 0.1 < origins["gdelt"] / N < 0.25


def test_heavy_tail(con):
    # Zipf over ~3,000 pairs: the top 1% of pairs hold about 40% of events (measured 43% at 100k).
    share = con.execute("""
        WITH p AS (SELECT count(*) AS n FROM events GROUP BY pair),
             r AS (SELECT n, row_number() OVER (ORDER BY n DESC) AS rk, count(*) OVER () AS pairs FROM p)
        SELECT sum(n) FILTER (WHERE rk <= pairs / 100) / sum(n) FROM r""").fetchone()[0]
    assert share > 0.3
    assert con.execute("SELECT count(DISTINCT pair) FROM events").fetchone()[0] > 1000


def test_pairs_actors_dates_and_mentions_agree(con):
    assert con.execute("SELECT count(*) FROM events WHERE pair <> least(actor1, actor2) || '-' "
                       "|| greatest(actor1, actor2) OR actor1 = actor2").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM events WHERE actor1 NOT IN (SELECT iso3 FROM countries)").fetchone()[0] == 0
    low, high = con.execute("SELECT min(date), max(date) FROM events").fetchone()
    assert synth.START <= low and high <= synth.END
    assert con.execute("SELECT count(*) FROM events WHERE (date IS NULL) <> (date_precision = 'unknown')"
                       ).fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM events e WHERE origin = 'extracted' AND n_mentions <> "
                       "(SELECT count(*) FROM mentions m WHERE m.event_id = e.event_id)").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM mentions WHERE article_id NOT IN (SELECT article_id FROM articles)"
                       ).fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM events WHERE event_type = 'troops' AND count > 0").fetchone()[0] > 100


def test_dashboard_queries_return_rows(con):
    f = Filters()
    head = queries.headline(con, f)
    assert head["events"] == N - con.execute("SELECT count(*) FROM events WHERE status = 'rejected'").fetchone()[0]
    assert head["reports"] >= head["events"]
    for name in ("events_per_month", "top_pairs", "latest_events", "pairs_with_events", "country_matrix",
                 "network_edges", "treaty_steps", "treaty_records", "troop_claims", "events_table"):
        assert len(getattr(queries, name)(con, f)) > 0, name
    usa = queries.events_table(con, Filters(countries=("USA",)))
    assert len(usa) > 0 and ((usa["actor1"] == "USA") | (usa["actor2"] == "USA")).all()


def test_refuses_real_and_foreign_databases(tmp_path, capsys):
    foreign = tmp_path / "real.duckdb"
    with duckdb.connect(str(foreign)) as c:
        c.execute("CREATE TABLE articles (article_id VARCHAR)")
        c.execute("INSERT INTO articles VALUES ('a1')")
    assert main(["synth", "--events", "10", "--db", str(foreign), "--quiet"]) == 1
    err = capsys.readouterr().err.strip()
    assert err == f"error: {foreign}: exists and holds non-synthetic data; refusing to overwrite it"
    with duckdb.connect(str(foreign), read_only=True) as c:
        assert c.execute("SELECT article_id FROM articles").fetchall() == [("a1",)]
    with pytest.raises(synth.SynthError, match="real database"):
        synth.synthesize(10, "data/entente.duckdb")


def test_overwrites_its_own_file(tmp_path):
    path = tmp_path / "own.duckdb"
    assert main(["synth", "--events", "50", "--db", str(path), "--quiet"]) == 0
    assert main(["synth", "--events", "70", "--db", str(path), "--quiet"]) == 0
    with duckdb.connect(str(path), read_only=True) as c:
        assert c.execute("SELECT count(*) FROM events").fetchone()[0] == 70

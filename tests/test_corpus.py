"""The sample corpus tells the seed's story on the dashboard's own queries."""
from datetime import date

import pytest

from dashboard import queries
from dashboard.filters import Filters
from etl import pipeline
from tests.conftest import SAMPLES


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    db = tmp_path_factory.mktemp("corpus") / "corpus.duckdb"
    pipeline.run([str(SAMPLES)], db_path=str(db), quiet=True)
    with queries.connect(db) as connection:
        yield connection


def per_year(con, pair: str) -> dict[int, int]:
    months = queries.pair_months(con, Filters(date_from=date(2022, 1, 1), date_to=date(2025, 12, 31)), [pair])
    return months.groupby(months["month"].dt.year)["events"].sum().to_dict()


def test_pyongyang_draws_closer_to_moscow_while_beijing_stays_flat(con):
    prk_rus, chn_prk = per_year(con, "PRK-RUS"), per_year(con, "CHN-PRK")
    assert prk_rus.get(2022, 0) < prk_rus[2023] < prk_rus[2024]
    assert prk_rus[2024] >= 4 * max(chn_prk.get(2024, 0), 1)
    assert max(chn_prk.values()) <= 5


def test_corpus_covers_the_pairs_the_issue_names(con):
    pairs = set(queries.pairs_with_events(con, Filters())["pair"])
    # AUS-GBR is in the gold but not extracted yet: "the three partners" is not resolved to the trio.
    named = {"PRK-RUS", "CHN-PRK", "CHN-RUS", "IRN-RUS", "KOR-USA", "JPN-KOR", "JPN-USA", "PHL-USA",
             "AUS-USA", "GBR-USA", "FIN-USA", "SWE-TUR", "GBR-UKR"}
    assert named <= pairs, named - pairs

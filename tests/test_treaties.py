"""Treaty records: one per treaty, its steps per party, its name and what it replaces."""
from datetime import date

import duckdb
import pytest

from etl import pipeline
from etl.load.treaties import TreatyEvent, build, group, names_in
from tests.conftest import SEED

SAMPLES = "data/samples"


def ev(event_id, step, day, actor1="RUS", pair="PRK-RUS", precision="day", sources=1):
    return TreatyEvent(event_id, pair, step, actor1, day, precision, sources)


def test_one_treaty_from_signing_to_entry_into_force():
    events = [ev("s", "signed", date(2024, 6, 19), sources=20), ev("s2", "signed", date(2024, 6, 20)),
              ev("r1", "ratified", date(2024, 10, 24)), ev("r2", "ratified", date(2024, 11, 11), actor1="PRK"),
              ev("f", "in_force", date(2024, 12, 4)), ev("u", "ratified", None)]
    treaties, steps = build(events, {})
    assert len(treaties) == 1
    t = treaties[0]
    assert (t["signed"], t["in_force"], t["stage"], t["n_steps"]) == (date(2024, 6, 19), date(2024, 12, 4), "in_force", 6)
    parties = {s["event_id"]: s["party"] for s in steps}
    assert parties == {"s": None, "s2": None, "r1": "RUS", "r2": "PRK", "f": None, "u": "RUS"}


def test_a_later_signing_is_another_treaty_and_old_treaties_stay_apart():
    events = [ev("old", "signed", date(2000, 1, 1), precision="year"),
              ev("a", "signed", date(2024, 1, 12), pair="GBR-UKR"), ev("b", "signed", date(2025, 1, 16), pair="GBR-UKR"),
              ev("n", "negotiated", date(2023, 11, 1), precision="month"), ev("s", "signed", date(2024, 6, 19)),
              ev("r", "ratified", date(2024, 11, 9))]
    records = [[e.event_id for e in t.events] for t in group(events)]
    assert records == [["a"], ["b"], ["old"], ["n", "s", "r"]]


def test_a_ratification_long_after_the_signing_is_not_that_treaty_s():
    records = [[e.event_id for e in t.events] for t in group([
        ev("s", "signed", date(1961, 7, 6)), ev("r", "ratified", date(2024, 10, 24))])]
    assert records == [["s"], ["r"]]


@pytest.mark.parametrize("language, sentence, name", [
    ("en", "The Comprehensive Strategic Partnership Treaty was signed in June.", "Comprehensive Strategic Partnership Treaty"),
    ("en", "They signed a \"comprehensive strategic partnership\" treaty on Friday.", "comprehensive strategic partnership treaty"),
    ("fr", "Il a ratifié le traité de partenariat stratégique global conclu en juin.", "traité de partenariat stratégique global"),
    ("es", "Firmaron un tratado de asociación estratégica integral.", "tratado de asociación estratégica integral"),
    ("de", "Kim hat den Vertrag über eine umfassende strategische Partnerschaft ratifiziert.",
     "Vertrag über eine umfassende strategische Partnerschaft"),
])
def test_treaty_names(language, sentence, name):
    assert name.replace('"', "") in [n.replace('"', "").replace("”", "") for n in names_in(sentence, language)]


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory):
    db_file = tmp_path_factory.mktemp("treaties") / "corpus.duckdb"
    pipeline.run([SAMPLES, str(SEED)], db_path=str(db_file), quiet=True)
    con = duckdb.connect(str(db_file), read_only=True)
    yield con
    con.close()


def test_prk_rus_treaty_lifecycle_from_the_corpus(corpus_db):
    rows = corpus_db.execute("""SELECT treaty_id, name, signed, in_force, stage FROM treaties
                                WHERE pair = 'PRK-RUS' AND signed = DATE '2024-06-19'""").fetchall()
    assert len(rows) == 1
    treaty_id, name, signed, in_force, stage = rows[0]
    assert "comprehensive strategic partnership" in name.lower()
    assert (in_force, stage) == (date(2024, 12, 4), "in_force")
    steps = set(corpus_db.execute("SELECT step, party, date FROM treaty_steps WHERE treaty_id = ?", [treaty_id]).fetchall())
    assert {("signed", None, date(2024, 6, 19)), ("ratified", "RUS", date(2024, 10, 24)),
            ("ratified", "RUS", date(2024, 11, 9)), ("ratified", "PRK", date(2024, 11, 11)),
            ("in_force", None, date(2024, 12, 4))} <= steps
    # Every treaty event of the pair belongs to exactly one record.
    assert corpus_db.execute("""SELECT count(*) FROM events e WHERE e.event_type = 'treaty' AND e.status <> 'rejected'
                                AND e.event_id NOT IN (SELECT event_id FROM treaty_steps)""").fetchall() == [(0,)]


def test_what_a_treaty_replaces(corpus_db):
    rows = corpus_db.execute("SELECT pair, replaces FROM treaties WHERE replaces IS NOT NULL ORDER BY pair").fetchall()
    assert ("IRN-RUS", "a cooperation treaty the two countries signed in 2001") in rows

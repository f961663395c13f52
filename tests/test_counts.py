"""Troop counts read before the noun they count."""
import duckdb
import pytest

from etl import pipeline
from etl.extract.rules import rules
from etl.extract.troops import count_before, read_count


@pytest.mark.parametrize("text, expected", [
    ("envoyé plus de 10.000 soldats", 10_000),
    ("envoyé plus de 10 000 soldats", 10_000),
    ("sent more than 11,000 North Korean troops", 11_000),
    ("some 3,000 soldiers", 3_000),
    ("12 mille soldats", 12_000),
    ("1 500 militaires", 1_500),
    ("en 2024, des soldats", None),
    ("des soldats", None),
    ("10^100 soldiers", None),
    ("99999999999 soldiers", None),
    ("a assuré le 7 novembre que des troupes", None),
])
def test_count_before_noun(text, expected):
    noun = text.rsplit(" ", 1)[1]
    dates = [(text.index("7 novembre"), text.index("7 novembre") + 10)] if "novembre" in text else []
    assert count_before(text, text.rindex(noun), dates) == expected


@pytest.mark.parametrize("language, text, expected", [
    ("en", "sent between 10,000 and 12,000 troops", (10_000, "10,000 and 12,000")),
    ("en", "more than 11,000 North Korean troops", (11_000, "more than 11,000")),
    ("en", "thousands of North Korean soldiers", (1_000, "thousands of")),
    ("en", "some 3,000 soldiers", (3_000, None)),
    ("fr", "entre 10 000 et 12 000 soldats", (10_000, "10 000 et 12 000")),
    ("fr", "plus de 10.000 soldats", (10_000, "plus de 10.000")),
    ("fr", "des milliers de soldats", (1_000, "des milliers de")),
    ("es", "entre 10.000 y 12.000 soldados", (10_000, "10.000 y 12.000")),
    ("de", "Tausende nordkoreanische Soldaten", (1_000, "Tausende")),
    ("de", "zwischen 10.000 und 12.000 Soldaten", (10_000, "10.000 und 12.000")),
])
def test_count_is_a_lower_bound_with_a_note(language, text, expected):
    noun = text.rsplit(" ", 1)[1]
    assert read_count(text, text.rindex(noun), [], rules(language).counts) == expected


def test_range_note_reaches_the_database(tmp_path):
    article = tmp_path / "range.md"
    article.write_text("---\ntitle: Range\npublished: 2024-11-05\nlanguage: en\n---\n"
                       "North Korea has sent between 10,000 and 12,000 troops to Russia, Seoul said on Monday.\n",
                       encoding="utf-8")
    db_file = tmp_path / "range.duckdb"
    pipeline.run([str(article)], db_path=str(db_file), quiet=True)
    con = duckdb.connect(str(db_file), read_only=True)
    rows = con.execute("SELECT actor1, actor2, count, count_note FROM mentions WHERE event_type = 'troops'").fetchall()
    con.close()
    assert rows == [("PRK", "RUS", 10_000, "10,000 and 12,000")]

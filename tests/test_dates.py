"""Date expressions resolved against the publication date, with their precision."""
from datetime import date, datetime

import pytest

from etl.extract.dates import grammar
from etl.extract.publication_date import find_publication_date

TUESDAY = date(2024, 11, 19)


def resolve(language, text, anchor=TUESDAY):
    return [(s.date.as_text(), s.date.precision) for s in grammar(language).find(text, anchor)]


@pytest.mark.parametrize("text, expected", [
    ("Kim Jong Un a reçu lundi le ministre", [("2024-11-18", "day")]),
    ("réunis mardi", [("2024-11-19", "day")]),
    ("il arrivera jeudi prochain", [("2024-11-21", "day")]),
    ("signé en juin", [("2024-06", "month")]),
    ("prévu en décembre prochain", [("2024-12", "month")]),
    ("depuis décembre", [("2023-12", "month")]),
    ("la semaine dernière", [("2024-11", "month")]),
    ("le mois dernier", [("2024-10", "month")]),
    ("l'an dernier", [("2023", "year")]),
    ("hier", [("2024-11-18", "day")]),
    ("le 7 novembre", [("2024-11-07", "day")]),
    ("le 1er décembre", [("2023-12-01", "day")]),
    ("le 18 novembre 2024", [("2024-11-18", "day")]),
    ("le lundi 18 novembre 2024", [("2024-11-18", "day")]),
    ("en mars 2023", [("2023-03", "month")]),
    ("depuis 2022", [("2022", "year")]),
    ("le 19/11/2024", [("2024-11-19", "day")]),
    ("le 31/02/2024", []),
    ("Mars et Vénus", []),
    ("en 10000", []),
])
def test_french(text, expected):
    assert resolve("fr", text) == expected


@pytest.mark.parametrize("text, expected", [
    ("on Monday", [("2024-11-18", "day")]),
    ("next Friday", [("2024-11-22", "day")]),
    ("in June", [("2024-06", "month")]),
    ("last week", [("2024-11", "month")]),
    ("last month", [("2024-10", "month")]),
    ("yesterday", [("2024-11-18", "day")]),
    ("on November 7", [("2024-11-07", "day")]),
    ("Nov. 7, 2024", [("2024-11-07", "day")]),
    ("7 November 2024", [("2024-11-07", "day")]),
    ("May 2023", [("2023-05", "month")]),
    ("he may go", []),
    ("since 2022", [("2022", "year")]),
    ("2024-06-19", [("2024-06-19", "day")]),
])
def test_english(text, expected):
    assert resolve("en", text) == expected


def test_week_at_a_month_boundary_takes_the_month_of_its_monday():
    # Monday 2 December 2024: "last week" began Monday 25 November.
    assert resolve("en", "last week", date(2024, 12, 2)) == [("2024-11", "month")]


def test_without_anchor_relative_dates_stay_unknown():
    assert resolve("fr", "lundi, puis le 18 novembre 2024", anchor=None) == [(None, "unknown"), ("2024-11-18", "day")]


@pytest.mark.parametrize("language, text, expected", [
    ("fr", "Titre\n\nLe 19/11/2024 à 06h53\n\nTexte.", datetime(2024, 11, 19, 6, 53)),
    ("fr", "Titre\nPublié le 3 mars 2023 à 14h05\ntexte", datetime(2023, 3, 3, 14, 5)),
    ("en", "Title\n\nPublished November 19, 2024\n\ntext", datetime(2024, 11, 19)),
    ("en", "Title\nUpdated: 19 November 2024 at 6:53\ntext", datetime(2024, 11, 19, 6, 53)),
    ("fr", "Titre\nIl est arrivé le 3 mars 2023 à Paris pour une visite.\n", None),
    ("en", "Title\nNo date here.\n", None),
    (None, "Title\n\nLe 19/11/2024 à 06h53\n", datetime(2024, 11, 19, 6, 53)),
])
def test_publication_date_stated_in_text(language, text, expected):
    assert find_publication_date(text, language) == expected


def test_a_german_day_ordinal_does_not_end_the_sentence():
    from etl.extract.sentences import split_sentences

    text = "Merz telefonierte am 8. Mai mit Trump. Am 10. Mai reiste er nach Kiew."
    assert [s.text for s in split_sentences(text)] == [
        "Merz telefonierte am 8. Mai mit Trump.", "Am 10. Mai reiste er nach Kiew."]


@pytest.mark.parametrize("language, text, expected", [
    ("de", "vor zwei Tagen", [("2024-11-17", "day")]),
    ("de", "vor einem Monat", [("2024-10", "month")]),
    ("de", "vor einem Jahr", [("2023", "year")]),
    ("en", "three days ago", [("2024-11-16", "day")]),
    ("en", "a month ago", [("2024-10", "month")]),
    ("fr", "il y a deux jours", [("2024-11-17", "day")]),
    ("fr", "il y a un an", [("2023", "year")]),
    ("es", "hace tres días", [("2024-11-16", "day")]),
    ("de", "Mitte des Monats", [("2024-11", "month")]),
    ("de", "zu Jahresbeginn", [("2024", "year")]),
    ("en", "over the weekend", [("2024-11", "month")]),
    ("de", "am Wochenende", [("2024-11", "month")]),
    ("de", "am Mittwoch vergangener Woche", [("2024-11-13", "day")]),
    ("en", "on Tuesday last week", [("2024-11-12", "day")]),
    ("fr", "mardi de la semaine dernière", [("2024-11-12", "day")]),
    ("de", "am 12. Januar vergangenen Jahres", [("2023-01-12", "day")]),
    ("es", "el 7 de abril del año pasado", [("2023-04-07", "day")]),
])
def test_time_ago_counts_back_from_publication(language, text, expected):
    assert resolve(language, text) == expected


# Published on Friday 7 April 2023.
@pytest.mark.parametrize("language, text, expected", [
    ("fr", "vendredi dernier", [("2023-03-31", "day")]),
    ("en", "last Friday", [("2023-03-31", "day")]),
    ("es", "el viernes pasado", [("2023-03-31", "day")]),
    ("de", "am vergangenen Freitag", [("2023-03-31", "day")]),
    ("en", "last Tuesday", [("2023-04-04", "day")]),
    ("fr", "du 20 au 22 mars", [("2023-03-20", "day")]),
    ("de", "vom 8. bis 10. März", [("2023-03-08", "day")]),
    ("es", "del 20 al 22 de marzo", [("2023-03-20", "day")]),
    ("en", "from 20 to 22 March", [("2023-03-20", "day")]),
])
def test_last_weekday_and_a_stay_from_its_first_day(language, text, expected):
    assert resolve(language, text, date(2023, 4, 7)) == expected


@pytest.mark.parametrize("language, text, expected", [
    ("en", "It began in mid-April.", "2024-04"),
    ("en", "It began in mid-April 2023.", "2023-04"),
    ("fr", "Il a commencé à la mi-avril.", "2024-04"),
    ("fr", "Il a commencé mi-avril 2023.", "2023-04"),
])
def test_a_month_prefix_joined_by_a_hyphen(language, text, expected):
    assert [s.date.as_text() for s in grammar(language).find(text, date(2024, 6, 12))] == [expected]

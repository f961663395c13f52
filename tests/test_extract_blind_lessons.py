"""Rules learnt from a blind article set (written without sight of the extractor, then scored): each
case is a shape of wire copy the extractor missed or misread."""
from datetime import datetime

import pytest

from tests.test_extract_rules import events

AUGUST = datetime(2024, 8, 5, 9, 0)


@pytest.mark.parametrize("text, language", [
    ("President Joe Biden said on Wednesday that the United States would expand its military presence in Poland.", "en"),
    ("Under the agreement, Israeli troops are to pull out of southern Lebanon within 60 days.", "en"),
    ("La Casa Blanca espera reunir a los presidentes de Ruanda y de la República Democrática del Congo el lunes.", "es"),
    ("Paris espère envoyer 500 soldats en Roumanie dès lundi.", "fr"),
    ("Berlin hofft, am Montag 500 Soldaten nach Litauen zu verlegen.", "de"),
])
def test_what_is_expected_hoped_or_due_is_no_event(text, language):
    assert events(text, language, AUGUST) == []


@pytest.mark.parametrize("text, language", [
    ("Según el Gobierno maliense, 49 soldados de Costa de Marfil fueron detenidos el 10 de julio nada más aterrizar "
     "en el aeropuerto de Bamako.", "es"),
    ("El 10 de abril aterrizó en Niamey un avión de transporte ruso con un centenar de instructores militares.", "es"),
])
def test_troops_landing_with_no_leader_named_are_no_visit(text, language):
    assert [e for e in events(text, language, AUGUST) if e[0] == "meeting"] == []


def test_an_officer_of_an_army_is_a_person_not_troops():
    text = "El ministro de Defensa maldivo firmó en marzo un acuerdo con un alto oficial del Ejército chino."
    assert [e for e in events(text, "es", AUGUST) if e[0] == "troops"] == []


@pytest.mark.parametrize("text, expected", [
    ("Im September 2022 griffen aserbaidschanische Truppen Ziele auf armenischem Staatsgebiet an.",
     ("combat", "AZE", "ARM", "2022-09")),
    ("Eriwan erinnert an den September 2022, als aserbaidschanische Truppen Ziele auf armenischem Staatsgebiet angriffen.",
     ("combat", "AZE", "ARM", "2022-09")),
    ("Am Freitag flog die türkische Luftwaffe Angriffe auf Stellungen im Nordirak.", ("combat", "TUR", "IRQ", "2024-08-02")),
    ("Anfang April traf dann ein deutsches Vorkommando von rund 20 Soldaten in Litauen ein.",
     ("deployment", "DEU", "LTU", "2024-04")),
])
def test_german_attacks_air_forces_and_late_arrivals(text, expected):
    assert [(e[1], e[2], e[3], e[4]) for e in events(text, "de", AUGUST)] == [expected]


def test_who_moved_troops_from_a_country_sends_them():
    text = "In February the Pentagon moved a squadron of about a thousand soldiers from Germany to Romania."
    assert [(e[2], e[3], e[5]) for e in events(text, "en", AUGUST)] == [("USA", "ROU", 1000)]


def test_troops_sent_into_part_of_a_country_are_there():
    text = "Israel sent ground troops into southern Lebanon on October 1."
    assert events(text, "en", datetime(2024, 11, 27, 9, 0)) == [("troops", "deployment", "ISR", "LBN", "2024-10-01", None, [])]


@pytest.mark.parametrize("text, language", [
    ("China voiced grave concern on Thursday after the U.S. Army moved a missile launcher to northern Luzon.", "en"),
    ("Pekín protestó el jueves después de que el Ejército estadounidense trasladara un lanzamisiles al norte de Luzón.",
     "es"),
])
def test_troops_told_after_after_did_not_move_on_the_main_clauses_day(text, language):
    assert [(e[2], e[3], e[4]) for e in events(text, language, datetime(2024, 4, 19, 9, 0)) if e[0] == "troops"] == [
        ("USA", "PHL", None)]


def test_hours_after_is_the_same_day():
    text = ("On November 28, hours after a visit by French Foreign Minister Jean-Noel Barrot, Chad's foreign ministry "
            "said it was terminating the defence cooperation agreement with Paris.")
    assert ("meeting", "visit", "FRA", "TCD", "2024-11-28", None, []) in events(text, "en", datetime(2024, 12, 5, 9, 0))


@pytest.mark.parametrize("text, language", [
    ("Tens of thousands of Russian troops were stationed in Belarus in February, and on February 24 part of that force "
     "crossed the border and attacked towards Kyiv from the north.", "en"),
    ("Zehntausende russische Soldaten waren im Februar in Belarus stationiert. Ein Teil dieser Einheiten griff am "
     "24. Februar von Norden aus die Ukraine an.", "de"),
])
def test_part_of_a_force_just_told_fights_where_its_clause_says(text, language):
    assert [(e[1], e[2], e[3], e[4]) for e in events(text, language, datetime(2022, 10, 17, 9, 0))] == [
        ("deployment", "RUS", "BLR", "2022-02"), ("combat", "RUS", "UKR", "2022-02-24")]


@pytest.mark.parametrize("text, expected", [
    ("El último contingente de la fuerza francesa Barkhane salió el lunes de Malí.",
     [("troops", "withdrawal", "FRA", "MLI", "2022-08-15", None, [])]),
    ("Según el Gobierno maliense, 49 soldados de Costa de Marfil fueron detenidos el 10 de julio nada más aterrizar en "
     "el aeropuerto de Bamako.", [("troops", "deployment", "CIV", "MLI", "2022-07-10", 49, ["MLI"])]),
])
def test_spanish_troops_leaving_with_a_day_between_and_landing_at_an_airport(text, expected):
    assert events(text, "es", datetime(2022, 8, 16, 9, 0)) == expected


def test_a_withdrawal_goes_on_past_the_troops_it_left_behind():
    text = ("Las fuerzas estadounidenses ya han abandonado la base aérea 201 de Agadez, en Níger. "
            "Unos 200 soldados estadounidenses permanecían en Agadez a finales de julio. "
            "El repliegue había comenzado el 19 de mayo.")
    assert [(e[1], e[2], e[3], e[4]) for e in events(text, "es", datetime(2024, 8, 6, 9, 0))] == [
        ("withdrawal", "USA", "NER", "2024-08"), ("deployment", "USA", "NER", "2024-07"),
        ("withdrawal", "USA", "NER", "2024-05-19")]


def test_a_base_returned_goes_on_with_the_withdrawal_told():
    text = ("Francia retiró sus tropas de Chad en diciembre. La primera base en ser devuelta fue la de Faya-Largeau, "
            "en el norte del país, el 26 de diciembre.")
    assert [(e[1], e[2], e[3], e[4]) for e in events(text, "es", datetime(2025, 1, 31, 9, 0))] == [
        ("withdrawal", "FRA", "TCD", "2024-12"), ("withdrawal", "FRA", "TCD", "2024-12-26")]


@pytest.mark.parametrize("text, language", [
    ("Der Abzug hatte Mitte April begonnen. Wenige Tage später empfing Präsident Wladimir Putin seinen "
     "aserbaidschanischen Amtskollegen Ilham Alijew im Kreml.", "de"),
    ("The withdrawal began in mid-April. A few days later, Putin received Azerbaijani President Ilham Aliyev in the "
     "Kremlin.", "en"),
    ("Le retrait a commencé à la mi-avril. Quelques jours plus tard, Vladimir Poutine a reçu le président azerbaïdjanais "
     "Ilham Aliev au Kremlin.", "fr"),
    ("La retirada empezó a mediados de abril. Pocos días después, Putin recibió en el Kremlin al presidente azerbaiyano, "
     "Ilham Alíyev.", "es"),
])
def test_a_few_days_later_is_the_month_of_the_day_told(text, language):
    assert [(e[1], e[2], e[3], e[4]) for e in events(text, language, datetime(2024, 6, 12, 9, 0))] == [
        ("visit", "AZE", "RUS", "2024-04")]


def test_there_after_leaving_a_country_is_that_country():
    text = ("Frankreich hat seine Soldaten aus dem Senegal abgezogen. Ende Januar hatte Frankreich rund tausend Soldaten "
            "aus dem Tschad, dem letzten Land der Sahelzone mit französischen Truppen, abgezogen und dort seine letzte "
            "Basis geräumt.")
    assert [(e[2], e[3], e[4], e[5]) for e in events(text, "de", datetime(2025, 7, 17, 9, 0))] == [
        ("FRA", "SEN", "2025-07", None), ("FRA", "TCD", "2025-01", 1000)]

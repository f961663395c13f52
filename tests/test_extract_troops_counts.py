"""Troop reports: counts before or after the noun and parts of them; what is no troop report (casualties,
years, planes, ethnic groups, access agreements, arrivals taken for visits)."""
from datetime import datetime

import pytest

from tests.test_extract_rules import events


def test_an_enemy_marker_does_not_reach_past_a_number():
    text = "Le Parlement hongrois a approuvé lundi, par 188 voix contre 6, l'adhésion de la Suède à l'Otan."
    assert events(text, "fr", datetime(2024, 2, 27, 9, 0)) == [
        ("treaty", "ratified", "HUN", "SWE", "2024-02-26", None, [])]


@pytest.mark.parametrize("text, language", [
    ("Blinken afirmó el jueves que hay unos diez mil soldados norcoreanos en Rusia y que hasta 8.000 de ellos "
     "han sido desplegados en la región fronteriza de Kursk.", "es"),
    ("Blinken a affirmé jeudi que, sur environ dix mille soldats nord-coréens présents en Russie, 8 000 se "
     "trouvaient désormais dans la région de Koursk.", "fr"),
    ("Blinken said on Thursday that about 10,000 North Korean soldiers were in Russia and that 8,000 of them "
     "had been deployed to the Kursk region.", "en"),
])
def test_a_part_of_the_troops_with_its_own_count_is_a_second_claim(text, language):
    found = events(text, language, datetime(2024, 11, 5, 9, 0))
    assert sorted((e[2], e[3], e[5]) for e in found if e[0] == "troops") == [("PRK", "RUS", 8000),
                                                                             ("PRK", "RUS", 10000)]
    assert len({e[4] for e in found}) == 1  # both told on the same day


def test_some_of_the_troops_just_counted_is_no_count_of_one():
    text = ("Plus de 10 000 soldats nord-coréens ont été déployés en Russie, et une partie d'entre eux "
            "a déjà combattu.")
    assert [e[5] for e in events(text, "fr", datetime(2024, 11, 5, 9, 0)) if e[0] == "troops"] == [10000]


@pytest.mark.parametrize("text, language, count", [
    ("Die Zahl der in Deutschland stationierten US-Soldaten liegt bei 35.000.", "de", 35000),
    ("Er bezifferte die Zahl der in Deutschland stationierten US-Soldaten auf 45.000.", "de", 45000),
    ("He put the number of US troops in Germany at 45,000.", "en", 45000),
    ("Des soldats nord-coréens, au nombre de 10 000, sont en Russie.", "fr", 10000),
    ("Los soldados norcoreanos enviados a Rusia suman unos 11.000.", "es", 11000),
])
def test_a_count_told_after_the_troops(text, language, count):
    assert [e[5] for e in events(text, language, datetime(2024, 11, 20, 9, 0)) if e[0] == "troops"] == [count]


def test_a_number_after_the_troops_that_counts_something_else_is_no_count():
    assert [e[5] for e in events("US troops in Germany are spread over 3 bases.", "en",
                                 datetime(2024, 11, 20, 9, 0)) if e[0] == "troops"] == [None]


@pytest.mark.parametrize("text", [
    "US troops arrived in Poland in March.",
    "US troops were in Poland in March.",
])
def test_troops_arriving_are_no_diplomatic_visit(text):
    assert [e[0] for e in events(text, "en", datetime(2024, 4, 12, 9, 0))] == ["troops"]


@pytest.mark.parametrize("text, language, expected", [
    ("Nach Angaben des ukrainischen Geheimdienstes kämpfen etwa 11.000 Nordkoreaner in Kursk.", "de",
     [("PRK", "RUS", 11000, ["UKR"])]),
    ("Unos 11.000 norcoreanos luchan en la región rusa de Kursk, según Kiev.", "es", [("PRK", "RUS", 11000, ["UKR"])]),
    ("About 11,000 North Koreans are fighting in Kursk.", "en", [("PRK", "RUS", 11000, [])]),
    ("Environ 11 000 Nord-Coréens combattent dans la région de Koursk.", "fr", [("PRK", "RUS", 11000, [])]),
    ("About 11,000 Russians live in Latvia.", "en", []),
    ("Pyongyang envió en octubre a Rusia unos 12.000 soldados, según la inteligencia surcoreana.", "es",
     [("PRK", "RUS", 12000, ["KOR"])]),
])
def test_a_count_of_a_people_doing_what_troops_do_is_a_troop_report(text, language, expected):
    found = events(text, language, datetime(2024, 12, 20, 9, 0))
    assert [(e[2], e[3], e[5], e[6]) for e in found if e[0] == "troops"] == expected


@pytest.mark.parametrize("text", [
    "Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia, where 24 people were killed last March.",
    "Syria has again offered its troops to Lebanon's new president to help him oust his rival.",
])
def test_ethnic_groups_and_offers_are_no_troop_reports(text):
    assert [e for e in events(text, "en") if e[0] == "troops"] == []


@pytest.mark.parametrize("text, count", [
    ("Some 2,000 Rwandan soldiers are fighting insurgents in Mozambique.", 2000),
    ("Washington has about 10,000 troops stationed in Poland.", 10000),
])
def test_a_thousands_separator_makes_a_count_not_a_year(text, count):
    assert [e[5] for e in events(text, "en") if e[0] == "troops"] == [count]


@pytest.mark.parametrize("text, language", [
    ("Bei den Kämpfen in der Region Kursk sind Hunderte nordkoreanische Soldaten getötet worden.", "de"),
    ("Hundreds of North Korean soldiers have been killed in the fighting in Kursk.", "en"),
    ("Des centaines de soldats nord-coréens ont été tués dans les combats à Koursk.", "fr"),
    ("Cientos de soldados norcoreanos murieron en los combates en Kursk.", "es"),
])
def test_troops_killed_in_fighting_are_casualties(text, language):
    found = events(text, language, datetime(2024, 12, 20, 9, 0))
    assert [(e[0], e[1], e[2], e[3], e[5]) for e in found] == [("troops", "casualties", "PRK", "RUS", 100)]


@pytest.mark.parametrize("text, language", [
    ("Two years later, the United States has sent troops to Poland.", "en"),
    ("Dos aviones militares llevaron en diciembre a soldados franceses desplegados en Níger.", "es"),
])
def test_a_number_of_years_or_planes_counts_no_troops(text, language):
    found = [e for e in events(text, language, datetime(2023, 12, 15, 9, 0)) if e[0] == "troops"]
    assert len(found) == 1 and found[0][5] is None


@pytest.mark.parametrize("text, language, expected", [
    ("Francia desplegó unos 400 hombres en Burkina Faso.", "es", [("troops", "deployment", "FRA", "BFA", None, 400, [])]),
    ("Deutschland hat rund 1.500 Mann nach Litauen verlegt.", "de", [("troops", "deployment", "DEU", "LTU", None, 1500, [])]),
    ("Frankreich hat 300 Spezialkräfte nach Mali verlegt.", "de", [("troops", "deployment", "FRA", "MLI", None, 300, [])]),
    ("Der Mann reiste nach Litauen.", "de", []),
])
def test_men_counted_and_special_forces_are_troops(text, language, expected):
    assert events(text, language, datetime(2023, 12, 15, 9, 0)) == expected


@pytest.mark.parametrize("text", [
    "The agreement sets the rules for US troops operating on Finnish territory in peacetime.",
    "The deal opens 17 Swedish bases and areas to US forces.",
])
def test_what_an_access_agreement_allows_is_no_deployment(text):
    assert [e for e in events(text, "en", datetime(2023, 12, 19, 9, 0)) if e[0] == "troops"] == []


@pytest.mark.parametrize("text, expected", [
    # The year is no count; the number in words nearer the noun is.
    ("Im Jahr 2021 wurden zwölf deutsche Soldaten in Mali verwundet.", ("casualties", "2021", 12)),
    # A German year opening the sentence before its verb dates it.
    ("2017 kamen in Mali zwei deutsche Soldaten ums Leben.", ("casualties", "2017", 2)),
])
def test_a_year_before_a_count_in_words_dates_the_report_and_the_words_count(text, expected):
    found = events(text, "de", datetime(2023, 12, 15, 9, 0))
    assert [(e[1], e[4], e[5]) for e in found] == [expected]


def test_a_later_noun_of_the_same_troops_gives_the_count_the_first_lacked():
    text = "Die Bundeswehr stationiert eine Brigade mit rund 4.800 Soldaten in Litauen."
    assert [(e[2], e[3], e[5]) for e in events(text, "de")] == [("DEU", "LTU", 4800)]


@pytest.mark.parametrize("text, language, expected", [
    ("El contingente español en Letonia está formado por unos 600 militares.", "es", ("ESP", "LVA", 600)),
    ("Das deutsche Kontingent in Litauen umfasst derzeit rund 1.700 Soldaten.", "de", ("DEU", "LTU", 1700)),
    ("Die Bundeswehr ist mit rund 1.700 Soldaten in Litauen präsent.", "de", ("DEU", "LTU", 1700)),
    # A contribution of troops to a mission is their deployment.
    ("Deutschland beteiligt sich mit etwa 600 Soldaten an der Mission in Litauen.", "de", ("DEU", "LTU", 600)),
])
def test_counted_troops_with_no_sender_of_their_own_count_the_contingent_named_before(text, language, expected):
    assert [(e[2], e[3], e[5]) for e in events(text, language)] == [expected]


@pytest.mark.parametrize("text, language", [
    ("Russia has lost more than 700,000 soldiers in Ukraine, according to Britain.", "en"),
    ("La Russie a perdu plus de 700 000 soldats en Ukraine, selon Londres.", "fr"),
    ("Según el Ministerio de Defensa británico, Rusia ha perdido más de 700.000 soldados en Ucrania.", "es"),
    ("Laut britischem Verteidigungsministerium hat Russland in der Ukraine mehr als 700.000 Soldaten verloren.", "de"),
])
def test_soldiers_a_country_lost_are_its_casualties(text, language):
    assert [(e[1], e[2], e[3], e[5], e[6]) for e in events(text, language)] == [
        ("casualties", "RUS", "UKR", 700000, ["GBR"])]


@pytest.mark.parametrize("text, language", [
    ("North Korean troops sent to Russia have suffered some 4,000 casualties, Seoul said.", "en"),
    ("Les soldats nord-coréens envoyés en Russie ont subi environ 4 000 pertes, selon Séoul.", "fr"),
    ("Los soldados norcoreanos enviados a Rusia han sufrido unas 4.000 bajas, según Seúl.", "es"),
    ("Die nach Russland entsandten nordkoreanischen Soldaten haben laut Seoul rund 4.000 Verluste erlitten.", "de"),
])
def test_a_count_of_losses_counts_the_casualties(text, language):
    assert [(e[1], e[2], e[3], e[5], e[6]) for e in events(text, language)] == [
        ("casualties", "PRK", "RUS", 4000, ["KOR"])]


@pytest.mark.parametrize("text, expected", [
    ("Poland hosts around 10,000 U.S. troops on a rotational basis.", ("USA", "POL", 10000)),
    ("Some 1,100 U.S. military personnel were stationed in Niger before the coup.", ("USA", "NER", 1100)),
])
def test_an_abbreviation_between_the_number_and_the_troops_keeps_the_count(text, expected):
    assert [(e[2], e[3], e[5]) for e in events(text, "en")] == [expected]


@pytest.mark.parametrize("text, language", [
    ("Russia has deployed 1.5 million troops in Ukraine.", "en"),
    ("La Russie a déployé 1,5 million de soldats en Ukraine.", "fr"),
    ("Rusia ha desplegado 1,5 millones de soldados en Ucrania.", "es"),
    ("Russland hat 1,5 Millionen Soldaten in der Ukraine eingesetzt.", "de"),
])
def test_a_decimal_before_million_is_its_fraction(text, language):
    assert [e[5] for e in events(text, language)] == [1500000]


@pytest.mark.parametrize("text, language, count", [
    ("Ucrania asegura haber matado a decenas de soldados norcoreanos en Kursk.", "es", 10),
    ("Dozens of North Korean soldiers were killed in Kursk, Kyiv said.", "en", 12),
    ("Des dizaines de soldats nord-coréens ont été tués à Koursk.", "fr", 10),
    ("Dutzende nordkoreanische Soldaten wurden in Kursk getötet.", "de", 12),
    ("Decenas de miles de soldados rusos están en Ucrania.", "es", 10000),  # the longer phrase first
])
def test_tens_and_dozens_are_lower_bounds(text, language, count):
    assert [e[5] for e in events(text, language)] == [count]


@pytest.mark.parametrize("text, language", [
    ("Seoul spricht von rund 10.000 nordkoreanischen Soldaten in Russland, Kiew beziffert ihre Zahl dagegen auf etwa 12.000.", "de"),
    ("Séoul parle de 10 000 soldats nord-coréens présents en Russie, Kiev de 12 000.", "fr"),
    ("Seúl cifra en 10.000 los soldados norcoreanos desplegados en Rusia, mientras que Kiev habla de unos 12.000.", "es"),
    ("Seoul says about 10,000 North Korean troops are in Russia, while Kyiv puts the figure at 12,000.", "en"),
])
def test_a_later_country_with_a_bare_count_makes_its_own_claim(text, language):
    assert [(e[2], e[3], e[5], e[6]) for e in events(text, language)] == [
        ("PRK", "RUS", 10000, ["KOR"]), ("PRK", "RUS", 12000, ["UKR"])]


@pytest.mark.parametrize("text, language", [
    ("North Korea has sent 10,000 troops to Russia, and Ukraine received 2,000 drones.", "en"),
    ("Nordkorea hat 10.000 Soldaten nach Russland geschickt, im Jahr 2023 waren es 3.000.", "de"),
])
def test_a_later_number_that_no_country_claims_is_no_claim(text, language):
    assert [e[5] for e in events(text, language) if e[0] == "troops"] == [10000]


@pytest.mark.parametrize("text, language, lost", [
    ("Of the 11,000 North Korean troops sent to Kursk, around 4,700 have been killed or wounded.", "en", 4700),
    ("Sur les quelque 11 000 soldats nord-coréens envoyés à Koursk, environ 600 ont été tués.", "fr", 600),
    ("Von den rund 11.000 nach Russland entsandten Nordkoreanern seien mindestens 100 getötet worden.", "de", 100),
    ("De los 11.000 soldados norcoreanos enviados a Rusia, unos 4.000 han muerto o resultado heridos.", "es", 4000),
])
def test_the_part_lost_of_the_troops_sent_is_its_own_report(text, language, lost):
    assert [(e[1], e[2], e[3], e[5]) for e in events(text, language)] == [
        ("deployment", "PRK", "RUS", 11000), ("casualties", "PRK", "RUS", lost)]


def test_the_part_lost_is_counted_up_to_the_time_of_writing_not_at_the_sending():
    text = "De los 11.000 militares norcoreanos que Pyongyang empezó a mandar a Rusia en octubre, unos 4.000 han muerto."
    assert [(e[1], e[4], e[5]) for e in events(text, "es", datetime(2025, 3, 27, 10))] == [
        ("deployment", "2024-10", 11000), ("casualties", "2025-03", 4000)]


@pytest.mark.parametrize("text, language", [
    ("La Russie a rapatrié en décembre une partie de ses hommes de Syrie.", "fr"),
    ("Rusia retiró la mitad de sus soldados de Siria.", "es"),
])
def test_a_share_of_the_troops_is_no_head_count(text, language):
    assert [e[5] for e in events(text, language) if e[0] == "troops"] == [None]

"""Troop reports: who sends the troops and who says so, also when the report goes on over several
sentences."""
from datetime import datetime

import pytest

from tests.test_extract_rules import events


def test_some_of_them_continues_the_troop_report_before():
    text = ("Seoul says Pyongyang has sent more than 10,000 soldiers to Russia. "
            "US officials say some of them have joined the fighting in the Kursk region.")
    found = events(text, "en", datetime(2024, 12, 5, 9, 0))
    assert [(e[1], e[2], e[3], e[6]) for e in found] == [("deployment", "PRK", "RUS", ["KOR"]),
                                                         ("combat", "PRK", "RUS", ["USA"])]


def test_some_of_them_needs_a_report_before_and_a_deed():
    assert events("Some of them have joined the fighting in Russia's Kursk region.", "en") == []
    text = ("Pyongyang has sent more than 10,000 soldiers to Russia, Seoul says. "
            "Some of them are young.")
    assert [e[1] for e in events(text, "en")] == ["deployment"]


@pytest.mark.parametrize("text, language, expected", [
    ("Rund 10.000 Soldaten aus Nordkorea sind in Russland stationiert.", "de", ("PRK", "RUS", 10000, [])),
    ("About 10,000 troops from North Korea are in Russia.", "en", ("PRK", "RUS", 10000, [])),
    ("Nach Angaben des südkoreanischen Geheimdienstes hat Nordkorea etwa 3.000 Soldaten nach Russland entsandt.", "de",
     ("PRK", "RUS", 3000, ["KOR"])),
    ("According to US and South Korean officials, about 10,000 North Korean troops are in Russia.", "en",
     ("PRK", "RUS", 10000, ["USA", "KOR"])),
    ("Estados Unidos mantiene unos 28.500 militares en Corea del Sur.", "es", ("USA", "KOR", 28500, [])),
])
def test_who_sends_the_troops_and_who_says_so(text, language, expected):
    assert [(e[2], e[3], e[5], e[6]) for e in events(text, language, datetime(2024, 11, 20, 9, 0))] == [expected]


@pytest.mark.parametrize("text, language", [
    ("About 10,000 North Korean troops are in Russia, Seoul said.", "en"),
    ("Quelque 10 000 soldats nord-coréens sont en Russie, a affirmé Séoul.", "fr"),
    ("Rund 1.500 nordkoreanische Soldaten seien nach Wladiwostok gebracht worden, teilte Seoul mit.", "de"),
])
def test_a_claim_told_after_the_troop_report_names_who_makes_it(text, language):
    assert [e[6] for e in events(text, language, datetime(2024, 11, 20, 9, 0))] == [["KOR"]]


def test_its_forces_are_the_subjects():
    found = events("Israel has strengthened its forces in Lebanon, military sources said today.", "en")
    assert [(e[0], e[2], e[3]) for e in found] == [("troops", "ISR", "LBN")]


@pytest.mark.parametrize("text, language, expected", [
    ("Frankreich hat seine letzten Soldaten aus Niger abgezogen.", "de", ("troops", "withdrawal", "FRA", "NER")),
    ("France has withdrawn its last troops from Niger.", "en", ("troops", "withdrawal", "FRA", "NER")),
    ("Francia retiró sus últimas tropas de Níger en diciembre.", "es", ("troops", "withdrawal", "FRA", "NER")),
    ("La France a retiré ses derniers soldats du Niger en décembre.", "fr", ("troops", "withdrawal", "FRA", "NER")),
    ("The last French troops left Chad on January 30.", "en", ("troops", "withdrawal", "FRA", "TCD")),
    ("Soldaten aus Nordkorea kämpfen in Kursk.", "de", ("troops", "combat", "PRK", "RUS")),
])
def test_from_a_country_is_where_troops_leave_in_a_withdrawal_and_who_sends_them_otherwise(text, language, expected):
    assert [e[:4] for e in events(text, language)] == [expected]


def test_a_source_adjective_is_neither_a_place_nor_a_second_source():
    found = events("Mehrere Hundert nordkoreanische Soldaten wurden nach ukrainischen Angaben in Kursk getötet.", "de")
    assert [(e[2], e[3], e[5], e[6]) for e in found] == [("PRK", "RUS", 100, ["UKR"])]
    found = events("Nach Angaben des Pentagons kämpfen nordkoreanische Truppen an der Seite Russlands.", "de")
    assert [(e[2], e[3], e[6]) for e in found] == [("PRK", "RUS", ["USA"])]


@pytest.mark.parametrize("text, claimant", [
    ("Selenskyj warf Pjöngjang vor, 12.000 Soldaten nach Russland entsandt zu haben.", ["UKR"]),
    ("Selenskyj sagte, Pjöngjang habe 12.000 Soldaten nach Russland entsandt.", ["UKR"]),
    ("Kiew zufolge hat Pjöngjang 12.000 Soldaten nach Russland entsandt.", ["UKR"]),
    ("Dem südkoreanischen Geheimdienst zufolge hat Pjöngjang 12.000 Soldaten nach Russland entsandt.", ["KOR"]),
])
def test_german_sender_before_a_clause_final_verb_and_a_source_before_zufolge(text, claimant):
    assert events(text, "de", datetime(2024, 11, 20, 9, 0)) == [
        ("troops", "deployment", "PRK", "RUS", None, 12000, claimant)]


@pytest.mark.parametrize("text, language", [
    ("Die USA haben nach Angaben des Pentagons rund 1.000 zusätzliche Soldaten nach Polen verlegt.", "de"),
    ("The United States has sent about 1,000 more troops to Poland, according to the Pentagon.", "en"),
])
def test_a_country_that_acts_and_also_tells_is_the_sender(text, language):
    assert events(text, language, datetime(2024, 11, 20, 9, 0)) == [
        ("troops", "deployment", "USA", "POL", None, 1000, ["USA"])]


@pytest.mark.parametrize("text, language", [
    ("Francia completó la retirada de sus 1.500 soldados de Níger.", "es"),
    ("La France a retiré ses 1 500 derniers soldats du Niger.", "fr"),
    ("France withdrew its last 1,500 troops from Niger.", "en"),
    ("Frankreich hat seine letzten 1.500 Soldaten aus Niger abgezogen.", "de"),
])
def test_its_counted_troops_are_the_subjects(text, language):
    assert events(text, language, datetime(2024, 1, 20, 9, 0)) == [
        ("troops", "withdrawal", "FRA", "NER", None, 1500, [])]


def test_counted_troops_in_a_sentence_naming_no_country_continue_the_report_before():
    text = ("Nach gut zehn Jahren kehrt die Bundeswehr Mali endgültig den Rücken. "
            "Das letzte Kontingent von 142 Soldaten hatte das Feldlager am Dienstag geräumt, wie die Bundeswehr mitteilte.")
    assert events(text, "de", datetime(2023, 12, 15, 9, 0)) == [
        ("troops", "withdrawal", "DEU", "MLI", "2023-12", None, []),  # the news it opens with; ten years are no head count
        ("troops", "withdrawal", "DEU", "MLI", "2023-12-12", 142, ["DEU"])]  # "wie die Bundeswehr mitteilte"


def test_an_army_that_speaks_is_no_troop_report_and_its_task_force_is_its_own():
    text = ("The U.S. Army said on Monday that its 1st Multi-Domain Task Force had brought the Typhon system to "
            "northern Luzon on April 11 for drills with the Philippine Army.")
    assert events(text, "en", datetime(2024, 4, 19, 9, 0)) == [
        ("troops", "deployment", "USA", "PHL", "2024-04-11", None, ["USA"])]


def test_an_according_to_naming_no_country_takes_no_place_as_its_source():
    text = "Russland hat nach Angaben der Nato rund 30.000 Soldaten nach Belarus verlegt."
    assert [(e[2], e[3], e[5], e[6]) for e in events(text, "de")] == [("RUS", "BLR", 30000, [])]


@pytest.mark.parametrize("text, language", [
    ("Die Ukraine hat nach eigenen Angaben am Samstag zwei nordkoreanische Soldaten in Kursk gefangen genommen.", "de"),
    ("Ucrania capturó el sábado, según sus propios datos, a dos soldados norcoreanos en Kursk.", "es"),
    ("L'Ukraine affirme avoir capturé samedi deux soldats nord-coréens dans la région de Koursk.", "fr"),
])
def test_by_its_own_account_the_subject_tells_of_the_captured(text, language):
    assert events(text, language) == [("troops", "casualties", "PRK", "RUS", "2024-11-16", 2, ["UKR"])]


def test_a_country_acknowledging_troops_tells_of_them():
    text = "El Kremlin reconoció por primera vez la presencia de soldados norcoreanos en Kursk."
    assert [(e[2], e[3], e[6]) for e in events(text, "es")] == [("PRK", "RUS", ["RUS"])]


def test_a_german_withdrawal_verb_far_from_its_particle():
    text = "Frankreich zog Ende Dezember seine letzten Soldaten aus Niger ab."
    assert events(text, "de", datetime(2024, 1, 5, 9, 0)) == [("troops", "withdrawal", "FRA", "NER", "2023-12", None, [])]


@pytest.mark.parametrize("text, language", [
    ("North Korea has sent some 12,000 troops to Russia. These soldiers are now fighting in the Kursk region.", "en"),
    ("La Corée du Nord a envoyé quelque 12 000 soldats en Russie. Ces soldats combattent désormais dans la région "
     "de Koursk.", "fr"),
    ("Corea del Norte ha enviado unos 12.000 soldados a Rusia. Estos militares combaten ya en la región de Kursk.", "es"),
    ("Nordkorea hat rund 12.000 Soldaten nach Russland geschickt. Diese Soldaten kämpfen inzwischen in der Region "
     "Kursk.", "de"),
])
def test_these_soldiers_doing_something_new_go_on_with_the_report_before(text, language):
    assert [(e[1], e[2], e[3], e[5]) for e in events(text, language)] == [
        ("deployment", "PRK", "RUS", 12000), ("combat", "PRK", "RUS", None)]


def test_the_troops_told_again_with_nothing_new_are_no_second_report():
    text = "Russia has deployed 30,000 troops in Belarus. Ukraine says the troops pose a threat."
    assert [(e[1], e[2], e[3]) for e in events(text, "en")] == [("deployment", "RUS", "BLR")]


@pytest.mark.parametrize("text", [
    "Unos 10.000 soldados de EE.UU. están desplegados en Polonia.",
    "EE. UU. mantiene unos 10.000 soldados en Polonia.",  # "EE." ends no sentence
])
def test_spanish_troops_of_the_united_states(text):
    assert [(e[2], e[3], e[5]) for e in events(text, "es")] == [("USA", "POL", 10000)]


@pytest.mark.parametrize("text, language", [
    ("El Pentágono confirmó la llegada de 500 marines a Filipinas.", "es"),
    ("Das Pentagon bestätigte die Ankunft von 500 Marines auf den Philippinen.", "de"),
])
def test_who_confirms_the_arrival_of_troops_sends_them(text, language):
    assert [(e[2], e[3], e[5]) for e in events(text, language) if e[0] == "troops"] == [("USA", "PHL", 500)]


def test_the_country_that_leads_a_battlegroup_with_its_soldiers_sends_them():
    text = "Canada leads the NATO battlegroup in Latvia with about 1,000 soldiers."
    assert [(e[2], e[3], e[5]) for e in events(text, "en")] == [("CAN", "LVA", 1000)]


def test_what_a_country_said_it_would_send_is_no_deployment():
    assert events("The United States announced it would send an additional 3,000 troops to Poland.", "en") == []


@pytest.mark.parametrize("text, language", [
    ("Ukrainian forces captured two North Korean soldiers in the Kursk region on Thursday, Seoul's spy agency said.", "en"),
    ("Two North Korean soldiers were captured by Ukrainian forces in the Kursk region on Thursday, Seoul's spy agency said.",
     "en"),
    ("Jeudi, les forces ukrainiennes ont fait prisonniers deux soldats nord-coréens dans la région russe de Koursk, "
     "selon le renseignement sud-coréen.", "fr"),
    ("Las fuerzas ucranianas capturaron el jueves a dos soldados norcoreanos en la región rusa de Kursk, según "
     "la inteligencia surcoreana.", "es"),
    ("Ukrainische Truppen haben am Donnerstag im russischen Gebiet Kursk zwei nordkoreanische Soldaten gefangen "
     "genommen, teilte der Geheimdienst in Seoul mit.", "de"),
])
def test_the_captors_are_no_loss_and_where_the_source_speaks_is_no_place(text, language):
    assert [(e[1], e[2], e[3], e[4], e[5], e[6]) for e in events(text, language, datetime(2025, 1, 12, 9, 0))] == [
        ("casualties", "PRK", "RUS", "2025-01-09", 2, ["KOR"])]


@pytest.mark.parametrize("text, language", [
    ("Putin received North Korea's foreign minister on Monday amid controversy over the deployment of North Korean "
     "troops to Russia.", "en"),
    ("Vladímir Putin recibió el lunes a la ministra norcoreana en plena polémica por el envío de soldados norcoreanos "
     "a Rusia.", "es"),
    ("Vladimir Poutine a reçu lundi la ministre nord-coréenne, sur fond d'envoi de soldats nord-coréens en Russie.", "fr"),
    ("Putin empfing am Montag die nordkoreanische Außenministerin inmitten von Berichten über nordkoreanische "
     "Soldaten in Russland.", "de"),
])
def test_troops_argued_about_are_background_not_a_report(text, language):
    assert [e for e in events(text, language, datetime(2024, 11, 5, 9, 0)) if e[0] == "troops"] == []

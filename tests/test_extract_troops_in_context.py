"""Troop reports beyond the plain 'N soldiers sent to X': who sends them and who says so, counts before
or after the noun, parts of the troops told before, withdrawals, allies and regions."""
from datetime import datetime

import pytest

from tests.test_extract_rules import events


def test_an_enemy_marker_does_not_reach_past_a_number():
    text = "Le Parlement hongrois a approuvé lundi, par 188 voix contre 6, l'adhésion de la Suède à l'Otan."
    assert events(text, "fr", datetime(2024, 2, 27, 9, 0)) == [
        ("treaty", "ratified", "HUN", "SWE", "2024-02-26", None, [])]


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


@pytest.mark.parametrize("text, language", [
    ("Selon Kyiv, environ 11 000 fantassins nord-coréens suivent un entraînement dans l'Est de la Russie.", "fr"),
    ("Kyiv says about 11,000 North Korean infantry soldiers are training in eastern Russia.", "en"),
])
def test_a_region_of_a_country_is_where_troops_are(text, language):
    found = events(text, language)
    assert [(e[0], e[2], e[3], e[5]) for e in found] == [("troops", "PRK", "RUS", 11000)]


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


def test_troops_carried_as_far_as_a_city_are_deployed_there():
    text = ("Selon Séoul, mille cinq cents membres des forces spéciales nord-coréennes ont été transportés "
            "jusqu'à Vladivostok.")
    assert [(e[2], e[3], e[5]) for e in events(text, "fr", datetime(2024, 10, 24, 9, 0))] == [("PRK", "RUS", 1500)]


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


@pytest.mark.parametrize("text, language", [
    ("Las tropas francesas abandonaron Níger en diciembre.", "es"),
    ("The last French troops left Niger in December.", "en"),
    ("Les derniers soldats français ont quitté le Niger en décembre.", "fr"),
])
def test_troops_leaving_a_country_withdraw_from_it(text, language):
    assert events(text, language, datetime(2024, 6, 20, 9, 0)) == [
        ("troops", "withdrawal", "FRA", "NER", "2023-12", None, [])]


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


@pytest.mark.parametrize("text, language", [
    ("Nordkorea hat bislang rund 12.000 Soldaten zur Unterstützung Russlands entsandt.", "de"),
    ("Environ 12 000 soldats nord-coréens combattent aux côtés de la Russie.", "fr"),
    ("North Korea sent about 12,000 troops in support of Russia.", "en"),
])
def test_troops_sent_in_support_of_a_country_are_deployed_there(text, language):
    assert [(e[2], e[3], e[5]) for e in events(text, language, datetime(2024, 12, 20, 9, 0))] == [("PRK", "RUS", 12000)]


@pytest.mark.parametrize("text, language", [
    ("Le président russe a salué les soldats nord-coréens qui ont combattu aux côtés de l'armée russe.", "fr"),
    ("North Korean soldiers fought alongside Russian forces.", "en"),
    ("Nordkoreanische Soldaten kämpfen an der Seite der russischen Armee.", "de"),
])
def test_troops_fighting_alongside_an_army_fight_in_its_country(text, language):
    assert [(e[1], e[2], e[3]) for e in events(text, language, datetime(2025, 4, 29, 9, 0))] == [("combat", "PRK", "RUS")]


@pytest.mark.parametrize("text, language", [
    ("The first Russian soldiers have reached Belarus. Tens of thousands of Russian troops were stationed "
     "in the country for joint exercises in February.", "en"),
    ("Merz traf Trump in Washington. Er bezifferte die Zahl der dort stationierten US-Soldaten auf 45.000.", "de"),
])
def test_in_the_country_is_the_country_named_before_other_than_the_sender(text, language):
    second = [e for e in events(text, language, datetime(2022, 10, 17, 9, 0)) if e[0] == "troops"][-1]
    assert second[2:4] in {("RUS", "BLR"), ("USA", "DEU")}
    assert second[5] in (10000, 45000)


def test_there_as_an_existential_refers_to_no_country():
    text = "Russia is close to Belarus. There are 10,000 Russian troops, officials said."
    assert [e for e in events(text, "en") if e[0] == "troops"] == []


def test_its_forces_are_the_subjects():
    found = events("Israel has strengthened its forces in Lebanon, military sources said today.", "en")
    assert [(e[0], e[2], e[3]) for e in found] == [("troops", "ISR", "LBN")]


@pytest.mark.parametrize("text", [
    "Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia, where 24 people were killed last March.",
    "Syria has again offered its troops to Lebanon's new president to help him oust his rival.",
])
def test_ethnic_groups_and_offers_are_no_troop_reports(text):
    assert [e for e in events(text, "en") if e[0] == "troops"] == []


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
    ("Bielorrusia acoge a unos 10.000 soldados estadounidenses.", "es"),
    ("Poland hosts about 10,000 US troops.", "en"),
    ("Polen beherbergt rund 10.000 US-Soldaten.", "de"),
    ("La Pologne accueille quelque 10 000 soldats américains.", "fr"),
])
def test_a_country_hosting_troops_receives_them_and_no_one_visits(text, language):
    found = events(text, language, datetime(2024, 11, 20, 9, 0))
    assert [(e[0], e[2], e[5]) for e in found] == [("troops", "USA", 10000)]
    assert found[0][3] in ("POL", "BLR")


@pytest.mark.parametrize("text, language", [
    ("Francia completó la retirada de sus 1.500 soldados de Níger.", "es"),
    ("La France a retiré ses 1 500 derniers soldats du Niger.", "fr"),
    ("France withdrew its last 1,500 troops from Niger.", "en"),
    ("Frankreich hat seine letzten 1.500 Soldaten aus Niger abgezogen.", "de"),
])
def test_its_counted_troops_are_the_subjects(text, language):
    assert events(text, language, datetime(2024, 1, 20, 9, 0)) == [
        ("troops", "withdrawal", "FRA", "NER", None, 1500, [])]


@pytest.mark.parametrize("text, expected", [
    ("Die letzten französischen Soldaten haben Niger am Freitag verlassen.",
     ("troops", "withdrawal", "FRA", "NER", "2024-11-15", None, [])),
    ("Russland hat nach Einschätzung westlicher Geheimdienste mehr als 600.000 Soldaten in der Ukraine im Einsatz.",
     ("troops", "deployment", "RUS", "UKR", None, 600000, [])),
    ("Der südkoreanische Geheimdienst geht davon aus, dass rund 11.000 nordkoreanische Soldaten in Russland sind.",
     ("troops", "deployment", "PRK", "RUS", None, 11000, ["KOR"])),
    ("Deutschland führt einen Nato-Kampfverband in Litauen.", ("troops", "deployment", "DEU", "LTU", None, None, [])),
])
def test_german_troops_leaving_far_from_their_verb_and_battle_groups(text, expected):
    assert events(text, "de", datetime(2024, 11, 19, 9, 0)) == [expected]


@pytest.mark.parametrize("text, language, count", [
    ("Corea del Norte ha enviado unos 11.000 soldados a Rusia. Seúl afirmó que cientos de soldados norcoreanos "
     "han muerto en los combates.", "es", 100),
    ("North Korea has sent about 11,000 troops to Russia. More than 1,000 North Korean soldiers have been killed "
     "or wounded, Seoul said.", "en", 1000),
    ("Nordkorea hat rund 11.000 Soldaten nach Russland geschickt. Mehr als 1.000 nordkoreanische Soldaten wurden "
     "nach Angaben aus Seoul getötet oder verletzt.", "de", 1000),
])
def test_counted_losses_with_no_place_are_where_the_report_before_put_the_troops(text, language, count):
    found = events(text, language, datetime(2024, 12, 20, 9, 0))
    assert found[1] == ("troops", "casualties", "PRK", "RUS", None, count, ["KOR"])


def test_losses_with_no_report_before_and_no_place_are_no_event():
    assert events("Mehr als 1.000 nordkoreanische Soldaten wurden getötet.", "de") == []


@pytest.mark.parametrize("text, expected", [
    ("Los últimos soldados franceses desplegados en Níger salieron del país el viernes.",
     [("troops", "withdrawal", "FRA", "NER", "2023-12-22", None, [])]),
    ("Francia llegó a tener en Níger unos 1.500 soldados, parte de ellos llegados desde Malí.",
     [("troops", "deployment", "FRA", "NER", None, 1500, [])]),
    ("París conserva todavía alrededor de un millar de soldados en Chad.",
     [("troops", "deployment", "FRA", "TCD", None, 1000, [])]),
    ("Francia retiró sus tropas de Níger. Ya habían salido de Malí. Unos 1.346 militares franceses habían sido "
     "trasladados fuera del país.", [("troops", "withdrawal", "FRA", "NER", None, None, []),
                                    ("troops", "withdrawal", "FRA", "NER", None, 1346, [])]),
])
def test_spanish_troops_leaving_the_country_and_kept_abroad(text, expected):
    assert events(text, "es", datetime(2023, 12, 23, 9, 0)) == expected


@pytest.mark.parametrize("text, expected", [
    ("In das Gebiet Kursk waren ukrainische Einheiten im August vergangenen Jahres überraschend vorgestoßen.",
     [("troops", "combat", "UKR", "RUS", "2024-08", None, [])]),
    ("Nach Erkenntnissen der USA hat Pjöngjang seit Oktober rund 10.000 Soldaten nach Russland entsandt.",
     [("troops", "deployment", "PRK", "RUS", "2024-10", 10000, ["USA"])]),
    ("Pjöngjang hat 10.000 Soldaten nach Russland entsandt. Kiew meldete ukrainische Einheiten in Kursk. "
     "Die Verluste der Nordkoreaner sind hoch: mehr als 3.000 von ihnen seien getötet worden.",
     [("troops", "deployment", "PRK", "RUS", None, 10000, []), ("troops", "deployment", "UKR", "RUS", None, None, ["UKR"]),
      ("troops", "casualties", "PRK", "RUS", None, 3000, [])]),
])
def test_german_adjectives_before_a_place_noun_troops_since_and_whose_losses(text, expected):
    assert events(text, "de", datetime(2025, 1, 12, 9, 0)) == expected


def test_counted_troops_in_a_sentence_naming_no_country_continue_the_report_before():
    text = ("Nach gut zehn Jahren kehrt die Bundeswehr Mali endgültig den Rücken. "
            "Das letzte Kontingent von 142 Soldaten hatte das Feldlager am Dienstag geräumt, wie die Bundeswehr mitteilte.")
    assert events(text, "de", datetime(2023, 12, 15, 9, 0)) == [
        ("troops", "withdrawal", "DEU", "MLI", None, None, []),  # ten years are no head count
        ("troops", "withdrawal", "DEU", "MLI", "2023-12-12", 142, [])]


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


def test_a_host_telling_of_troops_leaving_is_the_country_left_and_bases_handed_over_are_a_withdrawal():
    text = ("On December 20 Chad's armed forces ministry said a first group of 120 French soldiers had left for "
            "France. French forces handed over the Sergent Adji Kossei base in N'Djamena on Thursday.")
    found = events(text, "en", datetime(2025, 1, 31, 9, 0))
    assert found[0] == ("troops", "withdrawal", "FRA", "TCD", "2024-12-20", 120, ["TCD"])
    assert found[1][:4] == ("troops", "withdrawal", "FRA", "TCD")


@pytest.mark.parametrize("text, expected", [
    ("Polonia acoge además a unos 4.000 militares estadounidenses en rotación desde 2017.",
     [("troops", "deployment", "USA", "POL", "2017", 4000, [])]),
    ("Austin ordenó el envío a Polonia de 3.000 soldados estadounidenses. Otros 300 efectivos se instalaron en "
     "Wiesbaden, en Alemania.", [("troops", "deployment", "USA", "POL", None, 3000, []),
                                ("troops", "deployment", "USA", "DEU", None, 300, [])]),
    ("Kim anunció que levantará un monumento a los combatientes caídos en Rusia.", []),
    ("Se sumarán a los cerca de 1.700 paracaidistas estadounidenses que aterrizaron el 5 de febrero en Polonia.",
     [("troops", "deployment", "USA", "POL", "2022-02-05", 1700, [])]),
])
def test_spanish_troops_since_a_year_a_place_of_their_own_and_no_count_of_one(text, expected):
    assert events(text, "es", datetime(2022, 2, 12, 9, 0)) == expected


@pytest.mark.parametrize("text, language, expected", [
    ("Unos 200 soldados estadounidenses permanecían en Agadez a finales de julio.", "es",
     [("troops", "deployment", "USA", "NER", "2024-07", 200, [])]),
    ("En abril aterrizaron en Niamey instructores militares rusos.", "es",
     [("troops", "deployment", "RUS", "NER", "2024-04", None, [])]),
    ("Las fuerzas estadounidenses salieron de Níger y los dos ejércitos seguirán coordinándose.", "es",
     [("troops", "withdrawal", "USA", "NER", None, None, [])]),
])
def test_sahel_towns_troops_landing_are_no_visit_and_armies_are_no_headcount(text, language, expected):
    assert events(text, language, datetime(2024, 8, 6, 9, 0)) == expected


def test_an_army_that_speaks_is_no_troop_report_and_its_task_force_is_its_own():
    text = ("The U.S. Army said on Monday that its 1st Multi-Domain Task Force had brought the Typhon system to "
            "northern Luzon on April 11 for drills with the Philippine Army.")
    assert events(text, "en", datetime(2024, 4, 19, 9, 0)) == [
        ("troops", "deployment", "USA", "PHL", "2024-04-11", None, ["USA"])]


@pytest.mark.parametrize("text, language, expected", [
    ("Las tropas francesas salieron de Níger el viernes. El primer convoy partió el 10 de octubre.", "es",
     [("troops", "withdrawal", "FRA", "NER", "2023-12-22", None, []),
      ("troops", "withdrawal", "FRA", "NER", "2023-10-10", None, [])]),
    ("French troops left Chad on Thursday. The base at Faya-Largeau was returned on December 26.", "en",
     [("troops", "withdrawal", "FRA", "TCD", "2023-12-21", None, []),
      ("troops", "withdrawal", "FRA", "TCD", "2023-12-26", None, [])]),
    ("French troops left Chad on Thursday. Deby said the withdrawal would be complete by January 31.", "en",
     [("troops", "withdrawal", "FRA", "TCD", "2023-12-21", None, [])]),
])
def test_a_dated_step_of_a_withdrawal_told_without_troops_goes_on_with_it(text, language, expected):
    assert events(text, language, datetime(2023, 12, 23, 9, 0)) == expected


def test_losses_with_no_place_find_the_senders_report_several_sentences_back():
    text = ("Nordkorea hat rund 11.000 Soldaten nach Russland geschickt. Seoul ist besorgt. Washington auch. "
            "Peking schweigt. Tokio warnt. Mehr als 1.000 nordkoreanische Soldaten wurden getötet.")
    assert events(text, "de", datetime(2024, 12, 20, 9, 0))[-1] == ("troops", "casualties", "PRK", "RUS", None, 1000, [])

"""Troop reports: where the troops are (regions, allies, hosts, 'there') and where withdrawals leave
from; losses placed by the report before."""
from datetime import datetime

import pytest

from tests.test_extract_rules import events


@pytest.mark.parametrize("text, language", [
    ("Selon Kyiv, environ 11 000 fantassins nord-coréens suivent un entraînement dans l'Est de la Russie.", "fr"),
    ("Kyiv says about 11,000 North Korean infantry soldiers are training in eastern Russia.", "en"),
])
def test_a_region_of_a_country_is_where_troops_are(text, language):
    found = events(text, language)
    assert [(e[0], e[2], e[3], e[5]) for e in found] == [("troops", "PRK", "RUS", 11000)]


def test_troops_carried_as_far_as_a_city_are_deployed_there():
    text = ("Selon Séoul, mille cinq cents membres des forces spéciales nord-coréennes ont été transportés "
            "jusqu'à Vladivostok.")
    assert [(e[2], e[3], e[5]) for e in events(text, "fr", datetime(2024, 10, 24, 9, 0))] == [("PRK", "RUS", 1500)]


@pytest.mark.parametrize("text, language", [
    ("Las tropas francesas abandonaron Níger en diciembre.", "es"),
    ("The last French troops left Niger in December.", "en"),
    ("Les derniers soldats français ont quitté le Niger en décembre.", "fr"),
])
def test_troops_leaving_a_country_withdraw_from_it(text, language):
    assert events(text, language, datetime(2024, 6, 20, 9, 0)) == [
        ("troops", "withdrawal", "FRA", "NER", "2023-12", None, [])]


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
     [("troops", "deployment", "FRA", "TCD", "2023-12", 1000, [])]),
    ("Francia retiró sus tropas de Níger. Ya habían salido de Malí. Unos 1.346 militares franceses habían sido "
     "trasladados fuera del país.", [("troops", "withdrawal", "FRA", "NER", "2023-12", None, []),
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
     [("troops", "deployment", "PRK", "RUS", "2025-01", 10000, []), ("troops", "deployment", "UKR", "RUS", None, None, ["UKR"]),
      ("troops", "casualties", "PRK", "RUS", None, 3000, [])]),
])
def test_german_adjectives_before_a_place_noun_troops_since_and_whose_losses(text, expected):
    assert events(text, "de", datetime(2025, 1, 12, 9, 0)) == expected


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
     "Wiesbaden, en Alemania.", [("troops", "deployment", "USA", "POL", "2022-02", 3000, []),
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


@pytest.mark.parametrize("text, language, subtype, places", [
    ("French forces left Mali, Burkina Faso and Niger.", "en", "withdrawal", ["BFA", "MLI", "NER"]),
    ("Les soldats français ont quitté le Mali, le Burkina Faso et le Niger.", "fr", "withdrawal", ["BFA", "MLI", "NER"]),
    # "Polen" is also the Poles: in a list of places it is the country.
    ("Deutschland hat Soldaten nach Litauen, Polen und Rumänien geschickt.", "de", "deployment", ["LTU", "POL", "ROU"]),
])
def test_troops_in_a_list_of_countries_are_one_report_per_country(text, language, subtype, places):
    found = events(text, language, datetime(2025, 1, 31, 9, 0))
    assert {e[1] for e in found} == {subtype}
    assert sorted(e[3] for e in found) == places


def test_countries_after_a_place_that_close_no_list_are_no_places():
    text = ("Les Etats-Unis ont affirmé qu'au moins 3000 soldats nord-coréens avaient été acheminés dans l'est de "
            "la Russie, rejoignant Séoul et Kiev qui accusent Pyongyang.")
    assert [(e[2], e[3], e[6]) for e in events(text, "fr")] == [("PRK", "RUS", ["USA"])]
    text = "The US has deployed 3,000 troops to Poland and Romania, Seoul said."
    assert [(e[3], e[6]) for e in events(text, "en")] == [("POL", ["KOR"]), ("ROU", ["KOR"])]


@pytest.mark.parametrize("text, language", [
    ("Estados Unidos envió 2.000 soldados a Polonia y otros 1.000 a Rumanía, donde ya había más de 900 militares "
     "estadounidenses.", "es"),
    ("Washington schickte Verstärkung nach Polen und nach Rumänien, wo bereits 900 US-Soldaten stationiert waren.", "de"),
])
def test_troops_told_after_where_are_in_the_country_it_follows(text, language):
    found = events(text, language, datetime(2022, 2, 10, 9, 0))
    assert ("USA", "ROU", 900) in [(e[2], e[3], e[5]) for e in found]


def test_a_where_clause_tells_its_own_time():
    text = ("El 2 de febrero, el Pentágono anunció que 1.000 soldados se trasladarían a Rumanía, donde ya había "
            "más de 900 militares estadounidenses.")
    assert [(e[3], e[4], e[5]) for e in events(text, "es", datetime(2022, 2, 10, 9, 0))] == [("ROU", None, 900)]


def test_a_place_told_as_it_already_stands_is_outside_the_hedge_before_it():
    text = ("El Pentágono anunció que unos 1.000 soldados se trasladarían desde Alemania a Rumanía, donde ya había "
            "más de 900 militares estadounidenses.")
    assert [(e[2], e[3], e[5]) for e in events(text, "es", datetime(2022, 2, 10, 9, 0))] == [("USA", "ROU", 900)]


@pytest.mark.parametrize("text, language", [
    ("France completed its withdrawal from Mali in August 2022.", "en"),
    ("Le retrait de la France du Mali s'est achevé en août 2022.", "fr"),
    ("Le retrait français du Mali s'est achevé en août 2022.", "fr"),
    ("Francia completó su retirada de Malí en agosto de 2022.", "es"),
    ("Der französische Abzug aus Mali war im August 2022 abgeschlossen.", "de"),
])
def test_a_withdrawal_told_as_a_noun_leaves_the_country_after_it(text, language):
    assert events(text, language, datetime(2025, 1, 31, 9, 0)) == [
        ("troops", "withdrawal", "FRA", "MLI", "2022-08", None, [])]


def test_a_departure_noun_with_no_sender_takes_the_troop_report_of_its_sentence():
    text = ("France had about 1,000 troops in Chad, its last foothold in the Sahel after forced departures from "
            "Mali, Burkina Faso and Niger.")
    assert [(e[1], e[2], e[3]) for e in events(text, "en")] == [
        ("deployment", "FRA", "TCD"), ("withdrawal", "FRA", "MLI"), ("withdrawal", "FRA", "BFA"),
        ("withdrawal", "FRA", "NER")]


@pytest.mark.parametrize("text", [
    "Der Abzug aus Mali ist abgeschlossen.",  # no one named who leaves
    "Macron's departure from Beijing was delayed.",  # a person leaving a city
    "Britain's exit from the EU changed little.",  # not a country
])
def test_a_departure_with_no_sender_or_no_country_left_is_no_withdrawal(text):
    language = "de" if text.startswith("Der") else "en"
    assert [e for e in events(text, language) if e[0] == "troops"] == []


@pytest.mark.parametrize("text, language", [
    ("Russian forces invaded Ukraine on February 24, 2022.", "en"),
    ("Las tropas rusas invadieron Ucrania el 24 de febrero de 2022.", "es"),
    ("Les troupes russes ont envahi l'Ukraine le 24 février 2022.", "fr"),
    ("Russische Truppen marschierten am 24. Februar 2022 in die Ukraine ein.", "de"),
])
def test_troops_invading_a_country_fight_in_it(text, language):
    assert events(text, language) == [("troops", "combat", "RUS", "UKR", "2022-02-24", None, [])]


def test_a_country_hosting_troops_in_spanish_alberga():
    text = "Japón alberga a unos 54.000 militares estadounidenses."
    assert [(e[2], e[3], e[5]) for e in events(text, "es")] == [("USA", "JPN", 54000)]


def test_troops_arriving_with_a_separable_german_verb_are_no_meeting():
    text = "Am Sonntag trafen rund 300 US-Soldaten in Polen ein."
    assert events(text, "de") == [("troops", "deployment", "USA", "POL", "2024-11-17", 300, [])]


@pytest.mark.parametrize("text, expected", [
    ("Die Bundeswehr hat ihre letzten Soldaten aus Mali zurückgeholt.", ("DEU", "MLI", None)),
    # The country left stands inside the separable verb's span.
    ("Rund 300 deutsche Soldaten kehrten am Freitag aus Mali zurück.", ("DEU", "MLI", 300)),
])
def test_german_troops_coming_home_withdraw_from_where_they_were(text, expected):
    found = events(text, "de", datetime(2023, 12, 16, 9, 0))
    assert [(e[1], e[2], e[3], e[5]) for e in found] == [("withdrawal", *expected)]


@pytest.mark.parametrize("text, expected", [
    ("Los últimos militares estadounidenses dejaron Níger el 5 de agosto.", ("withdrawal", "USA", "NER")),
    ("Unos 300 soldados españoles regresaron el viernes de Malí.", ("withdrawal", "ESP", "MLI")),
    ("Las fuerzas rusas atacaron Járkov el lunes.", ("combat", "RUS", "UKR")),
    ("El Ejército ucraniano lanzó en agosto una incursión en la región rusa de Kursk.", ("combat", "UKR", "RUS")),
])
def test_spanish_troops_leaving_attacking_and_crossing(text, expected):
    assert [(e[1], e[2], e[3]) for e in events(text, "es")] == [expected]


@pytest.mark.parametrize("text, language, expected", [
    ("En Rumanía hay unos 4.000 soldados estadounidenses, mientras que Francia tiene allí unos 1.000 militares.", "es",
     [("USA", "ROU", 4000), ("FRA", "ROU", 1000)]),
    ("Unos 2.000 militares chinos están destinados en la base de Yibuti.", "es", [("CHN", "DJI", 2000)]),
    ("Quelque 2 000 militaires chinois sont stationnés sur la base de Djibouti.", "fr", [("CHN", "DJI", 2000)]),
    ("Ucrania lanzó una ofensiva en Rusia con 1.000 soldados.", "es", [("UKR", "RUS", 1000)]),
    ("In Lettland stellt Kanada rund 1.000 Soldaten.", "de", [("CAN", "LVA", 1000)]),
])
def test_places_told_by_there_and_by_a_base_and_senders_by_what_they_do(text, language, expected):
    assert [(e[2], e[3], e[5]) for e in events(text, language) if e[0] == "troops"] == expected


def test_a_plot_to_send_troops_is_no_deployment():
    assert events("Moldova's president accused Moscow of plotting to send troops into Transnistria.", "en") == []


def test_the_country_of_a_place_reference_is_the_last_place_told_not_the_last_party():
    text = ("Im April trafen russische Militärausbilder in Niamey ein. "
            "Die USA schlossen am 5. August den Abzug ihrer rund 1.000 Soldaten aus dem Land ab.")
    assert [(e[1], e[2], e[3], e[5]) for e in events(text, "de", datetime(2024, 8, 31, 10))] == [
        ("deployment", "RUS", "NER", None), ("withdrawal", "USA", "NER", 1000)]


def test_troops_at_that_time_take_the_date_of_the_sentence_before():
    text = ("Der Tschad kündigte am 28. November das Verteidigungsabkommen mit Frankreich. "
            "Zu diesem Zeitpunkt waren rund 1.000 französische Soldaten im Tschad stationiert.")
    found = [e for e in events(text, "de", datetime(2024, 12, 27, 10)) if e[0] == "troops"]
    assert [(e[2], e[3], e[4], e[5]) for e in found] == [("FRA", "TCD", "2024-11-28", 1000)]


@pytest.mark.parametrize("text, language, expected", [
    ("Washington mantiene además unos 2.500 militares en el vecino Irak.", "es", ("USA", "IRQ", 2500)),
    ("Die Bundeswehr hat 500 Soldaten im benachbarten Litauen stationiert.", "de", ("DEU", "LTU", 500)),
    ("La Russie conserve des effectifs à Hmeimim et à Tartous.", "fr", ("RUS", "SYR", None)),
    ("En los ejercicios participan unos 9.000 militares estadounidenses en Filipinas.", "es", ("USA", "PHL", 9000)),
])
def test_neighbouring_countries_bases_and_exercises_place_troops(text, language, expected):
    assert [(e[2], e[3], e[5]) for e in events(text, language) if e[0] == "troops"] == [expected]


@pytest.mark.parametrize("text, language, expected", [
    ("Israeli troops entered southern Lebanon on October 1, 2024.", "en", ("ISR", "LBN", "2024-10-01")),
    ("Les troupes israéliennes sont entrées au Liban le 1er octobre 2024.", "fr", ("ISR", "LBN", "2024-10-01")),
    ("Las tropas israelíes entraron en el sur del Líbano el 1 de octubre de 2024.", "es", ("ISR", "LBN", "2024-10-01")),
    ("Israelische Truppen rückten am 1. Oktober 2024 in den Südlibanon ein.", "de", ("ISR", "LBN", "2024-10-01")),
    ("Las tropas rusas abandonaron el norte de Ucrania en abril de 2022.", "es", ("RUS", "UKR", "2022-04")),
])
def test_troops_entering_or_leaving_part_of_a_country_are_in_that_country(text, language, expected):
    assert [(e[2], e[3], e[4]) for e in events(text, language, datetime(2024, 10, 3, 9, 0))] == [expected]


@pytest.mark.parametrize("text, language", [
    ("Los últimos militares de la operación Barkhane cruzaron de Malí a Níger el 15 de agosto de 2022.", "es"),
    ("Les derniers soldats de l'opération Barkhane ont quitté le Mali le 15 août 2022.", "fr"),
    ("Die letzten Soldaten der Operation Barkhane verließen Mali am 15. August 2022.", "de"),
])
def test_a_force_named_for_its_operation_leaves_the_country_it_crosses_from(text, language):
    assert events(text, language, datetime(2023, 12, 23, 9, 0)) == [
        ("troops", "withdrawal", "FRA", "MLI", "2022-08-15", None, [])]


def test_a_new_clause_after_and_in_tells_its_own_withdrawal_with_its_apposed_count():
    text = ("Los últimos militares de la operación Barkhane cruzaron de Malí a Níger el 15 de agosto de 2022, y en "
            "Burkina Faso la fuerza especial francesa Sabre, unos 400 hombres, dio por concluidas sus operaciones el "
            "18 de febrero de 2023.")
    assert events(text, "es", datetime(2023, 12, 23, 9, 0)) == [
        ("troops", "withdrawal", "FRA", "MLI", "2022-08-15", None, []),
        ("troops", "withdrawal", "FRA", "BFA", "2023-02-18", 400, [])]

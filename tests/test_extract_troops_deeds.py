"""Troop reports: the deed told by its verb or noun (withdrawals, handovers, missions ended,
announced deployments), its subject as the sender, and the words around its count and its source."""
from datetime import datetime

import pytest

from tests.test_extract_rules import events

WEDNESDAY = datetime(2024, 11, 6, 9, 0)


def troops(text, language):
    return [e for e in events(text, language, WEDNESDAY) if e[0] == "troops"]


@pytest.mark.parametrize("text, language", [
    ("Washington zieht rund 1.000 Soldaten aus Niger ab.", "de"),
    ("Washington retira 1.000 soldados de Níger.", "es"),
    ("The US is withdrawing 1,000 troops from Niger.", "en"),
    ("Washington retire 1 000 soldats du Niger.", "fr"),
])
def test_who_withdraws_counted_troops_sends_them(text, language):
    assert troops(text, language) == [("troops", "withdrawal", "USA", "NER", None, 1000, [])]


@pytest.mark.parametrize("text, language", [
    ("Britain announced the deployment of 900 troops to Estonia.", "en"),
    ("Londres a annoncé l'envoi de 900 soldats en Estonie.", "fr"),
    ("El Gobierno británico anunció el envío de 900 soldados a Estonia.", "es"),
    ("Großbritannien kündigte die Entsendung von 900 Soldaten nach Estland an.", "de"),
])
def test_who_announces_a_deployment_sends_the_troops(text, language):
    assert [(e[2], e[3], e[5]) for e in troops(text, language)] == [("GBR", "EST", 900)]


def test_a_source_named_by_according_to_sends_no_one():
    assert troops("According to Seoul, the deployment of 10,000 troops to Russia began in October.", "en") == []


@pytest.mark.parametrize("text", ["España envía 900 soldados a Letonia.", "Londres envía 900 soldados a Letonia."])
def test_spanish_present_tense_sends(text):
    assert [(e[1], e[3], e[5]) for e in troops(text, "es")] == [("deployment", "LVA", 900)]


@pytest.mark.parametrize("text, language", [
    ("Die französische Armee hat ihren Stützpunkt in N'Djamena an die tschadischen Streitkräfte übergeben.", "de"),
    ("El ejército francés entregó la base de Yamena a las fuerzas chadianas.", "es"),
    ("L'armée française a rétrocédé sa base de N'Djamena à l'armée tchadienne.", "fr"),
])
def test_a_base_handed_to_the_host_army_is_a_withdrawal(text, language):
    assert troops(text, language) == [("troops", "withdrawal", "FRA", "TCD", None, None, [])]


@pytest.mark.parametrize("text, language", [
    ("Die Bundeswehr hat ihren Einsatz in Mali im Dezember beendet.", "de"),
    ("The Bundeswehr completed its withdrawal from Mali in December.", "en"),
    ("La Bundeswehr completó su retirada de Malí en diciembre.", "es"),
    ("La Bundeswehr a achevé son retrait du Mali en décembre.", "fr"),
])
def test_the_bundeswehr_is_germany_and_a_mission_ended_a_withdrawal(text, language):
    assert troops(text, language) == [("troops", "withdrawal", "DEU", "MLI", "2023-12", None, [])]


@pytest.mark.parametrize("text, language", [
    ("La retirada de los 1.000 militares estadounidenses de Níger concluyó en agosto.", "es"),
    ("Le retrait des 1 000 soldats américains du Niger s'est achevé en août.", "fr"),
    ("Mehr als 1.000 US-Soldaten verließen im August den Niger.", "de"),
    ("More than 1,000 US troops returned from Niger in August.", "en"),
])
def test_the_country_left_after_an_adjective_or_a_date(text, language):
    assert [(e[1], e[2], e[3], e[4], e[5]) for e in troops(text, language)] == [
        ("withdrawal", "USA", "NER", "2024-08", 1000)]


def test_killed_in_fighting_told_after_a_claim_is_a_loss():
    text = ("Der ukrainische Geheimdienst meldete am Montag, bei Kämpfen in Kursk seien etwa 200 "
            "nordkoreanische Soldaten getötet worden.")
    assert troops(text, "de") == [("troops", "casualties", "PRK", "RUS", "2024-11-04", 200, ["UKR"])]


@pytest.mark.parametrize("text", [
    "North Korea has sent around 10,000 troops to Russia, South Korea's spy agency said.",
    "North Korea has sent around 10,000 troops to Russia, Seoul's spy agency said.",
])
def test_the_source_a_few_words_from_its_verb(text):
    assert [e[6] for e in troops(text, "en")] == [["KOR"]]


@pytest.mark.parametrize("text, language", [
    ("Une centaine d'instructeurs militaires russes sont arrivés au Niger en avril.", "fr"),
    ("Un centenar de militares rusos llegaron a Níger en abril.", "es"),
])
def test_about_a_hundred_counts_a_hundred(text, language):
    assert [(e[2], e[3], e[5]) for e in troops(text, language)] == [("RUS", "NER", 100)]


def test_jordan_is_a_country_but_not_in_a_name():
    assert troops("Three US service members were killed in a drone attack on a base in Jordan.", "en") == [
        ("troops", "casualties", "USA", "JOR", None, 3, [])]
    assert troops("Jordan Bardella said French soldiers were in Romania.", "en") == [
        ("troops", "deployment", "FRA", "ROU", None, None, [])]


@pytest.mark.parametrize("text, language, source", [
    ("Die letzten französischen Soldaten haben Niger im Dezember verlassen, teilte der Generalstab in Paris mit.",
     "de", "FRA"),
    ("Bei einem Anschlag im Nordirak sind am Donnerstag drei türkische Soldaten getötet worden, teilte das "
     "Verteidigungsministerium in Ankara mit.", "de", "TUR"),
    ("Los últimos soldados franceses abandonaron Níger en diciembre, informó el Estado Mayor en París.", "es", "FRA"),
])
def test_the_capital_where_the_speaking_body_sits_is_the_source(text, language, source):
    assert [e[6] for e in troops(text, language)] == [[source]]


def test_a_speaker_travelling_to_a_capital_is_not_its_country():
    text = "French soldiers left Niger in December, the minister said in Kyiv."
    assert [e[6] for e in troops(text, "en")] == [[]]


def test_a_source_before_zufolge_is_inside_the_phrase():
    text = "Die Türkei unterhält Schätzungen zufolge mehrere Tausend Soldaten im Norden Syriens."
    assert troops(text, "de") == [("troops", "deployment", "TUR", "SYR", None, 1000, [])]


@pytest.mark.parametrize("text, expected", [
    ("Zwei nordkoreanische Soldaten sind am Samstag in der Region Kursk in ukrainische Gefangenschaft geraten.",
     ("casualties", "PRK", "RUS", "2024-11-02", 2, [])),
    ("Die letzten Bundeswehrsoldaten haben Mali im Dezember verlassen.",
     ("withdrawal", "DEU", "MLI", "2023-12", None, [])),
    ("Frankreich zieht derzeit mehrere Hundert Soldaten aus dem Tschad ab.",
     ("withdrawal", "FRA", "TCD", "2024-11", 100, [])),
    ("Im August 2022 verließen die letzten französischen Soldaten der Operation Barkhane Mali.",
     ("withdrawal", "FRA", "MLI", "2022-08", None, [])),
    ("Washington hatte im Juni 2022 rund 4.700 Soldaten der 101. Luftlandedivision nach Rumänien verlegt.",
     ("deployment", "USA", "ROU", "2022-06", 4700, [])),
    ("Im Südlibanon sind am Dienstag vier israelische Soldaten gefallen.",
     ("casualties", "ISR", "LBN", "2024-11-05", 4, [])),
])
def test_german_word_order_compounds_and_ordinals(text, expected):
    assert [e[1:] for e in troops(text, "de")] == [expected]


@pytest.mark.parametrize("text, language", [
    ("Estados Unidos retiró en julio a unos 600 soldados de la base aérea de Niamey y los trasladó a Alemania.", "es"),
    ("The US withdrew 600 soldiers from the air base in Niamey in July and moved them to Germany.", "en"),
])
def test_the_base_left_names_the_country_left_not_where_the_troops_went(text, language):
    assert events(text, language, WEDNESDAY) == [("troops", "withdrawal", "USA", "NER", "2024-07", 600, [])]


@pytest.mark.parametrize("text, language", [
    ("Unos 650 cascos azules españoles permanecen en el sur del Líbano.", "es"),
    ("Quelque 650 casques bleus espagnols restent déployés au Liban.", "fr"),
    ("Some 650 Spanish peacekeepers remain in Lebanon.", "en"),
])
def test_peacekeepers_are_their_countrys_troops(text, language):
    assert [(e[2], e[3], e[5]) for e in troops(text, language)] == [("ESP", "LBN", 650)]


def test_an_army_that_only_receives_the_base_leaves_the_date_to_the_deed():
    text = "French forces handed over the base in N'Djamena to the Chadian army on Thursday."
    assert events(text, "en", datetime(2025, 1, 31, 9, 0)) == [
        ("troops", "withdrawal", "FRA", "TCD", "2025-01-30", None, [])]


def test_losses_far_into_a_story_of_one_deployment_are_in_its_country():
    text = ("Nach gut zehn Jahren kehrt die Bundeswehr Mali endgültig den Rücken. "
            "Der Einsatz war lang. Er galt als gefährlich. Die Lage blieb schwierig. Viele zweifelten. "
            "Die Kosten stiegen. Die Ziele änderten sich. Die Bilanz bleibt offen. Die Debatte geht weiter. "
            "Bei einem Selbstmordanschlag im Jahr 2021 wurden zwölf deutsche Soldaten verwundet.")
    assert events(text, "de", datetime(2023, 12, 15, 9, 0))[-1] == (
        "troops", "casualties", "DEU", "MLI", "2021", 12, [])


def test_a_pronoun_that_makes_a_claim_is_the_person_named_before():
    text = ("Trump empfing Merz im Weißen Haus. "
            "Er bezifferte die Zahl der in Deutschland stationierten US-Soldaten auf 45.000.")
    assert [e for e in events(text, "de", datetime(2025, 6, 6, 9, 0)) if e[0] == "troops"] == [
        ("troops", "deployment", "USA", "DEU", None, 45000, ["USA"])]


@pytest.mark.parametrize("text, language", [
    ("Auf die Frage, ob die amerikanischen Truppen in Deutschland bleiben, antwortete Trump mit Ja.", "de"),
    ("Asked whether American troops would stay in Germany, Trump said yes.", "en"),
])
def test_an_indirect_question_tells_no_deployment(text, language):
    assert troops(text, language) == []


def test_the_first_hundred_of_them_are_already_in_the_country():
    text = ("Washington envió 1.000 soldados a Rumanía. El ministro de Defensa rumano informó de que los "
            "primeros cien de ellos ya estaban en el país.")
    assert events(text, "es", datetime(2022, 2, 12, 9, 0)) == [
        ("troops", "deployment", "USA", "ROU", "2022-02", 1000, []),  # the news the text opens with
        ("troops", "deployment", "USA", "ROU", None, 100, ["ROU"])]


FILLER = "Die Lage blieb angespannt. Beobachter zeigten sich besorgt. Die Gespräche gingen weiter. "


def test_counted_troops_far_into_a_story_of_one_deployment_are_that_deployment():
    text = ("Nordkoreanische Soldaten sind in Russland eingetroffen. " + FILLER * 2
            + "Rund 1.500 Angehörige der Spezialkräfte wurden im Oktober nach Wladiwostok gebracht.")
    assert events(text, "de", WEDNESDAY)[-1] == ("troops", "deployment", "PRK", "RUS", "2024-10", 1500, [])


def test_peacekeepers_named_with_no_country_belong_to_no_story():
    text = ("Die Bundeswehr hat Mali verlassen. Die Militärregierung in Bamako hatte im Juni verlangt, dass "
            "alle rund 12.000 Blauhelme das Land rasch verlassen.")
    assert [e[5] for e in troops(text, "de")] == [None]


def test_a_claim_told_with_a_past_auxiliary_names_its_source():
    text = "El ejército nigerino había informado de que 1.346 militares franceses habían sido trasladados fuera del país."
    assert troops(text, "es") == [("troops", "withdrawal", "FRA", "NER", None, 1346, ["NER"])]


@pytest.mark.parametrize("text, language, expected", [
    ("In Japan sind etwa 54.000 US-Soldaten stationiert, in Südkorea rund 28.500.", "de",
     [("USA", "JPN", 54000), ("USA", "KOR", 28500)]),
    ("Die Vereinigten Staaten haben rund 2.500 Soldaten im Irak und etwa 900 in Syrien stationiert.", "de",
     [("USA", "IRQ", 2500), ("USA", "SYR", 900)]),
    ("The US has about 2,500 troops in Iraq and 900 in Syria.", "en", [("USA", "IRQ", 2500), ("USA", "SYR", 900)]),
    ("Estados Unidos mantiene unos 2.500 soldados en Irak y unos 900 en Siria.", "es",
     [("USA", "IRQ", 2500), ("USA", "SYR", 900)]),
])
def test_a_bare_count_beside_another_place_is_another_contingent(text, language, expected):
    assert [(e[2], e[3], e[5]) for e in troops(text, language)] == expected


def test_the_troops_own_count_after_their_place_is_no_second_contingent():
    text = "Er bezifferte die Zahl der stationierten US-Soldaten in Deutschland auf 45.000."
    assert [(e[2], e[3], e[5]) for e in troops(text, "de")] == [("USA", "DEU", 45000)]


@pytest.mark.parametrize("language, text, iso3", [
    ("es", "Tropas rusas llegaron a Siria.", "SYR"),
    ("es", "Soldados estadounidenses llegaron a China.", "CHN"),
    ("de", "Amerikanische Soldaten sind in Polen eingetroffen.", "POL"),
])
def test_a_name_that_is_also_a_capitalised_adjective_is_the_place(language, text, iso3):
    assert [e[3] for e in troops(text, language)] == [iso3]


# Found by blind sentence sets written by someone who had not seen the rules.
@pytest.mark.parametrize("text, language, expected", [
    ("Tuareg rebels said they killed 84 Russian fighters in northern Mali.", "en", ("casualties", "RUS", "MLI", 84)),
    ("Britain has roughly 900 troops in Estonia, where it leads the NATO battlegroup.", "en",
     ("deployment", "GBR", "EST", 900)),
    ("Around 600 North Korean soldiers have died fighting for Moscow.", "en", ("casualties", "PRK", "RUS", 600)),
    ("The last German soldiers flew out of Mali on Tuesday.", "en", ("withdrawal", "DEU", "MLI", None)),
    ("The French army handed its last base in Chad to local authorities, wrapping up the departure of 1,000 soldiers.",
     "en", ("withdrawal", "FRA", "TCD", 1000)),
    ("Pyongyang shipped 3,000 soldiers to Russia.", "en", ("deployment", "PRK", "RUS", 3000)),
    ("Moscow massed tens of thousands of troops in Belarus.", "en", ("deployment", "RUS", "BLR", 10000)),
    ("Burundi has deployed several thousand soldiers to eastern Congo.", "en", ("deployment", "BDI", "COD", 1000)),
    ("Three US soldiers were killed in a drone strike in northeastern Jordan.", "en", ("casualties", "USA", "JOR", 3)),
    ("Moscou a massé des dizaines de milliers de soldats au Bélarus.", "fr", ("deployment", "RUS", "BLR", 10000)),
    ("Les 350 soldats français stationnés à Dakar sont partis après la rétrocession des emprises.", "fr",
     ("withdrawal", "FRA", "SEN", 350)),
    ("Des soldats de la Corée du Nord sont arrivés en Russie.", "fr", ("deployment", "PRK", "RUS", None)),
    ("Deutschland zog im August 2024 seine letzten rund 60 Soldaten aus Niger ab.", "de",
     ("withdrawal", "DEU", "NER", 60)),
    ("Das Pentagon räumte ein, dass rund 2.000 amerikanische Soldaten in Syrien stationiert sind.", "de",
     ("deployment", "USA", "SYR", 2000)),
    ("Burundi hat Tausende Soldaten in den Osten der DR Kongo entsandt.", "de", ("deployment", "BDI", "COD", 1000)),
    ("Die ersten 200 kenianischen Polizisten sind in Haiti gelandet.", "de", ("deployment", "KEN", "HTI", 200)),
    ("Un ataque contra la base de Ain al Asad, en Irak, dejó cuatro militares estadounidenses heridos.", "es",
     ("casualties", "USA", "IRQ", 4)),
    ("Mercenarios rusos se instalaron en Malí.", "es", ("deployment", "RUS", "MLI", None)),
    ("Zwei türkische Soldaten wurden bei einem Angriff im Nordirak getötet.", "de", ("casualties", "TUR", "IRQ", 2)),
    ("Three US soldiers were killed in a drone attack in Jordan.", "en", ("casualties", "USA", "JOR", 3)),
    ("Fourteen South African soldiers have been killed in eastern Congo.", "en", ("casualties", "ZAF", "COD", 14)),
    ("L'armée israélienne a annoncé la mort de huit de ses soldats dans le sud du Liban.", "fr",
     ("casualties", "ISR", "LBN", 8)),
    ("Israel anunció la muerte de dos de sus soldados en el sur del Líbano.", "es", ("casualties", "ISR", "LBN", 2)),
    ("Au Mozambique, des soldats rwandais ont affronté mardi des insurgés.", "fr", ("combat", "RWA", "MOZ", None)),
    ("Turkish troops shelled Kurdish positions in northern Syria.", "en", ("combat", "TUR", "SYR", None)),
    ("Francia ha retirado cientos de soldados de Gabón.", "es", ("withdrawal", "FRA", "GAB", 100)),
    ("Between 1,500 and 2,000 Russian troops remain stationed in Transnistria.", "en", ("deployment", "RUS", "MDA", 1500)),
    ("Le Sénégal a récupéré les emprises françaises à Dakar, mettant fin à la présence de l'armée française.", "fr",
     ("withdrawal", "FRA", "SEN", None)),
    ("Rund 2.500 US-Marines sind im nordaustralischen Darwin eingetroffen.", "de", ("deployment", "USA", "AUS", 2500)),
])
def test_deeds_places_and_nouns_of_wire_copy(text, language, expected):
    assert [(e[1], e[2], e[3], e[5]) for e in troops(text, language)] == [expected]


@pytest.mark.parametrize("text, language", [
    ("The Kremlin dismissed as fake news reports that North Korean soldiers were fighting in Ukraine.", "en"),
    ("Analysts said it was unlikely that Beijing would ever send soldiers to fight for Russia.", "en"),
    ("Ob Nordkorea weitere Truppen nach Russland schicken wird, ist noch offen.", "de"),
    ("Peskov calificó de «noticias falsas» los informes sobre soldados norcoreanos en Rusia.", "es"),
    ("La Russie a déployé des instructeurs au Burkina Faso, selon des sources non confirmées.", "fr"),
    ("Quelque 3 000 soldats américains seront déployés en Pologne l'an prochain.", "fr"),
    ("Unos 3.000 soldados estadounidenses serán desplegados en Polonia.", "es"),
    ("Ottawa would be prepared to send up to 1,200 soldiers to Latvia.", "en"),
    ("Paris serait prêt à envoyer des troupes en Ukraine.", "fr"),
])
def test_dismissals_doubts_futures_and_unconfirmed_reports_tell_nothing(text, language):
    assert troops(text, language) == []


def test_readiness_for_something_else_leaves_the_background_told():
    text = "Il s'est dit prêt à élargir la coopération sur la base des accords conclus lors de son sommet avec Vladimir Poutine à Pyongyang, en juin."
    assert ("meeting", "summit", "RUS", "PRK", "2024-06") in [e[:5] for e in events(text, "fr")]


@pytest.mark.parametrize("text, language, expected", [
    ("Derzeit seien rund 10.000 US-Soldaten in Polen stationiert, sagte er.", "de", ("USA", "POL", "2024-11", 10000)),
    ("About 900 US troops are currently in Syria.", "en", ("USA", "SYR", "2024-11", 900)),
    ("Die Bundeswehr hatte 2016 erstmals Soldaten nach Niamey verlegt.", "de", ("DEU", "NER", "2016", None)),
    ("Im April trafen russische Militärausbilder in Niamey ein.", "de", ("RUS", "NER", "2024-04", None)),
])
def test_troops_told_as_a_state_now_or_in_a_year_after_the_verb_are_dated(text, language, expected):
    assert [(e[2], e[3], e[4], e[5]) for e in events(text, language, WEDNESDAY)] == [expected]


def test_a_count_of_2000_soldiers_is_no_year():
    assert [e[4] for e in troops("Russland hat 2000 Soldaten nach Mali verlegt.", "de")] == [None]


@pytest.mark.parametrize("text, language, expected", [
    ("Francia devolvió el jueves a Costa de Marfil la base militar de Port-Bouët.", "es", ("FRA", "CIV")),
    ("Francia entregó a Senegal sus dos últimas instalaciones militares en el país.", "es", ("FRA", "SEN")),
    ("La France a rétrocédé au Sénégal ses dernières emprises militaires.", "fr", ("FRA", "SEN")),
    ("France handed over the Port-Bouet base to Ivory Coast on Thursday.", "en", ("FRA", "CIV")),
    ("Frankreich hat seinen letzten Militärstützpunkt im Tschad an die Behörden übergeben.", "de", ("FRA", "TCD")),
])
def test_a_base_handed_over_is_a_withdrawal_with_no_troops_named(text, language, expected):
    assert [(e[1], e[2], e[3]) for e in troops(text, language)] == [("withdrawal", *expected)]


def test_the_area_is_the_country_just_told():
    text = "Azerbaiyán recuperó Karabaj. Rusia desplegó en noviembre de 2020 unos 2.000 militares en la zona."
    assert [(e[2], e[3], e[5]) for e in troops(text, "es")] == [("RUS", "AZE", 2000)]


@pytest.mark.parametrize("text, language", [
    ("In Kursk sind bereits mehr als 3.000 nordkoreanische Soldaten getötet worden.", "de"),
    ("More than 3,000 North Korean soldiers have already been killed in Kursk.", "en"),
])
def test_a_toll_so_far_is_dated_in_the_month_of_writing(text, language):
    assert [(e[1], e[4], e[5]) for e in troops(text, language)] == [("casualties", "2024-11", 3000)]


@pytest.mark.parametrize("text, language, day", [
    ("le début de l'invasion russe de l'Ukraine, le 24 février 2022.", "fr", "2022-02-24"),
    ("Since the Russian invasion of Ukraine in February 2022, prices rose.", "en", "2022-02"),
    ("desde el inicio de la invasión rusa de Ucrania, en febrero de 2022", "es", "2022-02"),
    ("seit dem russischen Einmarsch in die Ukraine im Februar 2022", "de", "2022-02"),
])
def test_a_dated_invasion_told_as_a_noun_is_combat(text, language, day):
    assert troops(text, language) == [("troops", "combat", "RUS", "UKR", day, None, [])]


@pytest.mark.parametrize("text", [
    "his first trip to Russia since the Russian invasion of Ukraine",  # undated: a period, not an event
    "La Casa Blanca advirtió de que la invasión rusa de Ucrania podría empezar en cualquier momento.",
])
def test_an_undated_or_forecast_invasion_is_no_event(text):
    language = "es" if "Casa" in text else "en"
    assert troops(text, language) == []

"""Who takes part in an event: short names, groups, hosts and guests, the partner a meeting names,
accessions, lists with their own dates, and the countries that are only places or topics."""
from datetime import datetime

import pytest

from tests.test_extract_rules import events

PUBLISHED = datetime(2025, 8, 24, 9, 0)  # a Sunday


def test_a_surname_alone_is_the_person_named_in_full_earlier():
    text = ("South Korean President Lee Jae-myung arrived in Tokyo on Saturday. "
            "Lee and Ishiba first met in person in June, on the sidelines of the Group of Seven summit in Canada.")
    found = events(text, "en", PUBLISHED)
    assert ("meeting", "talks", "KOR", "JPN", "2025-06", None, []) in found
    assert not [e for e in found if "CAN" in e[2:4]]  # where the G7 met, not who met


def test_a_surname_before_a_generational_suffix_is_the_person():
    text = ("Biden welcomed Philippine President Ferdinand Marcos Jr to the White House on Thursday. "
            "Beijing protested. Marcos made his first White House visit as president in May last year.")
    found = events(text, "en", datetime(2024, 4, 12, 9, 0))
    assert ("meeting", "visit", "PHL", "USA", "2023-05", None, []) in found
    assert not [e for e in found if "CHN" in e[2:4]]  # the last country named is no partner here


def test_a_surname_shared_by_two_countries_people_is_not_used():
    text = ("Kim Jong Un inspected a missile launch on Friday, as South Korean Prime Minister Kim Boo-kyum "
            "visited Tokyo. Kim later flew to Beijing.")
    found = events(text, "en", datetime(2022, 1, 10, 9, 0))
    # "Kim" alone could be either man, so the second sentence lends Beijing no partner.
    assert not [e for e in found if "CHN" in e[2:4]]


def test_each_guest_meets_the_host_on_their_own_day():
    text = ("Trump hosted French President Emmanuel Macron on Monday and British Prime Minister Keir Starmer "
            "on Thursday, both of whom urged him not to abandon Kyiv.")
    assert events(text, "en", datetime(2025, 3, 1, 9, 0)) == [
        ("meeting", "visit", "FRA", "USA", "2025-02-24", None, []),
        ("meeting", "visit", "GBR", "USA", "2025-02-27", None, []),
    ]


def test_the_two_leaders_met_where_not_with_whom():
    text = ("Xi Jinping est arrivé lundi à Moscou pour rencontrer Vladimir Poutine. "
            "Les deux dirigeants s'étaient vus pour la dernière fois en septembre 2022 à Samarcande, en "
            "Ouzbékistan, en marge d'un sommet de l'Organisation de coopération de Shanghai.")
    found = events(text, "fr", datetime(2023, 3, 21, 9, 0))
    assert ("meeting", "talks", "CHN", "RUS", "2022-09", None, []) in [e[:2] + tuple(sorted(e[2:4])) + e[4:] for e in found]
    assert not [e for e in found if "UZB" in e[2:4]]  # the host city's country is where, not who
    assert len([e for e in found if e[0] == "meeting"]) == 2  # Shanghai inside the forum's name is no party


def test_who_says_after_the_event_takes_no_part_in_it():
    text = ("Russia and North Korea signed the treaty in June. The treaty took effect on Wednesday as Seoul, "
            "Washington and Kyiv say more than 10,000 North Korean soldiers have been sent to Russia.")
    treaties = [e for e in events(text, "en", datetime(2024, 12, 5, 9, 0)) if e[0] == "treaty"]
    assert {(e[1], "-".join(sorted(e[2:4]))) for e in treaties} == {("signed", "PRK-RUS"), ("in_force", "PRK-RUS")}


def test_the_two_leaders_before_any_event_are_the_last_two_countries_named():
    text = ("South Korean President Lee Jae-myung and Japanese Prime Minister Shigeru Ishiba promised on "
            "Saturday to keep relations stable. The two leaders talked for nearly two hours at Ishiba's "
            "official residence in Tokyo.")
    found = events(text, "en", PUBLISHED)
    assert [(e[0], e[1], *sorted(e[2:4]), e[4]) for e in found] == [("meeting", "talks", "JPN", "KOR", "2025-08-23")]


@pytest.mark.parametrize("name", ["Turkey", "Türkiye", "Turkiye"])
def test_turkey_by_each_of_its_names_is_a_party(name):
    found = events(f"{name}, Sweden and Finland signed a memorandum in Madrid on Tuesday.", "en",
                   datetime(2022, 6, 30, 9, 0))
    assert sorted(tuple(sorted(e[2:4])) for e in found) == [("FIN", "SWE"), ("FIN", "TUR"), ("SWE", "TUR")]


def test_a_turkey_on_the_table_is_no_country():
    assert events("Biden pardoned a turkey and met Macron on Tuesday.", "en", datetime(2022, 11, 24, 9, 0)) == [
        ("meeting", "talks", "USA", "FRA", "2022-11-22", None, [])]


def test_each_partner_signed_with_the_subject_on_its_own_date():
    text = "Tokyo has signed similar accords with Australia, in January 2022, and with Britain, in January 2023."
    assert events(text, "en", datetime(2024, 7, 9, 9, 0)) == [
        ("treaty", "signed", "JPN", "AUS", "2022-01", None, []),
        ("treaty", "signed", "JPN", "GBR", "2023-01", None, []),
    ]


@pytest.mark.parametrize("text, language, published, expected", [
    ("Hungary and Turkey ratified Finland's accession protocol in March.", "en", datetime(2023, 4, 5, 9, 0),
     [("HUN", "FIN"), ("TUR", "FIN")]),
    ("Finland joined in April 2023 after the parliaments of Hungary and Turkey ratified its accession in late March.",
     "en", datetime(2024, 3, 8, 9, 0), [("HUN", "FIN"), ("TUR", "FIN")]),
    ("Finlandia entró en la Alianza en abril de 2023, después de que los parlamentos de Hungría y de Turquía "
     "ratificaran su ingreso a finales de marzo.", "es", datetime(2024, 3, 8, 9, 0), [("HUN", "FIN"), ("TUR", "FIN")]),
    ("Le Parlement turc a ratifié jeudi l'adhésion de la Finlande à l'Otan.", "fr", datetime(2023, 4, 1, 9, 0),
     [("TUR", "FIN")]),
    ("Das ungarische Parlament hat am Montag den Nato-Beitritt Schwedens ratifiziert.", "de",
     datetime(2024, 2, 27, 9, 0), [("HUN", "SWE")]),
])
def test_ratifying_an_accession_pairs_each_ratifier_with_the_joining_country(text, language, published, expected):
    assert [(e[2], e[3]) for e in events(text, language, published) if e[1] == "ratified"] == expected


@pytest.mark.parametrize("text, language", [
    ("En juin 2022, les deux pays nordiques avaient signé avec la Turquie un mémorandum.", "fr"),
    ("En junio de 2022, en la cumbre aliada de Madrid, Turquía firmó con ambos países nórdicos un memorando.", "es"),
])
def test_a_named_group_of_countries_is_each_of_its_members(text, language):
    found = events(text, language, datetime(2023, 4, 5, 9, 0))
    assert sorted(tuple(sorted(e[2:4])) for e in found if e[0] == "treaty") == [
        ("FIN", "SWE"), ("FIN", "TUR"), ("SWE", "TUR")]
    assert {e[4] for e in found} == {"2022-06"}


@pytest.mark.parametrize("text, language, expected", [
    ("Mehr als 10.000 nordkoreanische Soldaten kämpfen in der Region Kursk.", "de", ("troops", "PRK", "RUS")),
    ("Das ungarische Parlament stimmte am Montag dem Nato-Beitritt Schwedens zu.", "de", ("treaty", "HUN", "SWE")),
    ("Ties were patched up at talks between US and Ukrainian delegations in Jeddah, Saudi Arabia, in March.", "en",
     ("meeting", "USA", "UKR")),
])
def test_places_and_parties(text, language, expected):
    # Kursk and Jeddah are where; Saudi Arabia after "Jeddah," is the country of the place, not a party.
    assert [(e[0], e[2], e[3]) for e in events(text, language, datetime(2024, 11, 20, 9, 0))] == [expected]


def test_and_before_a_new_subject_with_a_meeting_on_each_side_opens_a_clause():
    text = ("Secretary of State Antony Blinken was in Manila in March, and Biden pressed Chinese President Xi Jinping "
            "about Beijing's conduct in a telephone call on April 2.")
    assert events(text, "en", datetime(2024, 4, 12, 9, 0)) == [
        ("meeting", "visit", "USA", "PHL", "2024-03", None, []),
        ("meeting", "call", "USA", "CHN", "2024-04-02", None, []),
    ]


def test_a_list_of_countries_joined_by_and_stays_one_clause():
    text = "Japan, South Korea, and the United States held talks in Washington on Monday."
    assert sorted(tuple(sorted(e[2:4])) for e in events(text, "en", datetime(2024, 4, 12, 9, 0))) == [
        ("JPN", "KOR"), ("JPN", "USA"), ("KOR", "USA")]


def test_a_treaty_of_three_told_again_with_one_place_keeps_its_three_parties():
    text = ("Australia, Britain and the United States have signed an agreement on nuclear material, the three "
            "governments said on Thursday. The agreement was signed in Washington on Monday.")
    found = events(text, "en", datetime(2024, 8, 8, 9, 0))
    assert sorted((e[2], e[3]) for e in found if e[4] == "2024-08-05") == [
        ("AUS", "GBR"), ("AUS", "USA"), ("GBR", "USA")]


def test_one_visitor_and_several_places_visits_the_place_right_after_the_trigger():
    text = ("En février de l'an dernier, M. Poutine s'était rendu à Pékin pour l'ouverture des Jeux olympiques "
            "d'hiver, peu avant le début de la guerre en Ukraine.")
    assert events(text, "fr", datetime(2023, 3, 22, 9, 0)) == [("meeting", "visit", "RUS", "CHN", "2022-02", None, [])]


@pytest.mark.parametrize("text, language, expected", [
    ("Der chinesische Staatschef Xi Jinping hat Russlands Präsidenten Wladimir Putin in Peking empfangen.", "de",
     ("RUS", "CHN")),
    ("Kremlchef Wladimir Putin wurde am Mittwoch von Machthaber Kim Jong Un empfangen.", "de", ("RUS", "PRK")),
    ("Kishida was received by Biden at the White House on Wednesday.", "en", ("JPN", "USA")),
    ("Chinas Außenminister Wang Yi kam am Dienstag in Moskau mit seinem russischen Kollegen Sergej Lawrow zusammen.",
     "de", ("CHN", "RUS")),
])
def test_the_host_is_the_subject_of_the_host_verb_or_the_agent_of_its_passive(text, language, expected):
    assert [(e[2], e[3]) for e in events(text, language, datetime(2024, 6, 20, 9, 0))] == [expected]


@pytest.mark.parametrize("text, language", [
    ("Latin American leaders met in Brasilia, the Washington Post said.", "en"),
    ("Xi a assisté au défilé marquant la victoire sur l'Allemagne nazie.", "fr"),
])
def test_a_longer_phrase_around_a_country_word_is_not_that_country(text, language):
    from etl.gazetteer import gazetteer
    assert "USA" not in {c.iso3 for c in gazetteer(language).find(text)}
    assert "DEU" not in {c.iso3 for c in gazetteer(language).find(text)}


def test_their_governments_stand_for_the_pair_and_a_series_of_agreements_is_a_treaty():
    text = ("Xi Jinping y Vladímir Putin se reunieron el martes en Moscú. Según el Kremlin, sus gobiernos "
            "suscribieron además una serie de acuerdos intergubernamentales.")
    assert [e[:5] for e in events(text, "es", datetime(2023, 3, 22, 9, 0))] == [
        ("meeting", "talks", "CHN", "RUS", "2023-03-21"), ("treaty", "signed", "CHN", "RUS", "2023-03-21")]
    assert [e[0] for e in events("De acuerdo con Seúl, Corea del Norte envió tropas a Rusia.", "es",
                                 datetime(2024, 11, 1, 9, 0))] == ["troops"]


@pytest.mark.parametrize("text, language, expected", [
    ("Der Bundestag hatte dem Beitritt Finnlands und Schwedens bereits im Juli 2022 zugestimmt.", "de",
     [("DEU", "FIN"), ("DEU", "SWE")]),
    ("Le Parlement français a ratifié l'adhésion de la Finlande et de la Suède en juillet 2022.", "fr",
     [("FRA", "FIN"), ("FRA", "SWE")]),
    ("Schweden ist am Donnerstag der Nato beigetreten, nachdem Ungarn als letztes Land den Beitritt ratifiziert hatte.",
     "de", [("HUN", "SWE")]),
])
def test_each_joining_country_pairs_with_the_ratifier(text, language, expected):
    assert [(e[2], e[3]) for e in events(text, language, datetime(2024, 12, 5, 9, 0))] == expected


def test_the_north_is_north_korea_once_the_article_has_named_it():
    text = ("Kim Jong Un a reçu Lavrov à Pyongyang. Les renseignements sud-coréens estiment que le Nord a dépêché "
            "plus de 10 000 hommes en Russie à l'automne dernier.")
    found = events(text, "fr", datetime(2025, 1, 14, 9, 0))
    assert [(e[2], e[3], e[4], e[5], e[6]) for e in found if e[0] == "troops"] == [("PRK", "RUS", "2024", 10000, ["KOR"])]
    assert events("Les troupes françaises sont arrivées dans le Nord lundi.", "fr", datetime(2025, 1, 14, 9, 0)) == []


@pytest.mark.parametrize("text, language, expected", [
    ("Mientras Xi estaba en Moscú, el primer ministro japonés, Fumio Kishida, llegó por sorpresa el martes a Kiev.",
     "es", [("JPN", "UKR")]),
    ("While Xi was in Moscow, Japanese Prime Minister Fumio Kishida made a surprise visit to Kyiv on Tuesday.",
     "en", [("CHN", "RUS"), ("JPN", "UKR")]),  # "Xi was in Moscow" is a visit of its own
])
def test_an_opening_subordinate_clause_lends_no_party_to_the_main_one(text, language, expected):
    assert [(e[2], e[3]) for e in events(text, language, datetime(2023, 3, 22, 9, 0))] == expected


@pytest.mark.parametrize("text, language, expected", [
    ("El presidente chino, Xi Jinping, aprovechó el viernes su reunión en Pekín con el jefe del Gobierno español, "
     "Pedro Sánchez, para criticar la ofensiva arancelaria de Donald Trump.", "es", [("ESP", "CHN")]),
    ("Pedro Sánchez, que realiza su tercer viaje a China en dos años, pidió que China y Estados Unidos dialoguen.",
     "es", [("ESP", "CHN")]),
])
def test_the_partner_a_meeting_names_leaves_the_other_countries_as_topics(text, language, expected):
    assert [(e[2], e[3]) for e in events(text, language, datetime(2025, 4, 12, 9, 0))] == expected


def test_a_host_meets_the_guest_named_after_the_host_verb_not_every_country_of_the_sentence():
    text = ("Le président chinois Xi Jinping a reçu jeudi soir au Palais du peuple, à Pékin, le dirigeant nord-coréen "
            "Kim Jong Un, au lendemain du défilé où il s'était affiché aux côtés de Vladimir Poutine.")
    assert events(text, "fr", datetime(2025, 9, 5, 9, 0)) == [("meeting", "visit", "PRK", "CHN", "2025-09-04", None, [])]


@pytest.mark.parametrize("text, language, expected", [
    ("Kyiv has been alarmed by Trump's overtures to Moscow. He spoke by telephone with Putin on February 12.",
     "en", [("meeting", "call", "USA", "RUS", "2025-02-12", None, [])]),
    ("Antes de llegar a Pekín, Pedro Sánchez pasó por Hanói, donde se reunió con el primer ministro vietnamita, "
     "Pham Minh Chinh. Sus anteriores viajes a China datan de marzo de 2023 y de septiembre de 2024.",
     "es", [("meeting", "visit", "ESP", "CHN", "2023-03", None, []), ("meeting", "visit", "ESP", "CHN", "2024-09", None, [])]),
])
def test_a_pronoun_subject_is_the_first_person_named_in_the_sentence_before(text, language, expected):
    found = events(text, language, datetime(2025, 4, 12, 9, 0))
    assert [e for e in found if e in expected] == expected, found
    assert not [e for e in found if {"VNM", "CHN"} == set(e[2:4])]  # not the person named last


def test_a_pronoun_with_no_person_before_names_no_one():
    found = events("Les relations se tendent. Il s'est rendu à Pékin en avril.", "fr", datetime(2025, 4, 12, 9, 0))
    assert found == []


def test_a_source_named_by_according_to_leaves_its_country_a_party():
    text = ("Vladimir Poutine et Kim Jong Un, arrivés dans la même voiture selon le Kremlin, "
            "ont tenu mercredi des pourparlers à Pékin.")
    assert ("meeting", "talks", "RUS", "PRK", "2025-09-03", None, []) in events(text, "fr", datetime(2025, 9, 5, 9, 0))


def test_a_country_after_a_place_it_does_not_know_is_where_not_who():
    text = ("Shigeru Ishiba told guests that he and South Korea's new president, Lee Jae-myung, had held a "
            "first meeting in Kananaskis, Canada, on the fringes of the Group of Seven summit on Tuesday.")
    found = events(text, "en", datetime(2025, 6, 20, 9, 0))
    assert [(e[0], e[2], e[3]) for e in found] == [("meeting", "JPN", "KOR")]


@pytest.mark.parametrize("text, language, visit", [
    ("Emmanuel Macron et Volodymyr Zelensky ont signé vendredi soir à l'Élysée un accord de sécurité.", "fr",
     ("meeting", "visit", "UKR", "FRA", "2024-02-16", None, [])),
    ("Vladimir Putin and Masoud Pezeshkian signed a partnership treaty in the Kremlin on Friday.", "en",
     ("meeting", "visit", "IRN", "RUS", "2024-02-16", None, [])),
])
def test_a_leader_signing_in_the_other_sides_capital_is_there_on_a_visit(text, language, visit):
    found = events(text, language, datetime(2024, 2, 17, 9, 0))
    assert visit in found
    assert ("treaty", "signed") == next(e[:2] for e in found if e[0] == "treaty")


def test_a_signing_with_no_leader_of_the_guest_side_is_no_visit():
    found = events("France and Ukraine signed a security agreement in Paris on Friday.", "en", datetime(2024, 2, 17, 9, 0))
    assert [e[0] for e in found] == ["treaty"]


def test_subjects_listed_with_their_titles_are_all_parties():
    text = ("President Joe Biden, Prime Minister Anthony Albanese and then British prime minister Rishi Sunak "
            "met at a summit in San Diego in March last year.")
    found = events(text, "en", datetime(2024, 8, 8, 9, 0))
    assert sorted("-".join(sorted(e[2:4])) for e in found if e[0] == "meeting") == ["AUS-GBR", "AUS-USA", "GBR-USA"]


@pytest.mark.parametrize("text, language", [
    ("Australia, Britain and the United States signed a new pact on Monday. It supersedes a narrower pact the "
     "three partners signed in November 2021.", "en"),
    ("L'Australie, le Royaume-Uni et les Etats-Unis ont signé lundi un nouvel accord. Il remplace un accord plus "
     "étroit que les trois partenaires avaient signé en novembre 2021.", "fr"),
])
def test_the_three_partners_are_the_three_of_the_event_told_before(text, language):
    earlier = [e for e in events(text, language, datetime(2024, 8, 8, 9, 0)) if e[4] == "2021-11"]
    assert sorted("-".join(sorted(e[2:4])) for e in earlier) == ["AUS-GBR", "AUS-USA", "GBR-USA"]
